"""What every kind of rule statement is read with: a sentence and its context, the words that
govern a value (a requirement, the past, advice), and what a kind of statement is.

Each kind of statement (a length, the character classes, the repeat limit, personal data, the
change interval) lives in its own module of :mod:`.kinds`: its phrasings, the words that wake it,
the rule it compares with, the text it reports and what makes a sentence look like one. This
module holds what they share.

A sentence is read with its :class:`Context`: the lead-in, label or heading it follows (read
together with it, so "Minimum length" and "14 characters" make one statement, but a number in the
lead-in is the lead-in's), the subject it inherits, and whether it is advice. Case does not
matter, and number words and legal style ("eight (8)") count as figures.

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
from dataclasses import dataclass, field

from checker.rulesets import RuleSet
from checker.verify.findings import Mismatch

Finding = tuple[str, str, str]  # (rule id, what the sentence says, what the rule set says)
# A pre-scan search and its gate: the groups of words of which one each must be in the page.
Search = tuple[Callable[[str], object], tuple[tuple[str, ...], ...]]

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
ADVICE = re.compile(r"\b(?:recommend\w*|suggest\w*|prefer\w*|ideal\w*|better|encourag\w*)\b")
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


@dataclass(frozen=True)
class Form:
    """One way of writing a statement: its pattern, what it states, and words it needs (one of
    them must be in the sentence for the pattern to be tried)."""

    pattern: re.Pattern
    kind: str
    words: tuple[str, ...]


def forms(*forms: tuple[str, str, tuple[str, ...]]) -> list[Form]:
    return [Form(re.compile(pattern), kind, words) for pattern, kind, words in forms]




@dataclass(frozen=True)
class Look:
    """What makes a sentence look like a statement of a kind (a review when no reader read it).

    ``pattern`` is searched in the sentence (lower case, legal-style numbers as figures);
    ``why`` says what it found; ``kinds``: a statement of any of them explains it; ``time``: it
    reads a time, so only the password or the username is its subject (PACER is not: court pages
    give PACER many numbers of days); ``words``: the pre-scan's gate, words one of which any match
    holds.
    """

    pattern: re.Pattern
    why: str
    kinds: tuple[str, ...]
    words: tuple[str, ...]
    time: bool = False
    unless: re.Pattern | None = None  # near a match (``reach`` characters each side): none
    reach: int = 30
    cue: re.Pattern | None = None  # when given, needed in the sentence or its lead-in


@dataclass(frozen=True)
class Kind:
    """One kind of rule statement, whole: Django's password validators hold their own help text,
    and a kind holds its own phrasings and report text (in ``read``) too.

    ``name``: the kind, as reports and the corpus name it; ``title``: what it is about;
    ``rule_ids``: the rules it compares with. ``wakes``: whether a sentence (with its lead-in) is
    worth reading for it, a cheap word test; ``needs``: alternatives of a regular expression, one
    of which a sentence without a figure must hold to be read at all (the passages' word filter);
    ``read``: each disagreement of the sentence with the rule set (it adds ``name`` to
    ``reading.read`` when it read a statement, agreeing or not, or set one aside knowingly);
    ``phrasings``: every pattern ``read`` states with (a test checks that its wake words let each
    through); ``prescan``: its searches for the page pre-scan; ``looks``: what makes a sentence
    look like a statement of this kind.
    """

    name: str
    title: str
    rule_ids: tuple[str, ...]
    wakes: Callable[[Reading], bool]
    needs: str
    read: Callable[[Reading], Iterator[Finding]]
    phrasings: tuple[re.Pattern, ...]
    prescan: tuple[Search, ...]
    looks: tuple[Look, ...] = field(default=())


# --- reading a sentence ---------------------------------------------------------------------


class Reading:
    """One sentence with its context: ``text`` is the lead-in and the sentence, ``own`` where the
    sentence starts in it."""

    def __init__(
        self, low: str, rules: RuleSet, context: Context, read: set[str] | None = None
    ) -> None:
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
        # The kinds whose reader read a statement in the sentence (agreeing or not) or set one
        # aside knowingly (the past, advice, another field): such a sentence needs no review.
        self.read: set[str] = set() if read is None else read

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
        if ADVICE.search(before) or is_past(before):
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


def wakes_on(gate: re.Pattern[str]) -> Callable[[Reading], bool]:
    """A kind's ``wakes``: the sentence (with its lead-in) holds a match of ``gate``."""
    return lambda reading: gate.search(reading.text) is not None


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


def is_past(before: str) -> bool:
    """Whether the words before a value (in its clause) put it in the past."""
    if _PAST.search(before):
        return True
    tense = last_match(_TENSE.finditer(before))
    return bool(tense and tense.group("past"))


def last_match(matches: Iterator[re.Match]) -> re.Match | None:
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



def both(first: re.Pattern, second: re.Pattern) -> Callable[[str], object]:
    """A pre-scan search that finds something only when both patterns do."""
    return lambda low: first.search(low) and second.search(low) or None


# Words that name a subject or a lead-in: the pre-scan's gate for searches that need one.
SUBJECTISH = ("password", "user", "login", "log in", "requirement", "policy", "rule", "criteria")
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
