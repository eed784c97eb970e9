"""Personal data: the name, username or email address barred from the password.

Phrasings: "must not contain / include / match / be derived from [any part of] your name,
username, email", "... can not be part of the password", "will not allow X as part of passwords"
(the whole X), "reject passwords containing:"; "any part", "any portion" or "letters of" bar
parts.

Compared with the rules ``password.name``, ``password.username`` and ``password.email``: each bars
the whole (kind ``excludes``) or any part (kind ``excludes_parts``); reported as "no part of your
name may appear" against "only your whole name is barred".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.rulesets import RuleSet
from checker.verify.statements import Finding, Kind, Look, Reading

NAME = "personal"

# Searched only after a "password ... must not contain" (see _forbids), so bare nouns are safe:
# PACER's own list reads "any part of your first name, last name, username, or email address".
PERSONAL = {
    "password.name": re.compile(
        r"\b(?:first (?:name )?or last name|first name|last name|your name|full name"
        r"|user's name|real name|legal name)\b"
    ),
    "password.username": re.compile(
        r"\b(?:user ?names?|account (?:user)?names?|login (?:names?|ids?)|user ?ids?)\b"
    ),
    "password.email": re.compile(r"\be-?mail(?: address(?:es)?)?\b"),
}
_PASSWORD = re.compile(r"\bpasswords?\b")
_FORBIDDING = re.compile(r"\b(?:not|never|cannot|can't|mustn't)\b")
_CONTAINING = re.compile(
    r"\b(?:contain|include|have|use|match|allow|accept|permit)(?:s|ed)?\b|\bbe (?:derived|based)\b"
)
_REJECTING = re.compile(r"reject\w*\b[^.;]{0,30}?\b(?:containing|that contain|with|including)\b")
_NOT_PART_OF = re.compile(
    r"\b(?:not|never|cannot|can't)\b[^.;]{0,12}?\bbe (?:a )?part of (?:the |your |a )?(?:new )?"
    r"passwords?\b"
)
_CLAUSE_END = re.compile(r"[.!?;]")
PART = re.compile(
    r"(?<!\bas )\b(?:any part|part of|parts of|any portion|portions? of|letters of|characters of)\b"
)
NO_PART = re.compile(r"\bno part of\b")



def _forbids(text: str, about_password: bool = False) -> int | None:
    """Where ``text`` starts to bar something from the password: after "password ... not ...
    contain" (the negation and the verb in one clause, the password named before them, or the
    subject the context gives when ``about_password``), "reject passwords containing", or None."""
    return next(_barring(text, about_password), None)


def _barring(text: str, about_password: bool = False) -> Iterator[int]:
    """Each place in ``text`` where something starts to be barred from the password (see
    :func:`_forbids`), in order; each clause is read once."""
    rejecting = _REJECTING.search(text)
    if rejecting and ("password" in text or about_password):
        yield rejecting.end()
    named = _PASSWORD.search(text)
    if named is None and not about_password:
        return
    position = 0 if named is None else named.end()
    while True:
        end = _CLAUSE_END.search(text, position)
        clause_end = end.start() if end else len(text)
        negation = _FORBIDDING.search(text, position, clause_end)
        if negation:
            verb = _CONTAINING.search(text, negation.end(), clause_end)
            if verb:
                yield verb.end()
        if end is None:
            return
        position = clause_end + 1


def _bars_personal(low: str) -> bool | None:
    """For the pre-scan: whether personal data is named after a negation and the verb that
    follows it ("must not contain ... your username"), in the same sentence, or in the items of
    a lead-in ending in ":" ("cannot have: ... your username"), within 600 characters. Read
    forward from each "not ... contain", which few pages have, in one pass over the page."""
    for negation in _FORBIDDING.finditer(low):
        verb = _CONTAINING.search(low, negation.end(), negation.end() + 30)
        if verb is None:
            continue
        reach = verb.end() + _BARRING_REACH
        if ":" not in low[verb.end() : verb.end() + 30]:  # else the items after a lead-in
            stop = _STOP.search(low, verb.end(), reach)
            reach = stop.start() if stop else reach
        if any(pattern.search(low, verb.end(), reach) for pattern in PERSONAL.values()):
            return True
    return None


def _rejects(low: str) -> bool | None:
    """For the pre-scan: "reject ... containing" (see _REJECTING), from each "reject"."""
    position = low.find("reject")
    while position >= 0:
        if _REJECTING.match(low, position):
            return True
        position = low.find("reject", position + 6)
    return None


_STOP = re.compile(r"[.!?]\s")
_BARRING_REACH = 600


def _personal(reading: Reading) -> Iterator[Finding]:
    text, own, rules = reading.text, reading.own, reading.rules
    if "name" not in reading.low and "mail" not in reading.low and "user id" not in reading.low:
        return  # what is barred is named in the sentence itself
    start = None
    part_of = _NOT_PART_OF.search(text, own)  # "your name can not be part of the password"
    if part_of:
        ends = _CLAUSE_END.finditer(text, own, part_of.start())
        clause = max((found.end() for found in ends), default=own)
        found = _barred(text, clause, part_of.start(), rules)
        if found:
            reading.read.add(NAME)
        yield from _part_disagreement(found, True, rules)
        return
    forbids = _forbids(text, reading.context.subject == "password")
    if forbids is None and reading.about_password():
        no_part = NO_PART.search(text)  # "must contain: - No part of your username"
        forbids = no_part.end() if no_part else None
    if forbids is None:
        return
    start = max(forbids, own)
    says_parts = bool(PART.search(text))
    found = _barred(text, start, len(text), rules)
    if found:
        reading.read.add(NAME)
    yield from _part_disagreement(found, says_parts, rules)


def _barred(text: str, start: int, end: int, rules: RuleSet) -> list[str]:
    return [
        rule_id
        for rule_id, pattern in PERSONAL.items()
        if rule_id in rules.rule_ids and pattern.search(text, start, end)
    ]


def _part_disagreement(rule_ids: list[str], says_parts: bool, rules: RuleSet) -> Iterator[Finding]:
    for rule_id in rule_ids:
        what = rule_id.split(".")[1]
        rule_parts = rules.rule(rule_id).kind == "excludes_parts"
        if says_parts != rule_parts:
            form = {
                True: f"no part of your {what} may appear",
                False: f"only your whole {what} is barred",
            }
            yield rule_id, form[says_parts], form[rule_parts]




# --- what looks like a bar on personal data ----------------------------------------------------

# What the rules bar: the name, the username (or login), the email address.
_PERSONAL_NOUN = (
    r"first name|last name|full name|your name|real name|legal name|e-?mail(?: address)?"
    r"|user ?names?|user ?ids?|login (?:names?|ids?)|account names?"
)
_BAR_CUE = r"not|never|cannot|can't|no|different|differs?|same as|match\w*|resembl\w*|avoid\w*"
_CONTAIN_CUE = r"contain|include|use|match|resembl|based|derived|part|different|differ|same|reveal"
LOOKS = (
    Look(
        re.compile(rf"\b(?:{_BAR_CUE})\b[^.;]{{0,40}}?\b(?:{_CONTAIN_CUE})\w*\b"
                   rf"[^.;]{{0,80}}?\b(?:{_PERSONAL_NOUN})\b"
                   rf"|\b(?:differ\w*|distinct|unlike)\b[^.;]{{0,20}}?\bfrom\b[^.;]{{0,60}}?"
                   rf"\b(?:{_PERSONAL_NOUN})\b"),  # fmt: skip
        "personal data barred", (NAME,), ("name", "mail", "user", "login"),
    ),
)


def _wakes(reading: Reading) -> bool:
    low = reading.low  # what is barred is named in the sentence itself
    return "name" in low or "mail" in low or "user id" in low


KIND = Kind(
    name=NAME,
    title="Personal data in the password",
    rule_ids=("password.name", "password.username", "password.email"),
    wakes=_wakes,
    needs=r"part\s+of|name|mail|user\s?id",
    read=_personal,
    phrasings=(_NOT_PART_OF, NO_PART, _REJECTING),
    prescan=(
        (_bars_personal, (("password",), ("name", "mail", "user id"))),
        (_rejects, (("reject",), ("contain", "with", "includ"))),
        (_NOT_PART_OF.search, (("part of",),)),
        (NO_PART.search, (("no part",),)),
    ),
    looks=LOOKS,
)
