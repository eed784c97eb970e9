"""From passages to sentences, each with what a reader carries to it from before.

A reader of a help page takes a bare "At least 14 characters." as a password rule when the
question above it asks "How long must my PACER password be?", and "180 days" as the change
interval when its label reads "Maximum Password Age". So each sentence is read with a context
(:class:`.statements.Context`):

- **Lead-ins.** A sentence ending in ":" ("The new password must:"), a line that reads as a title
  ("Username Requirements", "Password must be"), a question, a heading, a label (a table row's
  first cell, a ``<dt>``) leads the list items or cells after it, and a heading also the first
  paragraph after it. A prose paragraph ends a lead-in. Lead-ins are read together with what
  they lead, and kept by their last 240 characters.
- **Subjects.** A sentence that names neither the password nor the username takes its subject
  from its lead-in, else from the sentence before it in the same passage ("Previously, a PACER
  password had to be ... Now it must be ..."), else from the nearest heading above that names one
  (headings nest by level), else from a table's column headings; a rule statement under
  "requirements", a "policy" or "rules" with no subject at all is read as the password's.
- **Dated columns and items.** In a table whose column headings date its values ("Until August
  24, 2025" / "From August 25, 2025", "2021" / "2025", "Old" / "New", "removed" / "added"), only
  the latest column is read; so is a list item "Effective August 25, 2025: ..." and not one
  "Through August 24, 2025: ...".
- **Advice.** A passage that starts "Tips:" and the items under a lead-in about weak or poor
  passwords state no rule.
- **Only these kinds.** A lead-in "can include only the following:" whose items name no special
  character says the special character is not allowed; it is reported at the lead-in.

A passage that states one rule wrongly more than once is reported once, at its first wrong
sentence. Bullets run together in one line ("•", "▪", "◦", "●") end a sentence, as a full stop
does; so does a line break in plain text or a PDF before a line that starts with a capital (a
label and its value on each line), or after a line ending in ":". A sentence split across two
PDF pages is read as two; a lead-in does not carry to the next page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from checker.rulesets import RuleSet, get_ruleset
from checker.verify.findings import Mismatch, Passage, excerpt
from checker.verify.numbers import normalise
from checker.verify.statements import (
    NEGATION,
    SUBJECTS,
    Context,
    check_sentence,
    collapse,
    last_noun,
    may_state_rules,
)

BULLETS = "•▪◦●"
# A full stop after an abbreviation ("Min. 8 char.", "e.g.") does not end a sentence.
_ABBREVIATED = ("min.", "max.", "char.", "approx.", "e.g.", "i.e.", "no.")
_ABBREVIATIONS = "".join(rf"(?<!\b(?i:{re.escape(word)}))" for word in _ABBREVIATED)
# The end of a sentence: match.start() is where it stops, match.end() where the next one starts.
# Each alternative starts with a test that fails at once on most characters (a lookbehind for the
# punctuation; a bullet only at the start of the whitespace before it), so the search stays linear
# in runs of spaces. U+2028 is what the HTML reader writes for <br>.
SENTENCE_END = re.compile(
    rf"(?<=[.!?;]){_ABBREVIATIONS}\s+(?=[A-Z0-9\"'(])|(?<!\s)\s*[{BULLETS}\u2028]\s*"
)
# In plain text and PDF text, a line break ends a sentence after a ":" or before a capital that
# follows a word (each line a label and its value, or an item).
_LINE_END = re.compile(r"(?<=:)[ \t]*\n\s*|(?<=[\w)\]])[ \t]*\n\s*(?=[A-Z])")
_MAY_END = re.compile(rf"[.!?;\n{BULLETS}\u2028]")
_LEAD_END = re.compile(rf":[*_\s]*(?:$|[{BULLETS}\u2028])")
_SHORT = 300
# Texts larger than this are not pre-scanned whole (the scan copies the text three times): their
# sentences are tested one by one as they are read.
PRESCAN_LIMIT = 1 << 20
LEAD_CHARS = 240

_TITLE_WORDS = 12
_REQUIREMENT = re.compile(
    r"\b(?:requirements?|polic(?:y|ies)|rules?|criteria|complexity|standards?)\b"
)
_FOLLOWING = re.compile(r"\b(?:the following|following:|below)\b")
_WEAK = re.compile(r"\b(?:weak|poor|bad|insecure|easily guessed)\b")
_TIPS = re.compile(r"^\W*(?:tips?|hints?|suggestions?|recommendations?)\s*:", re.IGNORECASE)
_ONLY_LEAD = re.compile(r"\bonly\b[^.;]{0,30}?\bfollowing\b|\bonly:\s*$")
_SPECIAL_NAMED = re.compile(r"special|symbol|punctuation|non-alphanumeric|[!@#$%^&*]")
_DIGITS = re.compile(r"\d")

# Any word a sentence needs to state a rule (with a figure, the sentence is read anyway), and
# any it needs to name a subject or to lead what follows: a sentence with none of the first is
# not checked, with none of either not read further.
_RULE_WORDS = re.compile(
    r"char|length|every|day|month|year|expir|age\b|repeat|identical|consecutive|in\s+a\s+row"
    r"|same|number|digit|numer|lower|upper|capital|special|symbol|punctuation|alphanumeric|only"
    r"|optional|part\s+of|default|annual|valid|older|name|mail|[<>≥≤]"
)
_LEAD_WORDS = re.compile(
    r"password|user|log\s*in|[:?]|requirement|polic|rule|criteria|complexity|standard"
    r"|following|below"
)
_RULE_WORDS_ANY_CASE = re.compile(_RULE_WORDS.pattern, re.IGNORECASE)
_LEAD_WORDS_ANY_CASE = re.compile(_LEAD_WORDS.pattern, re.IGNORECASE)

_TEMPORAL_PAST = re.compile(
    r"\b(?:old|previous|former|removed|deleted|struck|was)\b"
    r"|\b(?:until|through|thru|before|prior to|up to)\b(?=.*\d{4})"
)
_TEMPORAL_NOW = re.compile(
    r"\b(?:new|current|added|updated|now|revised)\b"
    r"|\b(?:from|after|since|effective|starting|beginning|as of)\b(?=.*\d{4})"
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_DATED_ITEM = re.compile(
    r"^\s*(?P<when>(?:until|through|thru|before|prior to|effective|from|after|since|starting"
    r"|beginning|as of)\s+[^:,]{0,30}?\d{4})\s*[:,]"
)


def sentence_spans(text: str, line_breaks: bool = False) -> Iterator[tuple[int, int]]:
    """(start, stop) in ``text`` of each sentence; with ``line_breaks`` (plain text), the line
    breaks that end one too."""
    if not _MAY_END.search(text):
        if text:
            yield 0, len(text)
        return
    ends: Iterable[re.Match] = SENTENCE_END.finditer(text)
    if line_breaks and "\n" in text:
        ends = _merged(ends, _LINE_END.finditer(text))
    start = 0
    for end in ends:
        if end.start() < start:
            continue  # inside the end just read (a line break and a bullet, say)
        if start < end.start():
            yield start, end.start()
        start = end.end()
    if start < len(text):
        yield start, len(text)


def _merged(first: Iterator[re.Match], second: Iterator[re.Match]) -> Iterator[re.Match]:
    """Two streams of matches, in order of where they start."""
    a, b = next(first, None), next(second, None)
    while a is not None or b is not None:
        if b is None or a is not None and a.start() <= b.start():
            yield a
            a = next(first, None)
        else:
            yield b
            b = next(second, None)


@dataclass(slots=True)
class _Lead:
    """A lead-in: its text (lower case, its tail), its subject, and what it says of its items."""

    text: str
    subject: str | None
    kind: str  # "colon", "title", "heading", "label"
    weak: bool = False
    only: tuple[str, int, RuleSet] | None = None  # "only the following": excerpt, line, rules
    noun: str | None = None  # the last noun it names (see statements.last_noun)

    def __post_init__(self) -> None:
        self.noun = last_noun(self.text)


class _Reader:
    """check_passages' state, passage to passage."""

    def __init__(self, file: str, default: RuleSet, unit: str) -> None:
        self.file, self.default, self.unit = file, default, unit
        self.lead: _Lead | None = None
        self.after_heading = False  # the passage before this one was a heading
        self.sections: list[tuple[int, str | None, str]] = []  # (level, subject, text)
        self.section_subject: str | None = None
        self.only_seen = False

    # -- context --------------------------------------------------------------------------


    def section_text(self) -> str:
        return " ".join(text for _, _, text in self.sections)

    def open_heading(self, passage: Passage) -> None:
        self.sections = [s for s in self.sections if s[0] < passage.level]
        low = normalise(collapse(passage.text).lower())
        self.sections.append((passage.level, _subject_of(low), low[-LEAD_CHARS:]))
        # The subject of the nearest heading above that names one.
        self.section_subject = next((s for _, s, _ in reversed(self.sections) if s), None)

    def leads_paragraph(self) -> bool:
        """Whether the lead-in is a heading just before this paragraph (it leads the first)."""
        return self.after_heading and self.lead is not None and self.lead.kind == "heading"

    def end_lead(self) -> Iterator[Mismatch]:
        """The lead-in's "only the following" report, if its items named no special character."""
        lead, self.lead = self.lead, None
        if lead and lead.only and not self.only_seen:
            text, location, rules = lead.only
            if "password.special" in rules.rule_ids:
                yield Mismatch(
                    self.file, text, "only the kinds of character listed may be used",
                    "a special character is required", "password.special", location, self.unit,
                )  # fmt: skip
        self.only_seen = False

    def set_lead(self, lead: _Lead) -> Iterator[Mismatch]:
        yield from self.end_lead()
        self.lead = lead

    # -- passages -------------------------------------------------------------------------

    def read(self, passage: Passage) -> Iterator[Mismatch]:
        rules = get_ruleset(passage.ruleset) if passage.ruleset else self.default
        if passage.columns and _column_status(passage.column, passage.columns) == "past":
            return  # a value a dated column names as the past
        heading = passage.level > 0
        label = passage.lead and not heading
        if heading:
            yield from self.end_lead()
            self.open_heading(passage)
        elif not (passage.item or passage.header or self.leads_paragraph()):
            yield from self.end_lead()
        self.after_heading = heading
        lead = None if heading or label else self.lead
        if lead and lead.only and _SPECIAL_NAMED.search(passage.text):
            self.only_seen = True
        if passage.item and not label:
            dated = _DATED_ITEM.match(passage.text.lower())
            if dated and _TEMPORAL_PAST.search(dated.group("when")):
                return
        inherited = self.section_subject or (
            _table_subject(passage.columns) if passage.columns else None
        )
        yield from self.sentences(passage, rules, lead, inherited)
        if heading or label:
            low = normalise(collapse(passage.text).lower())
            subject = _subject_of(low) or inherited
            kind = "heading" if heading else "label"
            weak = bool(_WEAK.search(low))
            yield from self.set_lead(_Lead(low[-LEAD_CHARS:], subject, kind, weak))

    def sentences(
        self, passage: Passage, rules: RuleSet, lead: _Lead | None, inherited: str | None
    ) -> Iterator[Mismatch]:
        text = passage.text
        lead_text = lead.text if lead else ""
        # A long passage that can neither lead nor state a rule (the page pre-scan, on it and
        # its lead-in) is skipped: most passages of a page that states a rule are. A short one
        # is left to the test on each sentence below, which costs less than the pre-scan.
        prescan = _SHORT < len(text) <= PRESCAN_LIMIT
        can_lead = passage.lead or _LEAD_END.search(text)
        if prescan and not can_lead and not may_state_rules(f"{lead_text} {text}", markup=False):
            return
        advice = bool(_TIPS.match(text)) or bool(lead and lead.weak)
        reported: set[str] = set()
        previous: str | None = None  # the subject of the sentence before, in this passage
        previous_text = ""
        location, counted = passage.location, 0
        line_breaks = self.unit == "page" or not passage.html
        standalone = passage.level > 0 or passage.lead
        # The tests below read a lower-case copy (a case-blind search is slower), except of a
        # passage so long that a copy would cost more memory than it saves time.
        rule_words, lead_words, lowered = _RULE_WORDS, _LEAD_WORDS, text
        if len(text) <= PRESCAN_LIMIT:
            lowered = text.lower()
        else:
            rule_words, lead_words = _RULE_WORDS_ANY_CASE, _LEAD_WORDS_ANY_CASE
        for start, stop in sentence_spans(text, line_breaks):
            states = _DIGITS.search(text, start, stop) or rule_words.search(lowered, start, stop)
            if not states and not lead_words.search(lowered, start, stop):
                continue
            sentence = collapse(text[start:stop])
            if not sentence:
                continue
            low = normalise(sentence.lower())
            if self.unit == "line":
                location += text.count("\n", counted, start)
                counted = start
            own = _subject_of(low)
            subject = (lead.subject if lead else None) or previous or inherited or (
                self.default_subject(lead_text, passage)
            )
            noun = lead.noun if lead else None
            context = Context(lead_text, subject, advice, previous_text, noun)
            for rule_id, says, expected in check_sentence(low, rules, context) if states else ():
                if rule_id not in reported:
                    reported.add(rule_id)
                    yield Mismatch(self.file, excerpt(sentence), says, expected, rule_id,
                                   location, self.unit)  # fmt: skip
            previous = own or previous
            previous_text = low[-LEAD_CHARS:]
            if standalone or passage.item and not low.endswith((":", "following")) and (
                start == 0
            ):
                continue  # a list item's first line leads only when it ends so
            # Whether the sentence starts a line (a look at the few characters before it only:
            # a copy of the text before every sentence would cost the square of the passage).
            alone = start == 0 or text[max(0, start - 40) : start].rstrip(" \t").endswith("\n")
            new_lead = self.lead_from(low, own or subject, passage, sentence, location, rules,
                                      alone, start == 0)  # fmt: skip
            if new_lead is not None:
                yield from self.set_lead(new_lead)
                lead, lead_text = new_lead, new_lead.text

    def lead_from(
        self, low: str, subject: str | None, passage: Passage, sentence: str, location: int,
        rules: RuleSet, alone: bool, first: bool,
    ) -> _Lead | None:  # fmt: skip
        """The lead-in a sentence starts, if it is one: it ends in ":" or "?", or it reads as a
        title on a line of its own (no full stop, no figure, no negation, a subject named)."""
        stripped = low.rstrip("*_ ")
        colon = stripped.endswith(":")
        question = stripped.endswith("?")
        title = (
            alone
            and not stripped.endswith((".", "!", ";", ","))
            and not NEGATION.search(stripped)
            and len(stripped.split()) <= _TITLE_WORDS
            and not _DIGITS.search(stripped)
            and bool(SUBJECTS.search(stripped) or _REQUIREMENT.search(stripped)
                     or _FOLLOWING.search(stripped))
        )  # fmt: skip
        if not (colon or question or title):
            return None
        if passage.item and not (colon or _FOLLOWING.search(stripped) or title and not first):
            return None  # an item leads when it says so, or on a line of its own after its first
        lead = _Lead(low[-LEAD_CHARS:], subject, "colon" if colon else "title",
                     weak=bool(_WEAK.search(low)))  # fmt: skip
        if _ONLY_LEAD.search(low) and subject == "password":
            lead.only = (excerpt(sentence), location, rules)
        return lead

    def default_subject(self, lead_text: str, passage: Passage) -> str | None:
        """A rule under "requirements", a policy or rules with no subject is the password's."""
        context = f"{lead_text} {self.section_text()} {' '.join(passage.columns)}"
        return "password" if _REQUIREMENT.search(context.lower()) else None

    def finish(self) -> Iterator[Mismatch]:
        yield from self.end_lead()


