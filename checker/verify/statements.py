"""Reading one sentence for statements of the PACER username and password rules, and comparing
each statement with a rule set.

A sentence is read with its :class:`Context`: the lead-in, label or heading it follows (read
together with it, so "Minimum length" and "14 characters" make one statement, but a number in the
lead-in is the lead-in's), the subject it inherits, and whether it is advice.

What counts as a statement (case-insensitive, number words and legal style "eight (8)" too):

- a length, of the password or the username: "N-M characters" (any dash, "to", "through"),
  "between N and M", "at least / a minimum of / no fewer than N", "N or more", "N+", "N characters
  minimum", "at most / no more than / up to / cannot exceed M", "more than N" (at least N+1),
  "less than N" (at most N-1; "less than N ... not allowed" is at least N), a pair "a minimum of N
  and a maximum of M" (one statement, as a range), labels with the unit implied ("Minimum
  password length: 16", "Length >= 14", "a length of at least 14", "the minimum is now 14"), a
  setting's "The default is N characters", and "N characters long" in a list of requirements.
  Adjectives such as "alphanumeric" may stand before "characters";
- a change notice: "will increase from 8 to 14 characters" states the new value (14) only;
- the change interval: "every N days / weeks / months / years", "an N-day change", "expire in /
  after / at N days", "maximum password age (of) N days", "valid for", "not older than", "update
  in N months", "if you don't change it for N days", "yearly", "annually", "once a year"; and
  "passwords never / no longer / do not expire" (no interval);
- the repeat limit: "the same character N times in a row", "more than N consecutive (identical,
  repeated) characters" (N+1 barred), "up to / at most N identical characters may appear
  consecutively" (N+1 barred), "N or more identical characters ... are rejected" and
  "no character repeated thrice" (N barred);
- the character classes: a number required ("at least one number", "1 digit (0-9)", "one or more
  numbers", "2 numbers", a bare "number" in a list after "must contain (one of each of) the
  following"); a number that can replace the special character ("a number or symbol", "numeric or
  special character"); the special character barred ("cannot contain ... special characters",
  "alphanumeric only") or optional ("symbols are optional"). Barring a few named symbols is not
  barring the class;
- the personal data rule: "must not contain / include / match / be derived from [any part of]
  your name, username, email", "... can not be part of the password", "will not allow X as part
  of passwords" (the whole X), "reject passwords containing:"; "any part", "any portion" or
  "letters of" bar parts.

Not statements: a number the sentence names as the past ("previously", "had to", "used to",
"old", "was", "no longer accepted", before "replaced by", in a struck-out <del>), advice
("recommended", "suggested", "preferable", a passage of tips), a bound on a bound ("the maximum
should be at least 64"), the length of something else ("any part of your name which is 3 or more
characters", "client codes up to 32 characters"), inactivity limits, minimum password ages, reuse
rules ("repeat the same one every 60 days") and lists of options.

Decisions on forms that could be read two ways (tests/verify/test_verify.py holds one test per
decision):

- Whose password: the verifier cannot tell a CM/ECF password from a PACER one. Since NextGen,
  filers sign in to CM/ECF with their PACER account, so every password statement is read as a
  PACER password statement; a page that keeps an old CM/ECF rule on purpose marks it with
  ``data-ruleset``.
- "at least one digit or special character" says a digit can stand in for a special character:
  reported (rule ``password.special``), since every rule set requires the special character.
- Months: "every six months" is accepted for a 180-day change (6 x 30 to 6 x 31 days); years as
  360 to 366 days. "six months of inactivity" is not a change interval.
- Legal style: "eight (8) characters" and "8 (eight) characters" are one number. When the word
  and the figure disagree, the figure counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from html import unescape

from checker.rulesets import RuleSet
from checker.verify.findings import Mismatch
from checker.verify.numbers import NUM, normalise, number

Finding = tuple[str, str, str]  # (rule id, what the sentence says, what the rule set says)
# How far back from a value its sentence is read for what governs it (a requirement, a tense, a
# setting): a bound, so a sentence of a thousand statements is not read a thousand times.
WINDOW = 240


@dataclass(slots=True)
class Context:
    """What a sentence is read with.

    ``lead``: the lower-cased text read before it (a lead-in, label or heading); a statement may
    start in it ("Minimum length" + "14 characters") but its numbers must be the sentence's.
    ``subject``: "password" or "username", when the sentence names neither itself.
    ``advice``: nothing in the sentence is a rule (tips, a list of weak passwords).
    """

    lead: str = ""
    subject: str | None = None
    advice: bool = False
    previous: str = ""  # the sentence before, whose setting a "The default is N" gives
    lead_noun: str | None = None  # the last subject or other field the lead-in names


# --- words ----------------------------------------------------------------------------------

SUBJECTS = re.compile(
    r"\b(user ?names?|user ?ids?|log ?in (?:names?|ids?)|login (?:names?|ids?)|passwords?)\b"
)
# Other things with a length: a number nearest to one of them is not about a PACER field.
OTHER_FIELDS = re.compile(
    r"\b(?:client (?:codes?|ids?)|codes?|pins?|security (?:answers?|questions?)|briefs?"
    r"|file names?|passphrases? of the)\b"
)
_NOUNS = re.compile(rf"(?P<subject>{SUBJECTS.pattern})|(?P<other>{OTHER_FIELDS.pattern})")
NEGATION = re.compile(
    r"\b(?:not|no|never|cannot|can't|don't|doesn't|won't|without|nor|neither)\b"
)
# A requirement is stated with one of these before the thing required (so "enter a number in the
# client code field" is not one).
REQUIRES = re.compile(
    r"\b(?:must|needs?|required?s?|contains?|includes?|have|has|at least|should|requirements?)\b"
)
# Stronger: what may require a class named without a count ("... the following: Numbers (0-9)").
STRONG_REQUIRES = re.compile(
    r"\b(?:must (?:contain|include|have|use)|requires?|required|needs? to (?:contain|include|have)"
    r"|one (?:of )?each|1 each|all of the following|each of the following"
    r"|requirements?:|criteria:)"
)
PERMITS = re.compile(r"\b(?:allowed|permitted|accepted|may|can|optional)\b")
_CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:but|though|although|however|while|whereas)\b")
_ADVICE = re.compile(r"\b(?:recommend\w*|suggest\w*|prefer\w*|ideal\w*|better|encourag\w*)\b")
_PAST = re.compile(r"\b(?:formerly|previously|in the past)\b|\bold\s*$")
# The last verb before a value gives its tense: "had to be 8" is the past, "will be replaced by
# a 14" is not.
_TENSE = re.compile(
    r"\b(?:(?P<past>was|were|had to|used to)|must|should|shall|will|needs?|is|are|has to|have to"
    r"|can|may|now)\b"
)
_DATE = r"(?:[a-z]+\.? \d{1,2},? \d{4}|\d{1,2}/\d{1,2}/\d{2,4}|[a-z]+ \d{4}|\d{4})"
_PAST_START = re.compile(
    rf"^(?:previously|formerly|in the past|(?:until|before|prior to|through) {_DATE})\b"
)
_REJECTED_AFTER = re.compile(
    r"^[^,;:]{0,30}?\b(?:no longer (?:accepted|allowed|valid|supported|permitted|used|required"
    r"|work)|(?:are|is) not (?:accepted|allowed|valid))\b"
)
_REPLACED_AFTER = re.compile(r"\b(?:replaced (?:by|with)|superseded by|giving way to)\b")
_RELATIVE_BEFORE = re.compile(r"(\w+) (?:which|that) (?:is|are) $")
_EXCLUSION_CUES = re.compile(
    r"recommend|suggest|prefer|ideal|better|encourag|formerly|previously|past|old\b|was\b"
    r"|were\b|had to|used to|until|before|prior|through|replaced|superseded|giving way"
    r"|no longer|not (?:accepted|allowed|valid)|which|that|max|min"
)
_MAXIMUM = re.compile(r"\bmax(?:imum)?\b")
_MINIMUM = re.compile(r"\bmin(?:imum)?\b")

# --- lengths --------------------------------------------------------------------------------

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


@dataclass(frozen=True)
class Form:
    """One way of writing a statement: its pattern, what it states, and words it needs (one of
    them must be in the sentence for the pattern to be tried)."""

    pattern: re.Pattern
    kind: str
    words: tuple[str, ...]


def _forms(*forms: tuple[str, str, tuple[str, ...]]) -> list[Form]:
    return [Form(re.compile(pattern), kind, words) for pattern, kind, words in forms]


# In order: a number read by one form is not read again by a later one.
LENGTH_FORMS = _forms(
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

# --- the change interval -------------------------------------------------------------------

_UNIT = r"[- ](day|week|month|year)s?\b"
CHANGE_FORMS = _forms(
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

# --- repeats --------------------------------------------------------------------------------

_SAME = r"(?:(?:consecutive|identical|repeated|repeating|same|of the same)\s+){1,2}characters?\b"
_TIMES = rf"(?:(twice|thrice|once)|{NUM} times)"
REPEAT_FORMS = _forms(
    (rf"\bsame character {NUM}(?: or more)? times in a row\b", "run", ("in a row",)),
    (rf"\b(?:up to|at most|a maximum of|maximum of|no more than) {NUM} {_SAME}", "allowed",
     ("identical", "consecutive", "repeat")),  # fmt: skip
    (rf"\bmore than {NUM} {_SAME}", "more", ("identical", "consecutive", "repeat", "same")),
    (rf"\brepeated more than {_TIMES}", "more", ("repeated",)),
    (rf"\b{NUM} or more {_SAME}", "barred", ("identical", "consecutive", "repeat")),
    (rf"\b{NUM} (?:(?:consecutive|identical|repeated|repeating)\s+){{1,2}}characters?\b",
     "barred", ("identical", "consecutive", "repeat")),  # fmt: skip
    (rf"\brepeated {_TIMES}", "barred", ("repeated",)),
)
_BARRING = re.compile(
    r"\b(?:not|no|never|cannot|can't|mustn't|rejected|prohibited|disallowed|forbidden)\b"
)

# --- classes --------------------------------------------------------------------------------

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

# --- personal data --------------------------------------------------------------------------

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

KIND_OF_RULE = {
    "username.length": "length",
    "password.length": "length",
    "password.digit": "classes",
    "password.lowercase": "classes",
    "password.uppercase": "classes",
    "password.special": "classes",
    "password.repeat": "repeat",
    "password.name": "personal",
    "password.username": "personal",
    "password.email": "personal",
    "password-change": "change",
}


# --- reading a sentence ---------------------------------------------------------------------


class _Reading:
    """One sentence with its context: ``text`` is the lead-in and the sentence, ``own`` where the
    sentence starts in it."""

    def __init__(self, low: str, rules: RuleSet, context: Context) -> None:
        self.low, self.rules, self.context = low, rules, context
        self.text = f"{context.lead} {low}" if context.lead else low
        self.own = len(self.text) - len(low)
        self.cued: bool | None = None
        # Found once per sentence, so a sentence with many statements is not read again for
        # each: where its clauses start, and where "replaced by" first comes (or the end).
        self._clauses: Iterator[re.Match] | None = None
        self._next_break: re.Match | None = None
        self._clause_start = self._asked = 0
        self._replaced: int | None = None

    def owns(self, match: re.Match) -> bool:
        """Whether every number the match read is in the sentence, not in its lead-in."""
        groups = _number_groups(match.re)
        if not groups:
            return match.start() >= self.own
        own = self.own
        return all(match.start(g) >= own for g in groups if match.group(g) is not None)

    def clause_before(self, position: int) -> str:
        """The sentence's words from the start of the clause holding ``position`` up to it
        (at most :data:`WINDOW` characters)."""
        # Positions come in increasing order for each form: the clause breaks are read forward
        # and read again from the start only when a position comes before the last one asked.
        if self._clauses is None or position < self._asked:
            self._clauses = _CLAUSE_BREAK.finditer(self.text, self.own)
            self._next_break = next(self._clauses, None)
            self._clause_start = self.own
        self._asked = position
        while self._next_break is not None and self._next_break.end() <= position:
            self._clause_start = self._next_break.end()
            self._next_break = next(self._clauses, None)
        return self.text[max(self._clause_start, position - WINDOW) : position]

    def before(self, position: int) -> str:
        """The text before ``position``: the lead-in and at most :data:`WINDOW` characters of the
        sentence (a requirement or a setting is named close to what it governs)."""
        start = max(self.own, position - WINDOW)
        return f"{self.context.lead} {self.text[start:position]}" if self.own else (
            self.text[start:position]
        )

    def replaced_after(self, position: int) -> bool:
        """Whether "replaced by" (or the like) comes after ``position`` in the sentence."""
        if self._replaced is None:
            found = _REPLACED_AFTER.search(self.text, self.own)
            self._replaced = found.start() if found else -1
        return self._replaced >= position

    def excluded(self, match: re.Match, kind: str) -> bool:
        """Whether the sentence says the matched value is advice, the past, a bound on another
        bound, or something else's length."""
        if self.cued is None:
            self.cued = _EXCLUSION_CUES.search(self.text) is not None
        if not self.cued:
            return False  # none of the words any of the tests below needs
        before = self.clause_before(match.start())
        if _ADVICE.search(before) or _is_past(before):
            return True
        if _PAST_START.match(self.low) or self.replaced_after(match.end()):
            return True
        if kind in ("range", "min", "max", "pair") and _REJECTED_AFTER.match(
            self.text[match.end() : match.end() + 80]
        ):
            return True
        if kind == "min" and _MAXIMUM.search(before) or kind == "max" and _MINIMUM.search(before):
            return True
        relative = _RELATIVE_BEFORE.search(self.text, max(0, match.start() - 40), match.start())
        return bool(relative) and not SUBJECTS.fullmatch(relative.group(1))

    def sweep(self) -> Callable[[int], str | None]:
        """A function giving the field a number at a position is about, for positions in
        increasing order: the nearest subject (or other field) named before it, else the first
        named after, else the lead-in's, else the one the context gives.

        One pass over the nouns, holding none of them: a sentence may name the password a
        million times.
        """
        nouns = _NOUNS.finditer(self.text, self.own) if _may_name(self.low) else iter(())
        pending = next(nouns, None)
        first = _noun(pending) if pending else None
        fallback = first or self.lead_noun() or self.context.subject
        last: str | None = None

        def at(position: int) -> str | None:
            nonlocal pending, last
            while pending is not None and pending.start() < position:
                last = _noun(pending)
                pending = next(nouns, None)
            return _field(last or fallback)

        return at

    def lead_noun(self) -> str | None:
        """The last subject (or "other" field) the lead-in names."""
        if self.context.lead_noun is not None or not self.context.lead:
            return self.context.lead_noun
        return last_noun(self.context.lead)

    def about_password(self) -> bool:
        return "password" in self.text or self.context.subject == "password"


