"""Lengths, of the password or the username.

Phrasings: "N-M characters" (any dash, "to", "through"), "between N and M", "at least / a minimum
of / no fewer than N", "N or more", "N+", "N characters minimum", "at most / no more than / up to
/ cannot exceed M", "more than N" (at least N+1), "less than N" (at most N-1; "less than N ... not
allowed" is at least N), a pair "a minimum of N and a maximum of M" (one statement, as a range),
labels with the unit implied ("Minimum password length: 16", "Length >= 14", "a length of at
least 14", "the minimum is now 14"), a setting's "The default is N characters", and "N characters
long" in a list of requirements. Adjectives such as "alphanumeric" may stand before
"characters". A change notice, "will increase from 8 to 14 characters", states the new value (14)
only.

Compared with the rules ``password.length`` and ``username.length`` (their ``min`` and ``max``);
reported as "password at least 8 characters" against "password at least 14 characters".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.rulesets import RuleSet
from checker.verify.numbers import NUM, number
from checker.verify.statements import (
    NEGATION,
    OTHER_FIELDS,
    Finding,
    Kind,
    Look,
    Reading,
    forms,
)

NAME = "length"

_CHARS = r"(?:\s(?:alphanumeric|ascii|printable|total|keyboard))?(?:-|\s)?char(?:acter)?s?\b\.?"
_DASH = r"\s*(?:-|–|—|to|through|thru)\s*"
_AT_LEAST = (
    r"(?:at least|at minimum|a minimum of|minimum of|minimum|min\.?|no fewer than|not fewer than"
    r"|no less than|not less than)"
)
_AT_MOST = (
    r"(?:at most|at maximum|no more than|not more than|up to|maximum of|a maximum of|maximum"
    r"|max\.?)"
)
_PAIR_LOW = (
    r"(?:at least|a minimum(?: length)? of|minimum(?: length)? of|minimum|min\.?|no fewer than)"
)
_PAIR_HIGH = (
    r"(?:no more than|not more than|at most|up to|a maximum(?: length)? of|maximum(?: length)? of"
    r"|maximum|max\.?)"
)
_LENGTH = (
    r"(?:(?:password|username|user name) )?length(?: (?:for|of) (?:the |your |a )?"
    r"(?:pacer |cm/ecf )?(?:passwords?|usernames?|user names?))?"
    r"(?: of| is| must be| should be| will be)?:?\s*"
)
_CHANGE_VERB = (
    r"(?:increas|ris|rais|chang|extend|lengthen|grow|grew|go|goes|went|mov|decreas|reduc|lower"
    r"|shorten|drop)\w*"
)


LENGTH_FORMS = forms(
    (
        rf"\b{_CHANGE_VERB}\b[^.;:\d]{{0,60}}?\bfrom {NUM}(?:{_CHARS})? to {NUM}(?:{_CHARS})?",
        "changed",
        ("from",),
    ),
    (
        rf"\b{_PAIR_LOW} {NUM}(?:{_CHARS})?(?: long| in length)?,? (?:and|but) "
        rf"(?:(?:can|may|must|should|will) )?(?:be )?{_PAIR_HIGH} {NUM}(?:{_CHARS})?",
        "pair",
        ("and", "but"),
    ),
    (rf"\bbetween {NUM} and {NUM}{_CHARS}", "range", ("between",)),
    (rf"\b{NUM}{_DASH}{NUM}{_CHARS}", "range", ("-", "–", "—", "to", "thr")),
    (rf"\b{_LENGTH}(?:between )?{NUM}(?:{_DASH}|\s+and\s+){NUM}\b", "range", ("length",)),
    (rf"\b{_AT_MOST} {NUM}{_CHARS}", "max", ("most", "more", "max", "up to")),
    (rf"\b{_AT_LEAST}:? {NUM}{_CHARS}", "min", ("least", "min", "fewer", "less")),
    (rf"\bmore than {NUM}{_CHARS}", "more", ("more than",)),
    (rf"\b(?:less|fewer) than {NUM}{_CHARS}", "less", ("less than", "fewer than")),
    (rf"\bexceed(?:s|ing)? {NUM}{_CHARS}", "exceed", ("exceed",)),
    (rf"\b(?:minimum|min\.?) {_LENGTH}{NUM}\b", "min", ("min",)),
    (rf"\b{NUM}{_CHARS} (?:or (?:more|longer)|minimum|min\b)", "min", ("more", "longer", "min")),
    (rf"\b{NUM} or more{_CHARS}", "min", ("or more",)),
    (rf"\b{NUM}\+{_CHARS}", "min", ("+",)),
    (rf"\b(?:maximum|max\.?) {_LENGTH}{NUM}\b", "max", ("max",)),
    (
        rf"\b{NUM}{_CHARS} (?:or (?:fewer|less|shorter)|maximum|max\b)",
        "max",
        ("fewer", "less", "shorter", "max"),
    ),
    (rf"\blength\s*(?:>=|=>|≥|>)\s*{NUM}\b", "min", (">", "≥")),
    (rf"\blength\s*(?:<=|=<|≤|<)\s*{NUM}\b", "max", ("<", "≤")),
    (rf"\blength of {_AT_LEAST} {NUM}\b", "min", ("length of",)),
    (rf"\bminimum (?:is|will be|becomes) (?:now )?{NUM}\b", "min", ("minimum",)),
    (rf"\bdefault(?: value)? is {NUM}(?:{_CHARS})?", "default", ("default",)),
    (rf"\b{NUM}{_CHARS} (?:long|in length)\b", "bare", ("long", "in length")),
)
# Words that, before or after a length form, say how to read it.
_REFUSED_AFTER = re.compile(r"\s*(?:are |is )?(?:not|rejected|invalid)")
_LONGEST = re.compile(r"\b(?:max\w*|longest)\b")
_LEAST_WORDS = re.compile(r"\b(?:minimum|shortest|fewest|at least)\b")
_MOST_WORDS = re.compile(r"\b(?:maximum|longest|at most)\b")
_RULE_WORDS = re.compile(r"\b(?:must|should|needs?|required?|requirements?|rules?|ruleset)\b")
_FORM_WORDS = {word for form in LENGTH_FORMS for word in form.words}
_FORMS_OF = {
    word: [index for index, form in enumerate(LENGTH_FORMS) if word in form.words]
    for word in _FORM_WORDS
}



def _lengths(reading: Reading) -> Iterator[Finding]:
    text = reading.text
    if "char" not in text and "length" not in text:
        return  # every length form names characters or the length
    # A number read by one form is not read again by a later one: the characters each match
    # covers are marked (a list of spans compared pairwise grows with the square of the matches).
    # Statements are compared as they are found, holding none: a sentence may hold a million.
    covered = bytearray(len(text))
    tried = sorted({index for word in _FORM_WORDS if word in text for index in _FORMS_OF[word]})
    for index in tried:
        form = LENGTH_FORMS[index]
        subject_at = reading.sweep()
        for match in form.pattern.finditer(text):  # from the lead-in: a label starts a form
            start, end = match.span()
            if covered.find(1, start, end) != -1 or not reading.owns(match):
                continue
            covered[start:end] = b"\x01" * (end - start)
            if reading.excluded(match, form.kind):
                reading.read.add(NAME)  # the past, advice, a bound on a bound
                continue
            subject = subject_at(_number_start(match))
            if subject is None:
                reading.read.add(NAME)  # another field's length
                continue
            bounds = _bounds(reading, match, form.kind)
            if bounds is not None:
                reading.read.add(NAME)
                yield from _length_disagreement(subject, bounds, reading.rules)


def _number_start(match: re.Match) -> int:
    return match.start(1) if match.group(1) is not None else match.start()


def _bounds(reading: Reading, match: re.Match, kind: str) -> tuple[int | None, int | None] | None:
    """(least, most) a length statement allows, or None when it states no rule."""
    values = [number(group) for group in match.groups() if group is not None]
    if kind in ("range", "pair"):
        if kind == "pair" and "char" not in match.group(0) and "length" not in reading.text:
            return None
        return values[0], values[1]
    if kind == "min":
        return values[0], None
    if kind == "max":
        return None, values[0]
    before = reading.clause_before(match.start())
    if kind == "more":  # "more than 13" is 14 at least; "cannot be more than 45" is 45 at most
        return (None, values[0]) if NEGATION.search(before) else (values[0] + 1, None)
    if kind == "less":
        after = reading.text[match.end() : match.end() + 40]
        if NEGATION.search(before) or _REFUSED_AFTER.match(after):
            return values[0], None
        return None, values[0] - 1
    if kind == "exceed":
        return None, values[0]
    if kind == "changed":  # the value it changes to
        longest = _LONGEST.search(reading.text)
        return (None, values[1]) if longest else (values[1], None)
    context = reading.before(match.start())
    if kind == "default":
        context = f"{reading.context.previous} {context}"
        if _LEAST_WORDS.search(context):
            return values[0], None
        if _MOST_WORDS.search(context):
            return None, values[0]
        return None
    if kind == "bare" and _RULE_WORDS.search(context):
        return values[0], None
    return None


def _length_disagreement(
    subject: str, bounds: tuple[int | None, int | None], rules: RuleSet
) -> Iterator[Finding]:
    rule_id = f"{subject}.length"
    rule = rules.rule(rule_id)
    least, most = rule.params["min"], rule.params["max"]
    said_least, said_most = bounds
    if (said_least is None or said_least == least) and (said_most is None or said_most == most):
        return
    if said_least is not None and said_most is not None:
        says, expected = f"{said_least}-{said_most}", f"{least}-{most}"
    elif said_least is not None:
        says, expected = f"at least {said_least}", f"at least {least}"
    else:
        says, expected = f"at most {said_most}", f"at most {most}"
    yield rule_id, f"{subject} {says} characters", f"{subject} {expected} characters"




# --- what looks like a length ------------------------------------------------------------------

# Near a number that looks like a length: another thing it counts ("a 6-digit code", "a 10-digit
# account number", "client codes up to 32 characters"), so no rule of ours.
NOT_OURS = re.compile(
    rf"{OTHER_FIELDS.pattern}|\b(?:passcodes?|account|case|phone|telephone|fax|routing|serial|zip"
    r"|social security|ssn|tax|invoice|receipt|confirmation|verification|backup|one-time"
    r"|e-?mail(?: address(?:es)?)?"
    r"|legacy|old|example|e\.g\.|such as|crack\w*|seconds|dots|shows?|types?|classes"
    r"|categories|sets|groups|kinds)\b"
)
# One account's username or password described ("Your PACER username is 6 characters long"): a
# sign of a legacy account, no rule.
_DESCRIBED = re.compile(
    r"\byour (?:pacer |cm/ecf )?(?:user ?name|password|login) (?:is|has)\b"
    rf"|{NOT_OURS.pattern}"
)
# A length is a rule when the sentence (or its lead-in) bounds or requires it.
_CUE = re.compile(
    r"\b(?:must|should|shall|needs?|required?|requirements?|at least|minimum|maximum|min|max"
    r"|no (?:more|less|fewer)|up to|between|or (?:more|longer|fewer|less|shorter)|exceed\w*"
    r"|limit\w*|allow\w*|permit\w*|only|range|from|length|long)\b|\+|[<>≥≤]"
)
LOOKS = (
    Look(
        re.compile(rf"\b{NUM}\s*\+?(?:-|\s)?(?:(?:alphanumeric|ascii|printable|total|keyboard)"
                   r"\s)?char(?:acter)?s?\b"),  # fmt: skip
        "a number of characters", (NAME,), ("char",), unless=_DESCRIBED, cue=_CUE, reach=40,
    ),
    Look(
        re.compile(rf"\b{NUM}\s*\+?(?:-|\s)?(?:letters?|digits?|numbers?|numerals?)\b"),
        "a number of letters or digits", (NAME, "classes"), ("letter", "digit", "number", "numer"),
        unless=NOT_OURS, cue=_CUE,
    ),
    Look(
        re.compile(rf"\blength\b[^.;]{{0,30}}?\b{NUM}\b|\b{NUM}\b[^.;\d]{{0,20}}?\blength\b"
                   rf"|\b{NUM}\b[^.;\d]{{0,12}}?\blong\b"),  # fmt: skip
        "a number with the length", (NAME,), ("length", "long"), unless=_DESCRIBED, reach=40,
    ),
)


def _wakes(reading: Reading) -> bool:
    return "char" in reading.text or "length" in reading.text


KIND = Kind(
    name=NAME,
    title="Length of the password or the username",
    rule_ids=("username.length", "password.length"),
    wakes=_wakes,
    needs=r"char|length|default|[<>≥≤]",
    read=_lengths,
    phrasings=tuple(form.pattern for form in LENGTH_FORMS),
    prescan=tuple((form.pattern.search, (("char", "length"), form.words)) for form in LENGTH_FORMS),
    looks=LOOKS,
)
