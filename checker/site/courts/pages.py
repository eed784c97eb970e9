"""Court pages from the one link guide: the Markdown a court's page is built from, the court
facts panel, the court picker, and the filter that keeps only the court's variant.

Engine-neutral (plain strings in, strings out); :mod:`checker.site.pipeline.generate` writes
the pages.

The link guide marks court-type variants with md_in_html blocks, each opening tag on its own line
(a ``data-variant`` anywhere else is an error, so nothing meant for one court type leaks)::

    <div data-variant="bankruptcy" markdown>
    ...
    </div>

A court page keeps the blocks for its court type and drops the others *before* Markdown renders,
so the dropped headings stay out of the table of contents too. ``generic`` marks a block for the
generic guide only (such as the link to the court picker).
"""

from __future__ import annotations

import html
import re

from checker.facts import Fact, Source, us_date
from checker.site.courts.registry import Contact, Court, Registry, digits
from checker.site.markdown.fences import code_lines
from checker.site.markdown.tailoring import fill_court_values, tailor_screens

# The opening line of a variant block; the value may list several types ("bankruptcy district").
_VARIANT_OPEN = re.compile(r"""^\s*<div\b[^>]*\bdata-variant=["']([^"']+)["'][^>]*>\s*$""")
_VARIANT_ATTR = re.compile(r"""\bdata-variant=["']([^"']*)["']""")
_DIV_OPEN = re.compile(r"<div\b", re.IGNORECASE)
_DIV_CLOSE = re.compile(r"</div\s*>", re.IGNORECASE)
_H1 = re.compile(r"^#\s+(?P<title>.+?)\s*(?:\{[^}]*\})?\s*#*\s*$")


def variants(value: str) -> set[str]:
    return set(re.split(r"[\s|,]+", value.strip().lower())) - {""}


class VariantError(ValueError):
    """A ``data-variant`` the filter cannot see as a block of its own."""


def filter_variants(markdown: str, court_type: str) -> str:
    """Drop the ``data-variant`` blocks that do not include ``court_type``."""
    out: list[str] = []
    depth = 0  # > 0 while inside a dropped block
    lines = markdown.split("\n")
    for number, (line, code) in enumerate(zip(lines, code_lines(lines), strict=True), 1):
        if depth == 0:
            match = None if code else _VARIANT_OPEN.match(line)
            if not code and not match and _VARIANT_ATTR.search(line):
                raise VariantError(
                    f"line {number}: data-variant must open a <div ... markdown> block on a line "
                    f"of its own: {line.strip()!r}"
                )
            if match and court_type not in variants(match.group(1)):
                depth = 1
                continue
            out.append(line)
            continue
        depth += len(_DIV_OPEN.findall(line)) - len(_DIV_CLOSE.findall(line))
    return "\n".join(out)


def split_h1(markdown: str) -> tuple[str, str, str]:
    """(text before the first H1 line, the H1 line, the rest); H1 is '' if there is none."""
    lines = markdown.split("\n")
    for index, code in enumerate(code_lines(lines)):
        line = lines[index]
        if not code and _H1.match(line):
            return "\n".join(lines[:index]), line, "\n".join(lines[index + 1 :])
    return "", "", markdown


def insert_before_h2(markdown: str, block: str) -> str:
    """Insert ``block`` before the first ``## `` heading (at the end if there is none)."""
    lines = markdown.split("\n")
    for index, code in enumerate(code_lines(lines)):
        line = lines[index]
        if not code and line.startswith("## "):
            return "\n".join([*lines[:index], block, "", *lines[index:]])
    return f"{markdown}\n\n{block}\n"


def h1_title(markdown: str) -> str:
    line = split_h1(markdown)[1]
    match = _H1.match(line)
    return match.group("title") if match else ""


def insert_after_h1(markdown: str, block: str) -> str:
    before, h1, after = split_h1(markdown)
    if not h1:
        return f"{block}\n\n{markdown}"
    return f"{before}\n{h1}\n\n{block}\n\n{after}".lstrip("\n")


# ---- the court facts panel -------------------------------------------------------------------


def source_html(source: Source) -> str:
    title = html.escape(source.title)
    if source.url:
        return f'<a href="{html.escape(source.url)}">{title}</a>'
    return title


def _fact_html(fact: Fact) -> str:
    text = f"{html.escape(fact.text)} " if fact.text else ""
    return f"{text}<small>Source: {source_html(fact.source)}.</small>"


def path_html(path: tuple[str, ...]) -> str:
    return " → ".join(f"<strong>{html.escape(p)}</strong>" for p in path)