_NOUN_HINT = re.compile("pass|user|log|code|pin|answer|question|brief|file")


def _noun(match: re.Match) -> str:
    return match.group("subject") or "other"


def last_noun(text: str) -> str | None:
    """The last subject text names ("password", "username"), "other" for another field."""
    last = None
    if _may_name(text):
        for noun in _NOUNS.finditer(text):
            last = noun.group("subject") or "other"
    return last


def _may_name(text: str) -> bool:
    """A cheap test before the search for nouns: whether ``text`` may name one."""
    return _NOUN_HINT.search(text) is not None


_GROUPS: dict[int, tuple[int, ...]] = {}  # by id: a pattern's hash reads its whole text


def _number_groups(pattern: re.Pattern) -> tuple[int, ...]:
    """The groups of a pattern that hold numbers (its named groups hold words)."""
    groups = _GROUPS.get(id(pattern))
    if groups is None:
        named = set(pattern.groupindex.values())
        groups = _GROUPS[id(pattern)] = tuple(
            g for g in range(1, pattern.groups + 1) if g not in named
        )
    return groups


def _is_past(before: str) -> bool:
    """Whether the words before a value (in its clause) put it in the past."""
    if _PAST.search(before):
        return True
    tense = _last(_TENSE.finditer(before))
    return bool(tense and tense.group("past"))