def check_passages(
    passages: Iterable[Passage], file: str, default: RuleSet, unit: str = "line"
) -> Iterator[Mismatch]:
    """Each mismatch in one file's passages, in order; lead-ins carry into the items after them."""
    reader = _Reader(file, default, unit)
    for passage in passages:
        yield from reader.read(passage)
    yield from reader.finish()


def _subject_of(low: str) -> str | None:
    """The subject a text names last, if any."""
    last = None
    if "pass" not in low and "user" not in low and "log" not in low:
        return None
    for found in SUBJECTS.finditer(low):
        last = found.group(1)
    if last is None:
        return None
    return "password" if last.startswith("pass") else "username"


@lru_cache(maxsize=256)
def _table_subject(columns: tuple[str, ...]) -> str | None:
    for heading in columns:
        subject = _subject_of(heading.lower())
        if subject and _column_status(heading, columns) is None:
            return subject
    return None


@lru_cache(maxsize=256)
def _column_status(column: str | None, columns: tuple[str, ...]) -> str | None:
    """"past" or "current" for a column whose heading dates it against the others, else None."""
    if column is None or len(columns) < 2:
        return None
    statuses = [_heading_status(heading) for heading in columns]
    mine = _heading_status(column)
    if mine in ("past", "current"):
        return mine if "current" in statuses or mine == "current" else None
    years = [_latest_year(heading) for heading in columns]
    dated = [year for year in years if year]
    mine_year = _latest_year(column)
    if mine_year and len(dated) >= 2:
        return "current" if mine_year == max(dated) else "past"
    return None


def _heading_status(heading: str) -> str | None:
    low = heading.lower()
    if _TEMPORAL_NOW.search(low):
        return "current"
    if _TEMPORAL_PAST.search(low):
        return "past"
    return None


def _latest_year(heading: str) -> int | None:
    years = [int(found.group(0)) for found in _YEAR.finditer(heading)]
    return max(years) if years else None
