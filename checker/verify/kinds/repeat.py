"""The repeat limit: how many times in a row one character may appear.

Phrasings: "the same character N times in a row", "more than N consecutive (identical, repeated)
characters" (N+1 barred), "up to / at most N identical characters may appear consecutively" (N+1
barred), "N or more identical characters ... are rejected" and "no character repeated thrice" (N
barred).

Compared with the rule ``password.repeat`` (its ``run``: the run that is barred); reported as "4
times in a row is not allowed" against "3 times in a row is not allowed".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.verify.numbers import NUM, number
from checker.verify.statements import Finding, Kind, Look, Reading, forms, wakes_on

NAME = "repeat"

_SAME = r"(?:(?:consecutive|identical|repeated|repeating|same|of the same)\s+){1,2}characters?\b"
_TIMES = rf"(?:(twice|thrice|once)|{NUM} times)"
REPEAT_FORMS = forms(
    (rf"\bsame character {NUM}(?: or more)? times in a row\b", "run", ("in a row",)),
    (rf"\b(?:up to|at most|a maximum of|maximum of|no more than) {NUM} {_SAME}", "allowed",
     ("identical", "consecutive", "repeat", "same")),  # fmt: skip
    (rf"\bmore than {NUM} {_SAME}", "more", ("identical", "consecutive", "repeat", "same")),
    (rf"\brepeated more than {_TIMES}", "more", ("repeated",)),
    (rf"\b{NUM} or more {_SAME}", "barred", ("identical", "consecutive", "repeat", "same")),
    (rf"\b{NUM} (?:(?:consecutive|identical|repeated|repeating)\s+){{1,2}}characters?\b",
     "barred", ("identical", "consecutive", "repeat")),  # fmt: skip
    (rf"\brepeated {_TIMES}", "barred", ("repeated",)),
)
_BARRING = re.compile(
    r"\b(?:not|no|never|cannot|can't|mustn't|rejected|prohibited|disallowed|forbidden)\b"
)


_REPEAT_GATE = re.compile("in a row|identical|consecutive|repeat|same")


def _repeat(reading: Reading) -> Iterator[Finding]:
    text = reading.text
    if not _REPEAT_GATE.search(text):
        return
    said = None
    for form in REPEAT_FORMS:
        match = form.pattern.search(text, reading.own)
        if match is None or not reading.owns(match):
            continue
        value = number(next(group for group in match.groups() if group))
        if form.kind == "barred" and not _BARRING.search(text):
            continue
        said = value + 1 if form.kind in ("allowed", "more") else value
        break
    if said is None:
        return
    reading.read.add(NAME)
    rules = reading.rules
    if "password.repeat" not in rules.rule_ids:
        yield "password.repeat", "a repeat limit", "no repeat limit"
        return
    run = rules.rule("password.repeat").params["run"]
    if said != run:
        yield (
            "password.repeat",
            f"{said} times in a row is not allowed",
            f"{run} times in a row is not allowed",
        )




# --- what looks like a repeat limit ------------------------------------------------------------

LOOKS = (
    Look(
        re.compile(r"\b(?:repeat\w*|consecutive|identical|in a row|same character|twice|thrice"
                   rf"|{NUM} times)\b(?=[^.;]{{0,60}}?\bchar)"
                   r"|\bchar\w*\b[^.;]{0,60}?\b(?:repeat\w*|consecutive|identical|in a row"
                   rf"|twice|thrice|{NUM} times)\b"),  # fmt: skip
        "a repeated character", (NAME,), ("char",),  # each alternative needs "char"
        # A limit needs a count or a bar: "the repeated character rule" names one, states none.
        cue=re.compile(rf"\b(?:not|no|never|cannot|can't|more than|at most|up to|limit\w*|twice"
                       rf"|thrice|times|in a row|{NUM})\b"),
        unless=re.compile(r"\b(?:sequential|previous|last|history|attempts?|tries|login|example"
                          r"|e\.g\.|such as|ignores case|occurrences?)\b|\""
                          r"|\b(?:repeat\w*|consecutive|identical) characters? rules?\b"),
    ),
)


KIND = Kind(
    name=NAME,
    title="Repeated characters in the password",
    rule_ids=("password.repeat",),
    wakes=wakes_on(_REPEAT_GATE),
    needs=r"repeat|identical|consecutive|in\s+a\s+row|same",
    read=_repeat,
    phrasings=tuple(form.pattern for form in REPEAT_FORMS),
    prescan=tuple((form.pattern.search, (form.words,)) for form in REPEAT_FORMS),
    looks=LOOKS,
)