def _last(matches: Iterator[re.Match]) -> re.Match | None:
    last = None
    for last in matches:  # noqa: B007 (the loop keeps the last)
        pass
    return last


def _field(name: str | None) -> str | None:
    if name is None or name == "other":
        return None
    if name in ("password", "username"):
        return name
    return "password" if name.startswith("pass") else "username"


def check_sentence(
    low: str, rules: RuleSet, context: Context | None = None
) -> Iterator[Finding]:
    """(rule id, what the sentence says, what the rule set says) for each disagreement.

    ``low`` is the sentence lower-cased and normalised (see :func:`.numbers.normalise`).
    """
    context = context or Context()
    if context.advice:
        return
    reading = _Reading(low, rules, context)
    text = reading.text
    # Each check only where a word it needs is present (the checks test again; this saves
    # starting them on the many sentences that need none).
    if "char" in text or "length" in text:
        yield from _lengths(reading)
    if _CLASS_GATE.search(text):
        yield from _classes(reading)
    if _REPEAT_GATE.search(text):
        yield from _repeat(reading)
    if "name" in low or "mail" in low or "user id" in low:
        yield from _personal(reading)
    if _CHANGE_GATE.search(text):
        yield from _change(reading)


# --- lengths --------------------------------------------------------------------------------


def _lengths(reading: _Reading) -> Iterator[Finding]:
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
                continue
            subject = subject_at(_number_start(match))
            bounds = _bounds(reading, match, form.kind) if subject else None
            if bounds is not None:
                yield from _length_disagreement(subject, bounds, reading.rules)


