"""The character classes: lower case, upper case, special characters and numbers.

Phrasings: a number required ("at least one number", "1 digit (0-9)", "one or more numbers", "2
numbers", a bare "number" in a list after "must contain (one of each of) the following"); a
number that can replace the special character ("a number or symbol", "numeric or special
character"); the special character barred ("cannot contain ... special characters",
"alphanumeric only") or optional ("symbols are optional"); a class required ("one uppercase
letter"); "Minimum number of numeric digits: 1". Barring a few named symbols is not barring the
class.

Compared with the rules ``password.lowercase``, ``password.uppercase``, ``password.special`` and
``password.digit`` (a class is required when its rule is in the rule set); reported as "a number
is required" against "no number is required".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.verify.numbers import NUM, number
from checker.verify.statements import (
    NEGATION,
    PERMITS,
    REQUIRES,
    STRONG_REQUIRES,
    WINDOW,
    Finding,
    Kind,
    Look,
    Reading,
    both,
    last_match,
    wakes_on,
)

NAME = "classes"

_DIGIT = (
    r"(?:numbers?|numerals?|digits?|numerical digits?|numeric(?: characters?| digits?| values?)?"
    r"|numeric digits?)"
)
_COUNT = r"(?:one or more|\d+ or more|one|two|three|four|a|an|\d+)"
DIGIT_REQUIRED = re.compile(
    rf"\b(?:at least |a minimum of )?{_COUNT}\s+(?:numeric\s+|numerical\s+)?{_DIGIT}\b(?! of)"
)
_DIGIT_NOUN = re.compile(rf"\b{_DIGIT}\b(?! of)")
_NOT_A_DIGIT = re.compile(
    r"\b(?:phone|case|bar|account|fax|docket|telephone|pin|serial|routing|order|page|version"
    r"|form|rule)\s+$"
)
DIGIT_OR_SPECIAL = re.compile(
    r"\b(?:numbers?|digits?|numerals?|numeric)(?: characters?)? or (?:a |one |an )?"
    r"(?:special|symbol|non-alphanumeric|punctuation)"
)
CLASS_WORDS = {
    "password.lowercase": re.compile(r"\blower ?case\b"),
    "password.uppercase": re.compile(r"\b(?:upper ?case|capital)\b"),
    "password.special": re.compile(r"\b(?:special character|symbol)s?\b"),
}
_SPECIAL = r"(?:special characters?|symbols?|non-alphanumeric characters?|punctuation(?: marks?)?)"
SPECIAL_BARRED = re.compile(
    rf"\b(?P<neg>cannot|can not|can't|may not|must not|should not|not|no)\b(?P<gap>[^.;:]{{0,40}}?)"
    rf"\b{_SPECIAL}\b(?!\s*(?::|such as|like|\())"
    rf"|\b{_SPECIAL} (?:are|is) not (?:allowed|permitted|accepted)"
)
# What may stand between "cannot" and "special characters" when the class itself is barred
# ("cannot contain spaces or special characters"), unlike "publishes no list of ...".
_BARRING_GAP = {
    "be", "contain", "contains", "include", "includes", "use", "have", "has", "allow", "accept",
    "permit", "any", "spaces", "space", "blanks", "blank", "quotes", "or", "and", "the", "a", "an",
    "with", "characters", "blank spaces", "punctuation",
}  # fmt: skip
_BARRING_VERBS = {"contain", "contains", "include", "includes", "use", "have", "has", "allow",
                  "accept", "permit"}  # fmt: skip
_WORDS = re.compile(r"[a-z]+")
_SOME = re.compile(r"\b(?:these|those|following|certain|some|other|any of)\b")
ONLY_ALPHANUMERIC = re.compile(
    r"\b(?:alphanumeric(?: characters?)? only|only alphanumeric|(?:letters|alpha) and "
    r"(?:numbers|digits) only|only (?:letters|alpha) and (?:numbers|digits))\b"
)
_CLASS_NOUNS = {
    "password.lowercase": r"lower ?case(?: letters?| characters?)?",
    "password.uppercase": r"upper ?case(?: letters?| characters?)?|capital letters?",
    "password.special": _SPECIAL,
    "password.digit": _DIGIT,
}
OPTIONAL = re.compile(
    rf"\b(?P<noun>{'|'.join(_CLASS_NOUNS.values())})\b[^.;]{{0,80}}?\b(?:are|is) "
    r"(?:optional|not required|not needed|not necessary)\b"
)
CLASS_COUNT = re.compile(
    rf"\bminimum number of (?P<noun>{'|'.join(_CLASS_NOUNS.values())})\b:?\s*{NUM}\b"
)
_CLASS_PATTERNS = {rule_id: re.compile(noun) for rule_id, noun in _CLASS_NOUNS.items()}


def _class_of(noun: str) -> str:
    """The rule id of a class noun ("numbers" -> "password.digit")."""
    return next(rule for rule, pattern in _CLASS_PATTERNS.items() if pattern.fullmatch(noun))


_ONLY = re.compile(r"\bonly\b")
_CLASS_GATE = re.compile("number|digit|numer|lower|upper|capital|special|symbol|punctuation")
# "can include only the following:" (read by the passages, at the lead-in), for the pre-scan.
ONLY_LIST = re.compile(r"\bonly\b[^.;]{0,30}?\bfollowing\b")



def _requires(reading: Reading, match: re.Match, strong: bool = False) -> bool:
    """A password sentence (or item under a password lead-in) that requires the thing matched."""
    if not reading.about_password():
        return False
    before = reading.before(match.start())
    own_before = reading.text[max(reading.own, match.start() - WINDOW) : match.start()]
    cue = STRONG_REQUIRES if strong else REQUIRES
    negated = NEGATION.search(own_before) or NEGATION.search(reading.context.lead)
    only = _ONLY.search(before)
    required = last_match(cue.finditer(before))
    if required is None or negated or only:
        return False
    # The nearest word before decides: "required: lower; ... allowed: digit" allows a digit.
    return not PERMITS.search(before, required.end())


def _classes(reading: Reading) -> Iterator[Finding]:
    text, rules = reading.text, reading.rules
    if not _CLASS_GATE.search(text) or not reading.about_password():
        return
    for count in CLASS_COUNT.finditer(text):  # "Minimum number of numeric digits: 1"
        if reading.owns(count):
            reading.read.add(NAME)
            noun = count.group("noun")
            rule_id = _class_of(noun)
            required = number(count.group(2)) > 0
            if required != (rule_id in rules.rule_ids):
                name = CLASS_NAMES[rule_id]
                yield rule_id, f"{'a' if required else 'no'} {name} is required", (
                    f"{'no' if required else 'a'} {name} is required"
                )
            return
    either = DIGIT_OR_SPECIAL.search(text, reading.own)
    if either and _requires(reading, either):
        reading.read.add(NAME)
        yield (
            "password.special",
            "a number can replace the special character",
            "a special character is required",
        )
    barred = _special_barred(reading)
    if barred or SPECIAL_BARRED.search(text, reading.own):
        reading.read.add(NAME)  # barred, or a few named symbols barred (not the class)
    if barred and "password.special" in rules.rule_ids:
        says = "special characters are not allowed"
        yield "password.special", says, "a special character is required"
    optional = OPTIONAL.search(text, reading.own)
    if optional:
        reading.read.add(NAME)
        noun = optional.group("noun")
        rule_id = _class_of(noun)
        if rule_id in rules.rule_ids:
            yield rule_id, f"{noun} {'are' if noun.endswith('s') else 'is'} optional", (
                f"a {CLASS_NAMES[rule_id]} is required"
            )
    if not either and "password.digit" not in rules.rule_ids and _digit_required(reading):
        reading.read.add(NAME)
        yield "password.digit", "a number is required", "no number is required"
    for rule_id, pattern in CLASS_WORDS.items():
        match = pattern.search(text, reading.own)
        if match and _requires(reading, match):
            reading.read.add(NAME)
            if rule_id in rules.rule_ids:
                continue
            yield rule_id, f"a {match.group(0)} is required", f"no {match.group(0)} is required"


CLASS_NAMES = {
    "password.lowercase": "lower case letter",
    "password.uppercase": "upper case letter",
    "password.special": "special character",
    "password.digit": "number",
}


def _special_barred(reading: Reading) -> bool:
    for match in SPECIAL_BARRED.finditer(reading.text, reading.own):
        if match.group("neg") is None:
            return True  # "special characters are not allowed"
        gap = match.group("gap") or ""
        words = [found.group(0) for found in _WORDS.finditer(gap)]
        if _SOME.search(gap) or not all(word in _BARRING_GAP for word in words):
            continue
        # "cannot contain ... special characters", "no special characters"; not "is not a ..."
        if match.group("neg") == "no" or _BARRING_VERBS.intersection(words):
            return True
    return bool(ONLY_ALPHANUMERIC.search(reading.text, reading.own))


def _digit_required(reading: Reading) -> bool:
    text = reading.text
    for match in DIGIT_REQUIRED.finditer(text, reading.own):
        if not _NOT_A_DIGIT.search(text, max(0, match.start() - 12), match.start()) and (
            _requires(reading, match)
        ):
            return not _optional_after(text, match.end())
    for match in _DIGIT_NOUN.finditer(text, reading.own):
        if not _NOT_A_DIGIT.search(text, max(0, match.start() - 12), match.start()) and (
            _requires(reading, match, strong=True)
        ):
            return not _optional_after(text, match.end())
    return False


_OPTIONAL_AFTER = re.compile(r"[^.;]{0,20}?\b(?:is|are) (?:optional|not (?:needed|required))")


def _optional_after(text: str, end: int) -> bool:
    return bool(_OPTIONAL_AFTER.match(text, end))




# --- what looks like a statement of the classes ------------------------------------------------

# "number" names a class only when counted or shown ("one number", "numbers (0-9)"): prose
# says "a number is written only once".
_CLASS_NOUN = (
    r"lower ?case|upper ?case|capital(?: letters?)?|special characters?|symbols?|punctuation"
    r"|(?:non-)?alphanumeric|numerals?|digits?|numeric"
    r"|(?:at least|one|1|no|any|\d+|two|three) (?:more )?numbers?|numbers? ?\(0"
    r"|character (?:types?|classes|categories|sets|groups|kinds)"
)
# A class named where a rule would name it: with a requirement, a bar, a choice or a count.
_RULE_CUE = (
    r"must|should|need|require|contain|include|at least|only|allowed|permitted|cannot|can't|not"
    r"|optional|one of|following|categories|types|mix|combination|each"
)
LOOKS = (
    Look(
        re.compile(rf"\b(?:{_RULE_CUE})\b[^.;]{{0,80}}?\b(?:{_CLASS_NOUN})\b"
                   rf"|\b(?:{_CLASS_NOUN})\b[^.;]{{0,40}}?\b(?:{_RULE_CUE})\b"),  # fmt: skip
        "a character class with a requirement", (NAME,),
        ("lower", "upper", "capital", "special", "symbol", "punctuation", "alphanumeric", "numer",
         "digit", "number", "char"),  # fmt: skip
        # Numbers of other things; a few named symbols barred (not the class).
        unless=re.compile(r"\b(?:phone|account|case|telephone|fax|docket|bar|routing|serial"
                          r"|order|page|version|form|rule|pin|client|confirmation|tracking)"
                          r"\s+numbers?\b|\b(?:these|those|certain|some|other|any of)\b"),
    ),
)


KIND = Kind(
    name=NAME,
    title="Character classes of the password",
    rule_ids=("password.digit", "password.lowercase", "password.uppercase", "password.special"),
    wakes=wakes_on(_CLASS_GATE),
    needs=r"number|digit|numer|lower|upper|capital|special|symbol|punctuation|alphanumeric|only"
    r"|optional",
    read=_classes,
    phrasings=(DIGIT_REQUIRED, CLASS_COUNT, DIGIT_OR_SPECIAL, SPECIAL_BARRED, ONLY_ALPHANUMERIC,
               OPTIONAL, *CLASS_WORDS.values()),  # fmt: skip
    prescan=(
        (DIGIT_REQUIRED.search, (("number", "digit", "numer"),)),
        (CLASS_COUNT.search, (("minimum number of",),)),
        (both(STRONG_REQUIRES, _DIGIT_NOUN), (("number", "digit", "numer"),)),
        (DIGIT_OR_SPECIAL.search, (("number", "digit", "numer"),)),
        (SPECIAL_BARRED.search, (("special", "symbol", "punctuation", "alphanumeric"),)),
        (ONLY_ALPHANUMERIC.search, (("only",), ("alphanumeric", "letters", "alpha"))),
        (OPTIONAL.search, (("optional", "not required", "not needed", "not necessary"),
                           ("lower", "upper", "capital", "special", "symbol", "punctuation",
                            "number", "digit", "numer", "alphanumeric"))),  # fmt: skip
        (ONLY_LIST.search, (("only",), ("following",))),
        *(
            (pattern.search, (("lower", "upper", "capital", "special", "symbol"),))
            for pattern in CLASS_WORDS.values()
        ),
    ),
    looks=LOOKS,
)