def _tel(phone: str) -> str:
    """A phone number as a link phones can dial (the extension stays text)."""
    number, _, extension = phone.partition(" ext. ")
    link = f'<a href="tel:+1{digits(number)}">{html.escape(number)}</a>'
    return f"{link} ext. {html.escape(extension)}" if extension else link


def website_html(court: Court) -> str:
    if court.web_url:
        return f'<a href="{html.escape(court.web_url)}">{html.escape(court.website_host)}</a>'
    return "Not listed in PACER's court data. Search for the court's name to find it."


def contact_html(court: Court) -> str:
    """The court's CM/ECF help contact as its own website gives it, with the page it is on and
    the day it was checked; or, without one, a plain statement and the court's website."""
    contact = court.facts.contact
    if contact is None or not contact.found:
        where = (
            f"Check its website, {website_html(court)}, or call the court's clerk's office."
            if court.web_url
            else "Search for the court's name to find its website, or call its clerk's office."
        )
        return f"This guide has no CM/ECF help contact for this court. {where}"
    ways = [_tel(phone) for phone in contact.phones]
    if contact.email:
        email = html.escape(contact.email)
        ways.append(f'<a href="mailto:{email}">{email}</a>')
    text = f"<strong>{html.escape(contact.label)}</strong>: {' or '.join(ways)}."
    if contact.hours:
        hours = html.escape(contact.hours)
        text += f" Hours: {hours}" + ("" if hours.endswith(".") else ".")
    if contact.general:
        text += (
            " This is the clerk's office general line: ask for help with CM/ECF when you call."
        )
    if contact.seen:
        year = contact.seen_year
        page = f"a page of {year}" if year else "an older page with no date"
        text += f" From {page} on the court's website: it may be out of date."
    return f"{text} {_contact_source(contact)}"


def _contact_source(contact: Contact) -> str:
    checked = f'<span data-fact="{contact.court_id}.contact">{us_date(contact.checked_on)}</span>'
    return f"<small>Source: {source_html(contact.source)}, checked on {checked}.</small>"


def _as_of(registry: Registry, fact_id: str = "court-data") -> str:
    """The court data's date, marked as the dated fact it is (checker/data/facts.toml)."""
    return f'<span data-fact="{fact_id}">{us_date(registry.as_of)}</span>'


def facts_panel(court: Court, registry: Registry) -> str:
    """The court's own facts, as an HTML block (a heading and a description list)."""
    name = html.escape(court.name)
    facts = court.facts
    rows = [
        ("Court", f"{name} ({court.type} court, {html.escape(court.state)})"),
        ("CM/ECF address", f'<a href="{court.ecf_url}">{court.ecf_host}</a>'),
        ("Court website", website_html(court)),
        ("Help with CM/ECF", contact_html(court)),
        ("Menus after linking", " and ".join(f"<strong>{m}</strong>" for m in court.menus)),
    ]
    if facts.entry_link:
        entry = facts.entry_link.params
        where = "the court's CM/ECF site" if entry["on"] == "ecf" else "the court's website"
        rows.append(
            (
                "Way in to CM/ECF",
                f"On {where}, click <strong>{html.escape(entry['label'])}</strong>. "
                f"<small>Source: {source_html(facts.entry_link.source)}.</small>",
            )
        )
    if facts.utility:
        path, fallback_path = facts.utility.params["path"], facts.utility.params["fallback"]
        fallback = f" If it is not there: {path_html(fallback_path)}." if fallback_path else ""
        rows.append(
            (
                "Where the link utility is",
                f"{path_html(path)}.{fallback} "
                f"<small>Source: {source_html(facts.utility.source)}.</small>",
            )
        )
    if facts.go_live and facts.go_live.date:
        rows.append(
            (
                "Linking possible from",
                f"<strong>{us_date(facts.go_live.date)}</strong>. {_fact_html(facts.go_live)}",
            )
        )
    else:
        rows.append(
            (
                "NextGen CM/ECF",
                f"Live on NextGen CM/ECF by {_as_of(registry, 'nextgen-all-courts')}, according "
                f"to {source_html(registry.source)} ({html.escape(court.software_version)}). "
                "The exact go-live date is not recorded here.",
            )
        )
    if facts.notes:
        items = "".join(f"<li>{_fact_html(note)}</li>" for note in facts.notes)
        rows.append(("Also good to know", f"<ul>{items}</ul>"))
    body = "".join(f"<dt>{term}</dt><dd>{value}</dd>" for term, value in rows)
    return (
        f'<div class="court-facts" data-court="{court.id}" data-court-type="{court.type}">\n'
        f"<dl>{body}</dl>\n"
        f'<p class="court-facts__as-of">Court names and addresses come from '
        f"{source_html(registry.source)}, as of {_as_of(registry)}. "
        "If an address does not work, check the court's website.</p>\n"
        "</div>"
    )