def _number_start(match: re.Match) -> int:
    return match.start(1) if match.group(1) is not None else match.start()


def _bounds(reading: _Reading, match: re.Match, kind: str) -> tuple[int | None, int | None] | None:
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


# --- classes --------------------------------------------------------------------------------


def _requires(reading: _Reading, match: re.Match, strong: bool = False) -> bool:
    """A password sentence (or item under a password lead-in) that requires the thing matched."""
    if not reading.about_password():
        return False
    before = reading.before(match.start())
    own_before = reading.text[max(reading.own, match.start() - WINDOW) : match.start()]
    cue = STRONG_REQUIRES if strong else REQUIRES
    negated = NEGATION.search(own_before) or NEGATION.search(reading.context.lead)
    only = _ONLY.search(before)
    required = _last(cue.finditer(before))
    if required is None or negated or only:
        return False
    # The nearest word before decides: "required: lower; ... allowed: digit" allows a digit.
    return not PERMITS.search(before, required.end())


def _classes(reading: _Reading) -> Iterator[Finding]:
    text, rules = reading.text, reading.rules
    if not _CLASS_GATE.search(text) or not reading.about_password():
        return
    for count in CLASS_COUNT.finditer(text):  # "Minimum number of numeric digits: 1"
        if reading.owns(count):
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
        yield (
            "password.special",
            "a number can replace the special character",
            "a special character is required",
        )
    barred = _special_barred(reading)
    if barred and "password.special" in rules.rule_ids:
        says = "special characters are not allowed"
        yield "password.special", says, "a special character is required"
    optional = OPTIONAL.search(text, reading.own)
    if optional:
        noun = optional.group("noun")
        rule_id = _class_of(noun)
        if rule_id in rules.rule_ids:
            yield rule_id, f"{noun} {'are' if noun.endswith('s') else 'is'} optional", (
                f"a {CLASS_NAMES[rule_id]} is required"
            )
    if not either and "password.digit" not in rules.rule_ids and _digit_required(reading):
        yield "password.digit", "a number is required", "no number is required"
    for rule_id, pattern in CLASS_WORDS.items():
        match = pattern.search(text, reading.own)
        if match and _requires(reading, match) and rule_id not in rules.rule_ids:
            yield rule_id, f"a {match.group(0)} is required", f"no {match.group(0)} is required"


