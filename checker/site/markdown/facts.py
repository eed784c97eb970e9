"""Dated facts on the pages, rendered from checker/data/facts.toml for the build date.

Shortcodes (see :data:`checker.site.markdown.extension.SHORTCODES`):

- ``<!-- pacer:fact ID -->``: the fact's sentence for the build date;
- ``<!-- pacer:date ID [param=NAME] -->``: the fact's date alone ("December 31, 2025"), or another
  date among its parameters;
- ``<!-- pacer:checked ID -->``: the day the fact was last checked;
- ``<!-- pacer:sources ID -->``: the fact's sources as links;
- ``<!-- pacer:facts [ruleset=...] -->`` and ``<!-- pacer:ruleset-status [ruleset=...] -->``: the
  facts that come with a rule set, and whether it is in force;
- ``<!-- pacer:passwordrules [ruleset=...] -->``: the rules for password managers.

Every rendered fact carries ``data-fact="ID"`` (so the hand-typed date check can tell it from
typed prose). A fact past its review-by date stops the build: :class:`StaleFactError` names the
fact, its sources and the date, so nobody publishes a statement that nobody re-checked.
"""

from __future__ import annotations

import datetime as dt
import html

from checker.facts import Fact, FactsError, UnknownFactError, book, build_date, us_date
from checker.passwordrules import passwordrules as passwordrules_string
from checker.rulesets import DEFAULT_RULESET, get_ruleset
from checker.site.markdown.render import ShortcodeError, source_link


class StaleFactError(ShortcodeError):
    """A page states a fact whose review-by date has passed."""


def stale_message(fact: Fact, on: dt.date) -> str:
    sources = "; ".join(f"{s.title} <{s.url}>" for s in fact.sources) or "the site itself"
    return (
        f"fact {fact.id!r} is past its review-by date {fact.review_by.isoformat()} "
        f"(checked on {fact.checked_on.isoformat()}, build date {on.isoformat()}); "
        f"re-check it against {sources} and update checked_on in {book().path.name}"
    )


def current_fact(fact_id: str, on: dt.date | None = None) -> Fact:
    """The fact, if it exists and is not stale on ``on`` (the build date by default)."""
    on = build_date() if on is None else on
    try:
        fact = book().get(fact_id)
    except (UnknownFactError, FactsError) as error:
        raise ShortcodeError(str(error)) from None
    if fact.is_stale(on):
        raise StaleFactError(stale_message(fact, on))
    return fact


def _span(fact: Fact, content: str) -> str:
    return f'<span data-fact="{fact.id}">{content}</span>'


def fact(fact_id: str) -> str:
    on = build_date()
    found = current_fact(fact_id, on)
    return _span(found, html.escape(found.sentence(on)))


def date(fact_id: str, param: str = "") -> str:
    """The fact's date, or with ``param=NAME`` another date the fact holds (such as ``delayed``)."""
    found = current_fact(fact_id)
    day = found.params.get(param) if param else found.date
    if not isinstance(day, dt.date):
        what = f"no date parameter {param!r}" if param else "no date"
        raise ShortcodeError(f"fact {fact_id!r} has {what}; use pacer:fact for its sentence")
    return _span(found, us_date(day))


def checked(fact_id: str) -> str:
    found = current_fact(fact_id)
    return _span(found, us_date(found.checked_on))


def source(source_id: str) -> str:
    """One source by its id in facts.toml, linked, with its date: pages cite the record, so its
    address and date are written once."""
    try:
        return source_link(book().source(source_id))
    except (UnknownFactError, FactsError) as error:
        raise ShortcodeError(str(error)) from None


def sources(fact_id: str) -> str:
    found = current_fact(fact_id)
    if not found.sources:
        raise ShortcodeError(f"fact {fact_id!r} has no sources to list")
    return _span(found, "; ".join(source_link(source) for source in found.sources))


def facts_list(ruleset: str = DEFAULT_RULESET) -> str:
    """The facts that come with a rule set (how often to change a password, MFA), sourced."""
    rules = get_ruleset(ruleset)
    on = build_date()
    # One source a line: a list of several in one sentence is too long to read aloud.
    items = "".join(
        f"<li>{fact(item.id)}<ul>"
        + "".join(f"<li>Source: {source_link(source)}</li>" for source in item.sources)
        + "</ul></li>"
        for item in (current_fact(f.id, on) for f in rules.facts)
    )
    return f'<ul class="fact-list" data-ruleset="{rules.name}">{items}</ul>'


def ruleset_status(ruleset: str = DEFAULT_RULESET) -> str:
    """Whether the rule set is in force, as its status fact says on the build date."""
    status = get_ruleset(ruleset).status
    return fact(status.id) if status else ""


def passwordrules(ruleset: str = DEFAULT_RULESET) -> str:
    """The rule set in the ``passwordrules`` syntax, in a ``<code>`` element."""
    rules = get_ruleset(ruleset)
    text = html.escape(passwordrules_string(rules))
    return f'<code data-passwordrules data-ruleset="{rules.name}">{text}</code>'