# ---- pages -----------------------------------------------------------------------------------


def court_page_markdown(guide: str, court: Court, registry: Registry, picker: str = "") -> str:
    """The link guide (body, front matter already removed) written for one court.

    Only the court's variant blocks stay, every ``<!-- pacer:court KEY -->`` becomes the court's
    value, an introduction names the court and its facts panel goes before the first section.
    ``picker`` is a Markdown link target for the court picker; empty leaves the link out.
    """
    values = court.values()
    body = fill_court_values(filter_variants(guide, court.type), values)
    body = tailor_screens(body, court.ecf_host, court.type)
    intro = f"This version is for **{values['name']}**. Its CM/ECF site is {values['ecf_link']}."
    if picker:
        intro += f" [Not your court? Find your court]({picker}){{ .court-picker-link }}"
    panel = f"## Your court {{ #your-court }}\n\n{facts_panel(court, registry)}"
    return insert_after_h1(insert_before_h2(body, panel), intro)


_LINK_TARGET = re.compile(r"(\]\(\s*<?|^\s*\[[^\]]+\]:\s*<?)(?![a-z][a-z0-9+.-]*:|[#/])(?=\S)")


def rebase_links(markdown: str, prefix: str) -> str:
    """Relative Markdown link targets prefixed with ``prefix`` (a page moved one folder down)."""
    lines = markdown.split("\n")
    return "\n".join(
        line if code else _LINK_TARGET.sub(lambda m: m.group(1) + prefix, line)
        for line, code in zip(lines, code_lines(lines), strict=True)
    )


def picker_markdown(registry: Registry, link: str = "{id}.md") -> str:
    """The court picker: every court by state and name, a plain list that works without script.

    ``link`` is the Markdown link target pattern for a court page.
    """
    sections = []
    for state, courts in registry.by_state().items():
        items = "\n".join(
            f'- [{c.name}]({link.format(id=c.id)}){{ data-court="{c.id}" }}'
            for c in courts
        )
        sections.append(
            f'<section class="court-state" markdown>\n\n## {state}\n\n{items}\n\n</section>'
        )
    districts, bankruptcies = registry.count("district"), registry.count("bankruptcy")
    intro = f"""# Find your court

Pick the court where you e-file. You get the link guide written for that court, with its
CM/ECF address and the menus you should see after linking.

District courts and bankruptcy courts are separate courts with separate CM/ECF accounts.
If you e-file in both, link your account at each one.

This list has {len(registry)} courts ({districts} district and {bankruptcies} bankruptcy),
from PACER's Court CM/ECF Lookup as of {_as_of(registry)}.

If you file in several courts, make a [checklist for several courts](checklist.md): it lists
what to do at each court you choose.

<div class="court-filter" data-court-filter hidden>
<label for="court-filter-input">Filter courts by name, state or court id</label>
<input id="court-filter-input" type="search" autocomplete="off" spellcheck="false"
  aria-describedby="court-filter-status">
<p id="court-filter-status" role="status" aria-live="polite"></p>
</div>

<div class="court-choose" data-court-choose hidden>
<p>To make a checklist, tick <strong>Add to checklist</strong> next to each court where you
file. Then select <strong>Open the checklist</strong> at the bottom of the screen.</p>
</div>
"""
    # After the list, and kept in view at the bottom of the screen while the list scrolls by.
    bar = """<div class="court-choose__bar" data-court-choose-bar hidden>
<p id="court-choose-status" role="status" aria-live="polite">No courts chosen yet.</p>
<p><a class="md-button" href="checklist/" data-court-choose-link>Open the checklist</a></p>
</div>"""
    # The checklist script after the filter's: the filter reads each entry's text before the
    # checklist boxes are added to it.
    scripts = (
        '<script src="../assets/court-filter.js" defer></script>\n'
        '<script src="../assets/court-checklist.js" defer></script>'
    )
    return intro + "\n" + "\n\n".join(sections) + "\n\n" + bar + "\n\n" + scripts + "\n"


def single_court_picker_markdown(court: Court, guide: str = "../link.md") -> str:
    """In a one-court build, the picker address still works and points at the court's guide."""
    return (
        "# Find your court\n\n"
        f"This edition of PACER Help is for the {court.name}.\n\n"
        f"[Link your CM/ECF account at this court]({guide})\n"
    )
