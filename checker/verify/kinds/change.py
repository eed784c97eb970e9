"""The change interval: how often the password must be changed.

Phrasings: "every N days / weeks / months / years", "an N-day change", "expire in / after / at N
days", "maximum password age (of) N days", "valid for", "not older than", "update in N months",
"if you don't change it for N days", "yearly", "annually", "once a year"; and "passwords never /
no longer / do not expire" (no interval). Not intervals: inactivity limits ("six months of
inactivity"), minimum password ages and reuse rules ("repeat the same one every 60 days").

Compared with the dated fact ``password-change`` of the rule set (its ``days``; a rule set
without it has no interval, so no statement disagrees); reported as "change every 90 days"
against "change every 180 days". Months count 30 to 31 days, years 360 to 366.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.rulesets import RuleSet
from checker.verify.numbers import NUM, number
from checker.verify.statements import (
    ADVICE,
    SUBJECTISH,
    Finding,
    Form,
    Kind,
    Look,
    Reading,
    forms,
    is_past,
    wakes_on,
)

NAME = "change"

_UNIT = r"[- ](day|week|month|year)s?\b"
CHANGE_FORMS = forms(
    (rf"\bevery:?\s+{NUM}{_UNIT}", "every", ("every",)),
    (rf"\b{NUM}-(day) (?:password )?(?:change|expiration|reset|cycle)", "every", ("-day",)),
    (rf"\bexpir\w*\b[^.;\d]{{0,40}}?\b{NUM}{_UNIT}", "expire", ("expir",)),
    (rf"\bage\b[^.;\d]{{0,25}}?\b{NUM}{_UNIT}", "age", ("age",)),
    (rf"\bvalid for {NUM}{_UNIT}", "every", ("valid for",)),
    (rf"\bolder than {NUM}{_UNIT}", "every", ("older than",)),
    (rf"\b(?:change|update|reset|renew)\w*\s+(?:in|within|after)\s+{NUM}{_UNIT}", "every",
     ("change", "update", "reset", "renew")),  # fmt: skip
    (
        rf"\b(?:don't|do not|haven't|have not|not)\s+(?:change|update|reset)\w*\b[^.;\d]{{0,40}}?"
        rf"\bfor {NUM}{_UNIT}",
        "every",
        ("not", "n't"),
    ),
    (r"\b(?:yearly|annually|once (?:a|per|each|every) year|every year)\b", "yearly",
     ("year", "annual")),  # fmt: skip
    (
        r"\b(?:never|no longer|not|n't) expire|\bexempt from (?:the )?(?:password )?expiration",
        "never",
        ("expir",),
    ),
)
_CHANGE_WORDS = {word for form in CHANGE_FORMS for word in form.words}
_CHANGE_GATE = re.compile("|".join(re.escape(word) for word in sorted(_CHANGE_WORDS)))
_CHANGING = re.compile(r"\b(?:chang|updat|reset|renew|expir)\w*")
_MINIMUM_AGE = re.compile(r"\bmin(?:imum|\.)?\s+(?:password\s+)?$")
_REUSE_BEFORE = re.compile(
    r"\b(?:reuse|re-use|repeat|same one|history|previous|last \d+ passwords|used in the last)\b"
)
_INACTIVE_AFTER = re.compile(
    r"^\s*(?:with no login|of inactivity|without (?:a )?log|inactive|of no use|idle)"
)



def _change(reading: Reading) -> Iterator[Finding]:
    text, rules = reading.text, reading.rules
    present = {word for word in _CHANGE_WORDS if word in text}
    if not present or not reading.about_password():
        return
    days = _change_days(rules)  # None: the rule set has no interval, so none disagrees
    said: dict[str, str] = {}
    for form in CHANGE_FORMS:
        if present.isdisjoint(form.words):
            continue
        for match in form.pattern.finditer(text):
            if not reading.owns(match):
                continue
            reading.read.add(NAME)
            if days is None or _not_an_interval(reading, match, form.kind):
                continue
            says = _interval_says(match, form.kind, days)
            if says:
                said.setdefault(says, says)
    for says in said:
        yield "password-change", says, f"change every {days} days"


_DAYS: dict[str, int | None] = {}


def _change_days(rules: RuleSet) -> int | None:
    """The rule set's change interval in days, if it has one (looked up once per rule set)."""
    if rules.name not in _DAYS:
        facts = {fact.id: fact for fact in rules.facts}
        change = facts.get("password-change")
        _DAYS[rules.name] = change.params["days"] if change else None
    return _DAYS[rules.name]