CLASS_NAMES = {
    "password.lowercase": "lower case letter",
    "password.uppercase": "upper case letter",
    "password.special": "special character",
    "password.digit": "number",
}


def _special_barred(reading: _Reading) -> bool:
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


def _digit_required(reading: _Reading) -> bool:
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


# --- repeats --------------------------------------------------------------------------------


_REPEAT_GATE = re.compile("in a row|identical|consecutive|repeat|same")


def _repeat(reading: _Reading) -> Iterator[Finding]:
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


# --- personal data --------------------------------------------------------------------------


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


def _personal(reading: _Reading) -> Iterator[Finding]:
    text, own, rules = reading.text, reading.own, reading.rules
    if "name" not in reading.low and "mail" not in reading.low and "user id" not in reading.low:
        return  # what is barred is named in the sentence itself
    start = None
    part_of = _NOT_PART_OF.search(text, own)  # "your name can not be part of the password"
    if part_of:
        ends = _CLAUSE_END.finditer(text, own, part_of.start())
        clause = max((found.end() for found in ends), default=own)
        found = _barred(text, clause, part_of.start(), rules)
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
    yield from _part_disagreement(_barred(text, start, len(text), rules), says_parts, rules)


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


# --- the change interval -------------------------------------------------------------------


def _change(reading: _Reading) -> Iterator[Finding]:
    text, rules = reading.text, reading.rules
    present = {word for word in _CHANGE_WORDS if word in text}
    if not present or not reading.about_password():
        return
    days = _change_days(rules)
    if days is None:
        return
    said: dict[str, str] = {}
    for form in CHANGE_FORMS:
        if present.isdisjoint(form.words):
            continue
        for match in form.pattern.finditer(text):
            if not reading.owns(match) or _not_an_interval(reading, match, form.kind):
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


