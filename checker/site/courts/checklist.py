"""The checklist for attorneys who file in several courts (``courts/checklist/``).

The page holds one checklist section per court, written from the court registry by the same
helpers as each court's "Your court" panel (:mod:`checker.site.courts.pages`), so the checklist
and the court pages cannot say different things. Every section starts hidden. The page's script
(``docs/assets/court-checklist.js``) shows the sections of the courts named in the address after
``#`` (``checklist/#mnd,iasb``), in that order, and follows changes of the address. It stores
nothing and loads nothing; without it, the page says how to use the court pages instead.

In a one-court build the page is that court's checklist alone, shown without any script.
"""

from __future__ import annotations

import html

from checker.facts import us_date
from checker.site.courts.pages import contact_html, path_html, source_html, website_html
from checker.site.courts.registry import Court, Registry

TITLE = "Checklist for several courts"
SCRIPT = "../../assets/court-checklist.js"  # from courts/checklist/
# The link utility's place when the court's own guide does not say (docs/link.md, steps 4-5).
DEFAULT_UTILITY = ("Utilities", "Link a CM/ECF account to my PACER account")
DEFAULT_FALLBACK = ("Utilities", "NextGen Release 1.1 Menu Items",
                    "Link a CM/ECF account to my PACER account")  # fmt: skip
# Other pages of the site, from courts/checklist/ (raw HTML: the engine does not rewrite these).
ACCOUNT = "../../account/"


def _step(action: str, details: str) -> str:
    return (
        f'<li><label><input type="checkbox"> {action}</label>'
        f'<div class="checklist-court__details">{details}</div></li>'
    )


def _small_source(fact) -> str:
    return f"<small>Source: {source_html(fact.source)}.</small>"


def court_steps(court: Court) -> list[str]:
    """What to do at one court, as checklist items (HTML)."""
    facts = court.facts
    ecf = f'<a href="{court.ecf_url}">{court.ecf_host}</a>'
    link_details = "Skip this if you first registered here after the move. You link only once."
    if facts.go_live and facts.go_live.date:
        link_details += (
            f" Linking is possible from <strong>{us_date(facts.go_live.date)}</strong>. "
            + _small_source(facts.go_live)
        )
    login = f"Address: {ecf}."
    if facts.entry_link:
        entry = facts.entry_link.params
        where = "the court's CM/ECF site" if entry["on"] == "ecf" else "the court's website"
        login += (
            f" On {where}, select <strong>{html.escape(entry['label'])}</strong>. "
            + _small_source(facts.entry_link)
        )
    elif court.web_url:
        login += f" You can also start on the court's website, {website_html(court)}."
    if facts.utility:
        path, fallback = facts.utility.params["path"], facts.utility.params["fallback"]
        utility = f"{path_html(path)}."
        if fallback:
            utility += f" If it is not there: {path_html(fallback)}."
        utility += " " + _small_source(facts.utility)
    else:
        utility = (
            f"{path_html(DEFAULT_UTILITY)}. If it is not there: {path_html(DEFAULT_FALLBACK)}."
        )
    menus = " and ".join(f"<strong>{m}</strong>" for m in court.menus)
    steps = [
        _step("Link your old CM/ECF account, if you e-filed here before NextGen.", link_details),
        _step("Log in to the court's CM/ECF site with your PACER account.", login),
        _step("Open the link utility.", utility),
        _step("Check your filing menus.", f"After linking, the menu bar shows {menus}."),
        _step(
            "Check your extra addresses for notices.",
            f"{path_html(('Utilities', 'Maintain Your ECF Account', 'Email information'))}. "
            f'See <a href="{ACCOUNT}#your-notice-emails-at-each-court">your notice emails</a>.',
        ),
        _step(
            "If staff file for you, add them as filing agents here.",
            f'See <a href="{ACCOUNT}#staff-who-file-for-you">staff who file for you</a>.',
        ),
        _step("Note the court's help contact.", contact_html(court)),
    ]
    if facts.notes:
        notes = "".join(
            f"<li>{html.escape(note.text)} {_small_source(note)}</li>" for note in facts.notes
        )
        steps.append(_step("Read what is special at this court.", f"<ul>{notes}</ul>"))
    return steps


def court_section(court: Court, guide: str, hidden: bool = True) -> str:
    """One court's checklist: its name, its link guide and its steps. ``guide`` is the address
    of the court's link guide from the checklist page."""
    kind = f"{court.type.capitalize()} court, {html.escape(court.state)}"
    heading = f"checklist-{court.id}"
    return (
        f'<section class="checklist-court" data-court="{court.id}" '
        f'aria-labelledby="{heading}"{" hidden" if hidden else ""}>\n'
        f'<h2 id="{heading}">{html.escape(court.name)}</h2>\n'
        f'<p class="checklist-court__meta">{kind}. <a href="{html.escape(guide)}">The link guide '
        "for this court</a></p>\n"
        f'<ul class="checklist-court__steps">{"".join(court_steps(court))}</ul>\n'
        "</section>"
    )


INTRO = f"""# {TITLE}

Use this checklist if you e-file in more than one court. It lists what to do at each court you
choose, with the court's help contact. Print it, and tick each box as you go.

<div class="court-checklist__fallback" data-checklist-fallback markdown>

This checklist needs JavaScript, which is off in your browser. You can use the court pages
instead: open [Find your court](index.md), select each court where you file, and print its page.
Each court's page has the same steps, and its help contact under **Your court**.

</div>

To choose courts, go to [Find your court](index.md). Tick **Add to checklist** next to each court,
then select **Open the checklist**. The courts you chose are in this page's address, after the
"#" sign. Bookmark or share the address to open the same checklist again. Nothing is saved on
your computer.

At every court:

- You need an upgraded PACER account first. See [upgrade your PACER account](../upgrade.md).
- <!-- pacer:fact notice-extra-addresses -->
- Linking at one court does not link you at another. See [link your CM/ECF account](../link.md).
"""


def checklist_markdown(registry: Registry, guide: str = "../{id}/") -> str:
    """The checklist page (front matter left to the caller): every court's section, hidden
    until the script shows the chosen ones."""
    sections = "\n".join(court_section(c, guide.format(id=c.id)) for c in _by_name(registry))
    return (
        INTRO
        + '\n<div class="court-checklist" data-checklist hidden>\n'
        + '<div class="court-checklist__actions">\n'
        + '<p class="court-checklist__status" data-checklist-status role="status"></p>\n'
        + '<p><button type="button" class="md-button" data-checklist-print>Print this '
        + "checklist</button></p>\n</div>\n"
        + '<div class="court-checklist__courts" data-checklist-courts>\n'
        + sections
        + "\n</div>\n</div>\n\n"
        + f'<script src="{SCRIPT}" defer></script>\n'
    )


def single_court_checklist_markdown(court: Court, guide: str = "../../link/") -> str:
    """In a one-court build: that court's checklist, shown as it is, without any script."""
    return (
        f"# {TITLE}\n\n"
        f"This edition of PACER Help is for the {court.name}. Its checklist is below. For other "
        "courts, use the full PACER Help site.\n\n"
        "At this court:\n\n"
        "- <!-- pacer:fact notice-extra-addresses -->\n\n"
        + court_section(court, guide, hidden=False)
        + "\n"
    )


def _by_name(registry: Registry) -> list[Court]:
    return sorted(registry, key=lambda court: (court.state, court.name))