def _not_an_interval(reading: Reading, match: re.Match, kind: str) -> bool:
    text = reading.text
    before = reading.clause_before(match.start())
    if _REUSE_BEFORE.search(before) or ADVICE.search(before) or is_past(before):
        return True
    if _INACTIVE_AFTER.match(text, match.end()):
        return True
    if kind == "age" and _MINIMUM_AGE.search(text, max(0, match.start() - 20), match.start()):
        return True
    return kind == "yearly" and not _CHANGING.search(text)


def _interval_says(match: re.Match, kind: str, days: int) -> str | None:
    """What the match says, when it disagrees with a change every ``days`` days."""
    if kind == "never":
        return "passwords never expire"
    if kind == "yearly":
        count, unit = 1, "year"
    else:
        count, unit = number(match.group(1)), match.group(2)
    low, high = {"day": (1, 1), "week": (7, 7), "month": (30, 31), "year": (360, 366)}[unit]
    if count * low <= days <= count * high:
        return None
    plural = "s" if count != 1 else ""
    return f"change every {count} {unit}{plural}" if unit != "day" else f"change every {count} days"




# --- what looks like a change interval ---------------------------------------------------------

LOOKS = (
    Look(
        re.compile(rf"\b{NUM}{_UNIT}"),
        # A unit after its number: " days", "-day" (so "Monday" wakes nothing).
        "a number of days, weeks, months or years", (NAME,),
        tuple(f"{mark}{unit}" for unit in ("day", "week", "month", "year") for mark in " -"),
        time=True,
        reach=80,
        # Deadlines, reminders, reuse, inactivity, settings an administrator picks: no interval.
        unless=re.compile(
            r"\b(?:inactiv\w*|idle|unused|no login|not used|of no use|reuse|re-use|history"
            r"|previous|last|reset link|link|code|trial|subscription|due|deadline|objections?"
            r"|hearing|service|served|notif\w*|remind\w*|e-?mail|warn\w*|ago|a week|a day"
            r"|administrators?|admin|choose|select\w*|options?|settings?|configur\w*|custom)\b"
        ),
        cue=re.compile(r"\b(?:chang\w*|expir\w*|valid|updat\w*|renew\w*|rotat\w*|age|lifetime"
                       r"|every|older|interval|cycle|reset)\b"),
    ),
)
# An interval written as a label and its value ("Maximum Password Age: 90 days"), for the
# pre-scan: the label may be a table cell before the value's.
_LABEL_VALUE = re.compile(rf"\b(?:every|expir\w*|age|valid)\b[^.;\d]{{0,60}}?\b{NUM}{_UNIT}")
_UNITS = ("day", "week", "month", "year")


def _change_gate(form: Form) -> tuple[tuple[str, ...], ...]:
    """A change form's gate: a subject, its own words (" age" with its space, or "page" would
    wake it), and a unit when it reads a number of them."""
    words = tuple(" age" if word == "age" else word for word in form.words)
    unit = "(day|week|month|year)" in form.pattern.pattern
    return (SUBJECTISH, words, *((_UNITS,) if unit else ()))


KIND = Kind(
    name=NAME,
    title="How often the password must be changed",
    rule_ids=("password-change",),
    wakes=wakes_on(_CHANGE_GATE),
    needs=r"every|day|week|month|year|expir|age\b|annual|valid|older",
    read=_change,
    phrasings=tuple(form.pattern for form in CHANGE_FORMS),
    prescan=(
        *((form.pattern.search, _change_gate(form)) for form in CHANGE_FORMS),
        (_LABEL_VALUE.search, (SUBJECTISH, _UNITS)),
    ),
    looks=LOOKS,
)