def _not_an_interval(reading: _Reading, match: re.Match, kind: str) -> bool:
    text = reading.text
    before = reading.clause_before(match.start())
    if _REUSE_BEFORE.search(before) or _ADVICE.search(before) or _is_past(before):
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


# --- the pre-scan ---------------------------------------------------------------------------


def may_state_rules(text: str, markup: bool = True) -> bool:
    """A cheap pre-scan: False only when no sentence of the text could be a rule statement.

    Every check in :func:`check_sentence` needs one of these searches to find something, and
    searching the whole tag-stripped text finds a superset of what searching each sentence with
    its lead-in finds (a lead-in or label is next to what it leads, and the searches that read
    one across the two are here too); so skipping the parse when none finds anything changes no
    result. Each search runs only when a word it cannot find anything without is present:
    substring tests are far cheaper than regular expressions (each word is looked for once), and
    most pages of a court site state no rule.
    """
    text = text.lower()
    if markup:
        text = unescape(_TAG.sub(" ", _without_code(text)))
    low = collapse(text)
    if "(" in low:
        low = normalise(low)
    low = f" {low}"  # so a gate word written with its leading space is found at the start too
    present: dict[str, bool] = {}  # each gate word looked for once, and only when needed

    def has(words: tuple[str, ...]) -> bool:
        return any(present[w] if w in present else present.setdefault(w, w in low) for w in words)

    for first, entries in _FAMILIES:
        if not has(first):
            continue  # none of the family's searches can find anything
        for found, gate in entries:
            if all(has(words) for words in gate) and found(low) is not None:
                return True
    return False


_SKIPPED_OPEN = re.compile(r"<(script|style|pre|template|textarea|svg)\b")


def _without_code(html: str) -> str:
    """Lower-case HTML without what the reader skips (scripts, styles, code listings): a page's
    scripts hold words such as "charCodeAt" that would wake searches for nothing. Each end tag is
    found with str.find, so an element never closed costs one scan to the end of the page."""
    parts, position = [], 0
    for opened in _SKIPPED_OPEN.finditer(html):
        if opened.start() < position:
            continue  # inside an element already passed over
        close = html.find(f"</{opened.group(1)}", opened.end())
        parts.append(html[position : opened.start()])
        if close < 0:
            return " ".join(parts)
        end = html.find(">", close)
        position = len(html) if end < 0 else end + 1
    if not parts:
        return html
    parts.append(html[position:])
    return " ".join(parts)


# A tag, as the pre-scan strips it. A quoted value may not hold "<" or ">", so a scan from one "<"
# ends at the next "<" or ">" and the strip stays linear on unclosed tags ("<span<span<span...").
_TAG = re.compile(r"""<[a-zA-Z/!?](?:[^<>"']++|"[^"<>]*+"|'[^'<>]*+')*+>""")
_LABEL_VALUE = re.compile(rf"\b(?:every|expir\w*|age|valid)\b[^.;\d]{{0,60}}?\b{NUM}{_UNIT}")
_ONLY_LIST = re.compile(r"\bonly\b[^.;]{0,30}?\bfollowing\b")


def _both(first: re.Pattern, second: re.Pattern) -> Callable[[str], object]:
    return lambda low: first.search(low) and second.search(low) or None


_SUBJECTISH = ("password", "user", "login", "log in", "requirement", "policy", "rule", "criteria")
# Each search with the words it cannot find anything without: every group must have one word
# present. A search returns None when it finds nothing.
_UNITS = ("day", "week", "month", "year")


def _change_gate(form: Form) -> tuple[tuple[str, ...], ...]:
    """A change form's gate: a subject, its own words (" age" with its space, or "page" would
    wake it), and a unit when it reads a number of them."""
    words = tuple(" age" if word == "age" else word for word in form.words)
    unit = "(day|week|month|year)" in form.pattern.pattern
    return (_SUBJECTISH, words, *((_UNITS,) if unit else ()))


_PRESCAN: list[tuple[Callable[[str], object], tuple[tuple[str, ...], ...]]] = [
    *((f.pattern.search, (("char", "length"), f.words)) for f in LENGTH_FORMS),
    *((f.pattern.search, _change_gate(f)) for f in CHANGE_FORMS),
    (_LABEL_VALUE.search, (_SUBJECTISH, ("day", "week", "month", "year"))),
    *((f.pattern.search, (f.words,)) for f in REPEAT_FORMS),
    (DIGIT_REQUIRED.search, (("number", "digit", "numer"),)),
    (CLASS_COUNT.search, (("minimum number of",),)),
    (_both(STRONG_REQUIRES, _DIGIT_NOUN), (("number", "digit", "numer"),)),
    (DIGIT_OR_SPECIAL.search, (("number", "digit", "numer"),)),
    (SPECIAL_BARRED.search, (("special", "symbol", "punctuation", "alphanumeric"),)),
    (ONLY_ALPHANUMERIC.search, (("only",), ("alphanumeric", "letters", "alpha"))),
    (OPTIONAL.search, (("optional", "not required", "not needed", "not necessary"),
                       ("lower", "upper", "capital", "special", "symbol", "punctuation",
                        "number", "digit", "numer", "alphanumeric"))),  # fmt: skip
    (_ONLY_LIST.search, (("only",), ("following",))),
    (_bars_personal, (("password",), ("name", "mail", "user id"))),
    (_rejects, (("reject",), ("contain", "with", "includ"))),
    (_NOT_PART_OF.search, (("part of",),)),
    (NO_PART.search, (("no part",),)),
    *(
        (pattern.search, (("lower", "upper", "capital", "special", "symbol"),))
        for pattern in CLASS_WORDS.values()
    ),
]
# The searches grouped by the first words they need, so a family is passed over in one test.
_FAMILIES: list[tuple[tuple[str, ...], list[tuple[Callable[[str], object], tuple]]]] = []
for _found, _gate in _PRESCAN:
    if not _FAMILIES or _FAMILIES[-1][0] != _gate[0]:
        _FAMILIES.append((_gate[0], []))
    _FAMILIES[-1][1].append((_found, _gate[1:]))
_SPACE = re.compile(r"\s")
_COLLAPSE_CHUNK = 1 << 16


def collapse(text: str) -> str:
    """``text`` with each run of whitespace as one space, and none at the ends.

    As " ".join(text.split()), but a long text is done a piece at a time, cut at whitespace: a
    list of every word of a 20 MB page costs ten times the page in memory.
    """
    if len(text) <= _COLLAPSE_CHUNK:
        return " ".join(text.split())
    pieces, start = [], 0
    while start < len(text):
        cut = _SPACE.search(text, start + _COLLAPSE_CHUNK)
        stop = cut.start() if cut else len(text)
        piece = " ".join(text[start:stop].split())
        if piece:
            pieces.append(piece)
        start = stop
    return " ".join(pieces)


def format_mismatches(mismatches: Iterable[Mismatch]) -> str:
    return "\n".join(str(m) for m in mismatches)
