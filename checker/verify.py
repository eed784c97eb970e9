"""Find every statement of a PACER username or password rule in prose and compare it with the rules.

Reads HTML (a built site, or a court's own pages), PDF text layers and plain text or Markdown; the
readers are in :mod:`checker.verify_inputs`, the output formats in :mod:`checker.verify_output`.
Every reader turns a file into passages (the text of one block element, one list item, one
paragraph or bullet line of a text or PDF page) with the line or page where each starts. An HTML
passage is checked against the rule set named by the nearest ``data-ruleset`` attribute around it,
else the default; so a page can quote the old rules inside ``<div data-ruleset="pacer-2021">``.

What counts as a statement (per sentence, case-insensitive):
- a length: "N-M characters" (any dash), "between N and M characters", "N to/through M
  characters", "at least / a minimum of / min. / no fewer than N characters", "N or more
  characters", "N+ characters", "N characters minimum", "at most / no more than / up to / max. M
  characters", "minimum length: N", "length: N-M"; "char." and "chars" count as characters. About
  the username when the username (or user name, user ID) is named nearest the number, else the
  password;
- a required character class: "at least one number" (no rule set requires a digit), and the lower
  case, upper case and special classes;
- the repeat rule: "the same character N times in a row" or "more than N identical characters";
- the personal-data rule: "must not contain [any part of] your name / username / email";
- the password change interval: "every N days", "every N months", "an N-day password change".

Decisions on forms that could be read two ways (tests/test_verify.py holds one test per decision):
- Lead-ins. A list item, table cell or bullet line that names no subject takes it from its
  lead-in: the last sentence ending in ":" that names the username or password ("The new password
  must:"), a heading, or a row's label cell ("Password | 14-45 characters"). A prose paragraph
  ends the lead-in. So "- 8-45 characters" under "Password requirements:" is a password length.
- Legal style: "eight (8) characters" and "8 (eight) characters" are one number. When the word
  and the figure disagree, the figure counts.
- Run-together bullets: "•", "▪", "◦" and "●" end a sentence, as a full stop does.
- Whose password: the verifier cannot tell a CM/ECF password from a PACER one. Since NextGen,
  filers sign in to CM/ECF with their PACER account, so every password statement is read as a PACER
  password statement; a page that keeps an old CM/ECF rule on purpose marks it with
  ``data-ruleset``.
- "at least one digit or special character" says a digit can stand in for a special character:
  reported (rule ``password.special``), since every rule set requires the special character.
- Months: "every six months" is accepted for a 180-day change (6 x 30 to 6 x 31 days); other
  month counts are reported. "six months of inactivity" is not a change interval ("every" is
  needed).
- A sentence split across two PDF pages is read as two; a lead-in does not carry to the next
  page.
Code listings (``<pre>``, Markdown fences), scripts and styles are not prose and are skipped: page
examples are checked by running them instead (checker.site.examples).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from .rulesets import DEFAULT_RULESET, RuleSet, get_ruleset

EXIT_OK, EXIT_MISMATCH, EXIT_USAGE = 0, 1, 2

_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def _number_words() -> dict[str, int]:
    words = {word: value for value, word in enumerate(_ONES, 1)}
    words.update({word: value for value, word in enumerate(_TEENS, 10)})
    for tens, word in enumerate(_TENS, 2):
        words[word] = tens * 10
        for ones, unit in enumerate(_ONES, 1):
            words[f"{word}-{unit}"] = tens * 10 + ones
            words[f"{word} {unit}"] = tens * 10 + ones
    return words


NUMBER_WORDS = _number_words()
# Longest first, so "forty-five" is read whole rather than as "forty".
# Shaped like a trie (tens, then an optional unit), not as 200 alternatives: the pattern is tried
# at every word of every page, and Python's re tries alternatives one by one.
_TENS_RE, _TEENS_RE, _ONES_RE = ("|".join(words) for words in (_TENS, _TEENS, _ONES))
_NUM = rf"(\d+|(?:{_TENS_RE})(?:[- ](?:{_ONES_RE}))?|{_TEENS_RE}|{_ONES_RE})"
_WORD = r"(?:" + "|".join([*_ONES, *_TEENS, *_TENS, "hundred"]) + r")"
_WORDS = rf"{_WORD}(?:[ -](?:{_WORD}|and))*"
# "eight (8)", "one hundred eighty (180)", "8 (eight)": one number, written as its figure. Found
# from the parenthesis, which few pages have, rather than by trying the words at every word.
# Only a figure followed by what a rule counts can be part of one (so not "(800) 676-6856").
_PAREN_FIGURE = re.compile(
    r" \((\d+)\)(?=[^.;:]{0,40}?(?:char|day|month|time|identical|repeat|consecutive))"
)
_NUMBER_PARTS = frozenset([*_ONES, *_TEENS, *_TENS, "hundred", "and"])
_PAREN_WORDS = re.compile(r" \(([a-z][a-z -]*)\)")
_WORDS_ONLY = re.compile(_WORDS)
_CHARS = r"(?:-|\s)?char(?:acter)?s?\b\.?"
_DASH = r"\s*(?:-|–|—|to|through|thru)\s*"

_AT_LEAST = (
    r"(?:at least|a minimum of|minimum of|minimum|min\.?|no fewer than|not fewer than"
    r"|no less than|not less than)"
)
_AT_MOST = r"(?:at most|no more than|not more than|up to|maximum of|maximum|max\.?)"
_LENGTH = r"(?:password |username |user name )?length(?: of| is| must be)?:?\s*"


def _forms(*forms: tuple[str, str]) -> list[tuple[re.Pattern, str]]:
    return [(re.compile(pattern), form) for pattern, form in forms]


LENGTH_FORMS = _forms(
    (rf"\bbetween {_NUM} and {_NUM}{_CHARS}", "range"),
    (rf"\b{_NUM}{_DASH}{_NUM}{_CHARS}", "range"),
    (rf"\b{_LENGTH}(?:between )?{_NUM}(?:{_DASH}|\s+and\s+){_NUM}\b", "range"),
    (rf"\b{_AT_LEAST} {_NUM}{_CHARS}", "min"),
    (rf"\b(?:minimum|min\.?) {_LENGTH}{_NUM}\b", "min"),
    (rf"\b{_NUM}{_CHARS} (?:or (?:more|longer)|minimum|min\b)", "min"),
    (rf"\b{_NUM} or more{_CHARS}", "min"),
    (rf"\b{_NUM}\+{_CHARS}", "min"),
    (rf"\b{_AT_MOST} {_NUM}{_CHARS}", "max"),
    (rf"\b(?:maximum|max\.?) {_LENGTH}{_NUM}\b", "max"),
    (rf"\b{_NUM}{_CHARS} (?:or (?:fewer|less|shorter)|maximum|max\b)", "max"),
)
SUBJECTS = re.compile(r"\b(user ?names?|user ?ids?|passwords?)\b")
NEGATION = re.compile(r"\b(?:not|no|never|cannot|can't|don't|doesn't|without|nor|neither)\b")
# A requirement is stated with one of these before the thing required (so "enter a number in the
# client code field" is not one).
REQUIRES = re.compile(r"\b(?:must|needs?|required?s?|contains?|includes?|have|has|at least)\b")
DIGIT_REQUIRED = re.compile(r"\b(?:at least one|one|a)\s+(?:number|digit|numeral)s?\b")
DIGIT_OR_SPECIAL = re.compile(r"\b(?:number|digit|numeral)s? or (?:a |one )?(?:special|symbol)")
CLASS_WORDS = {
    "password.lowercase": re.compile(r"\blower ?case\b"),
    "password.uppercase": re.compile(r"\b(?:upper ?case|capital)\b"),
    "password.special": re.compile(r"\b(?:special character|symbol)s?\b"),
}
REPEAT = re.compile(rf"\bsame character {_NUM}(?: or more)? times in a row\b")
REPEAT_MORE_THAN = re.compile(
    rf"\bmore than {_NUM} (?:identical|repeated|of the same) characters?\b"
)
# Searched only after a "password ... must not contain" (FORBIDS), so bare nouns are safe: PACER's
# own list reads "any part of your first name, last name, username, or email address".
PERSONAL = {
    "password.name": re.compile(
        r"\b(?:first (?:name )?or last name|first name|last name|your name|full name)\b"
    ),
    "password.username": re.compile(r"\buser ?names?\b"),
    "password.email": re.compile(r"\be-?mail(?: address(?:es)?)?\b"),
}
# "password ... must not ... contain ... <personal data>", in that order, in one sentence.
FORBIDS = re.compile(
    r"\bpasswords?\b[^.!?;]*?\b(?:not|never|cannot|can't|mustn't)\b[^.!?;]*?"
    r"\b(?:contain|include|have|use)s?\b"
)
PART = re.compile(r"\b(?:any part|part of|parts of)\b")
NO_PART = re.compile(r"\bno part of\b")
EVERY_DAYS = re.compile(rf"\bevery {_NUM}[- ]days?\b")
DAY_CHANGE = re.compile(rf"\b{_NUM}-day (?:password )?(?:change|expiration|reset|cycle)")
MONTHS = re.compile(rf"\bevery {_NUM}[- ]months?\b")
BULLETS = "•▪◦●"
# A full stop after an abbreviation ("Min. 8 char.", "e.g.") does not end a sentence.
_ABBREVIATED = ("min.", "max.", "char.", "approx.", "e.g.", "i.e.", "no.")
_ABBREVIATIONS = "".join(rf"(?<!\b(?i:{re.escape(word)}))" for word in _ABBREVIATED)
SENTENCE_END = re.compile(rf"{_ABBREVIATIONS}(?<=[.!?;])\s+(?=[A-Z0-9\"'(])|\s*[{BULLETS}]\s*")

# Where a sentence can end in ":" (a lead-in): the end of a passage, or before a bullet.
_LEAD_END = re.compile(rf":[*_\s]*(?:$|[{BULLETS}])")

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


@dataclass(frozen=True)
class Mismatch:
    """One sentence that disagrees with a rule: where it is, what it says, what the rule set says.

    ``unit`` is "line" for HTML and text, "page" for PDF; ``location`` is 0 when unknown.
    """

    file: str
    excerpt: str
    says: str
    expected: str
    rule_id: str = ""
    location: int = 0
    unit: str = "line"

    @property
    def page(self) -> str:
        """The file name (the field's name before PDFs were read), kept for older callers."""
        return self.file

    @property
    def where(self) -> str:
        if not self.location:
            return self.file
        return f"{self.file}:{self.location}" if self.unit == "line" else (
            f"{self.file}:page {self.location}"
        )

    def __str__(self) -> str:
        return f"{self.where}: {self.excerpt}: says {self.says}, rule set says {self.expected}"


@dataclass(frozen=True)
class Passage:
    """A run of prose from one block: its text (line breaks kept) and where it starts.

    ``item``: a list item, table cell or bullet line, which may take its subject from a lead-in.
    ``lead``: a heading or label that may be one.
    """

    text: str
    location: int
    ruleset: str | None = None
    item: bool = False
    lead: bool = False


def verify_site(site_dir: Path | str, ruleset: str | RuleSet = DEFAULT_RULESET) -> list[Mismatch]:
    """Every mismatch in ``site_dir``'s HTML, files named relative to ``site_dir`` (the build)."""
    root = Path(site_dir)
    found: list[Mismatch] = []
    for path in sorted(root.rglob("*.html")):
        page = path.relative_to(root).as_posix()
        found.extend(verify_html(path.read_text(encoding="utf-8", errors="replace"), page, ruleset))
    return found


def verify_html(html: str, page: str, ruleset: str | RuleSet = DEFAULT_RULESET) -> list[Mismatch]:
    from .verify_inputs import html_passages

    default = get_ruleset(ruleset)
    if not may_state_rules(html, markup=True):
        return []
    return list(check_passages(html_passages(html), page, default))


def verify_text(text: str, name: str, ruleset: str | RuleSet = DEFAULT_RULESET) -> list[Mismatch]:
    """Plain text or Markdown, as one string (tests; files are streamed by the CLI)."""
    from .verify_inputs import text_passages

    return list(check_passages(text_passages(text.splitlines()), name, get_ruleset(ruleset)))


def may_state_rules(text: str, markup: bool = True) -> bool:
    """A cheap pre-scan: False only when no sentence of the page could be a rule statement.

    Every check in :func:`check_sentence` needs one of these patterns to match, and matching them
    over the whole tag-stripped page finds a superset of what per-sentence matching finds (a
    lead-in only adds a subject, never a number); so skipping the parse when none matches changes
    no result. Each pattern runs only when a word it cannot match without is present: substring
    tests are far cheaper than regular expressions (each word is looked for once), and most pages
    of a court site state no rule.
    """
    if markup:
        text = unescape(re.sub(r"<[^>]*>", " ", text))
    low = " ".join(text.lower().split())
    if "(" in low:
        low = normalise(low)
    present = {word for word in _GATE_WORDS if word in low}
    return any(
        all(not present.isdisjoint(words) for words in gate) and pattern.search(low)
        for pattern, gate in _PRESCAN
    )


# Each pattern with the words it cannot match without: every group must have one word present.
_PRESCAN: list[tuple[re.Pattern, tuple[tuple[str, ...], ...]]] = [
    *((pattern, (("char", "length"),)) for pattern, _ in LENGTH_FORMS),
    (REPEAT, (("in a row",),)),
    (REPEAT_MORE_THAN, (("identical", "repeated", "of the same"),)),
    (EVERY_DAYS, (("every",), ("day",))),
    (DAY_CHANGE, (("-day",),)),
    (MONTHS, (("every",), ("month",))),
    (DIGIT_REQUIRED, (("number", "digit", "numeral"),)),
    (DIGIT_OR_SPECIAL, (("number", "digit", "numeral"),)),
    (FORBIDS, (("password",),)),
    (NO_PART, (("no part",),)),
    *(
        (pattern, (("lower", "upper", "capital", "special", "symbol"),))
        for pattern in CLASS_WORDS.values()
    ),
]
_GATE_WORDS = {word for _, gate in _PRESCAN for words in gate for word in words}


def normalise(low: str) -> str:
    """Lower-case text with legal-style numbers ("eight (8)", "8 (eight)") written as the figure."""
    if "(" not in low:
        return low
    low = _PAREN_WORDS.sub(_drop_words_after_figure, low)
    parts, last = [], 0
    for match in _PAREN_FIGURE.finditer(low):
        start = _number_words_before(low, max(last, match.start() - 80), match.start())
        if start is not None:
            parts += [low[last:start], match.group(1)]
            last = match.end()
    return "".join([*parts, low[last:]])


def _drop_words_after_figure(match: re.Match) -> str:
    """ "8 (eight)" -> "8"; any other parenthesis stays."""
    after_figure = match.start() and match.string[match.start() - 1].isdigit()
    return "" if after_figure and _WORDS_ONLY.fullmatch(match.group(1)) else match.group(0)


def _number_words_before(low: str, begin: int, end: int) -> int | None:
    """Where the run of number words ending at ``end`` starts ("one hundred eighty"), if any."""
    last = low[low.rfind(" ", begin, end) + 1 : end]
    if not all(part in _NUMBER_PARTS for part in last.split("-")):
        return None  # the common case, "call (800)": decided without splitting the window
    words = low[begin:end].split(" ")
    count = 0
    for word in reversed(words):
        if not word or not all(part in _NUMBER_PARTS for part in word.split("-")):
            break
        count += 1
    while count and words[len(words) - count] == "and":
        count -= 1
    if not count or words[-1] == "and":
        return None
    return end - len(" ".join(words[-count:]))


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """(offset in ``text``, sentence with whitespace collapsed) for each sentence."""
    start = 0
    for end in [*SENTENCE_END.finditer(text), None]:
        stop = end.start() if end else len(text)
        sentence = " ".join(text[start:stop].split())
        if sentence:
            yield start + (len(text[start:stop]) - len(text[start:stop].lstrip())), sentence
        if end:
            start = end.end()


def excerpt(sentence: str, width: int = 120) -> str:
    return sentence if len(sentence) <= width else sentence[: width - 1] + "…"


def check_passages(
    passages: Iterable[Passage], file: str, default: RuleSet, unit: str = "line"
) -> Iterator[Mismatch]:
    """Each mismatch in one file's passages, in order; lead-ins carry into the items after them."""
    lead = ""
    for passage in passages:
        if not passage.item:
            lead = ""
        # A passage that can neither start a lead-in nor state a rule (the page pre-scan, on it
        # and its lead-in) is skipped: most passages of a page that states a rule are.
        can_lead = passage.lead or _LEAD_END.search(passage.text)
        if not can_lead and not may_state_rules(f"{lead} {passage.text}", markup=False):
            continue
        rules = get_ruleset(passage.ruleset) if passage.ruleset else default
        for offset, sentence in sentences(passage.text):
            low = normalise(sentence.lower())
            location = passage.location
            if unit == "line":
                location += passage.text.count("\n", 0, offset)
            for rule_id, says, expected in check_sentence(low, rules, lead):
                yield Mismatch(file, excerpt(sentence), says, expected, rule_id, location, unit)
            named = SUBJECTS.search(low)
            if passage.lead:
                lead = low if named else ""
            elif named and low.rstrip("*_ ").endswith(":"):
                lead = low


def check_sentence(low: str, rules: RuleSet, lead: str = "") -> Iterator[tuple[str, str, str]]:
    """(rule id, what the sentence says, what the rule set says) for each disagreement.

    ``low`` is the sentence lower-cased and normalised; ``lead`` the lead-in it belongs to, if any.
    """
    yield from _lengths(low, rules, lead)
    yield from _classes(low, rules, lead)
    yield from _repeat(low, rules)
    yield from _personal(low, rules, lead)
    yield from _change(low, rules, lead)


def _number(token: str) -> int:
    return int(token) if token.isdigit() else NUMBER_WORDS[token]


def _subject(low: str, position: int, lead: str) -> str | None:
    """The field a number at ``position`` is about: the nearest subject before it, else after,
    else the last one in the lead-in."""
    before = [m for m in SUBJECTS.finditer(low) if m.start() < position]
    after = [m for m in SUBJECTS.finditer(low) if m.start() >= position]
    match = before[-1] if before else (after[0] if after else None)
    if match is None:
        in_lead = list(SUBJECTS.finditer(lead))
        match = in_lead[-1] if in_lead else None
    if match is None:
        return None
    return "username" if match.group(1).startswith("user") else "password"


def _lengths(low: str, rules: RuleSet, lead: str) -> Iterator[tuple[str, str, str]]:
    seen: list[tuple[int, int]] = []
    for pattern, form in LENGTH_FORMS:
        for match in pattern.finditer(low):
            if any(start <= match.start() < end or match.start() <= start < match.end()
                   for start, end in seen):
                continue
            seen.append(match.span())
            subject = _subject(low, match.start(), lead)
            if subject is None:
                continue
            rule_id = f"{subject}.length"
            rule = rules.rule(rule_id)
            low_, high = rule.params["min"], rule.params["max"]
            said = tuple(_number(g) for g in match.groups())
            if form == "range" and said != (low_, high):
                yield (
                    rule_id,
                    f"{subject} {said[0]}-{said[1]} characters",
                    f"{subject} {low_}-{high} characters",
                )
            elif form == "min" and said[0] != low_:
                yield (
                    rule_id,
                    f"{subject} at least {said[0]} characters",
                    f"{subject} at least {low_} characters",
                )
            elif form == "max" and said[0] != high:
                yield (
                    rule_id,
                    f"{subject} at most {said[0]} characters",
                    f"{subject} at most {high} characters",
                )


def _states_requirement(low: str, match: re.Match, lead: str) -> bool:
    """A password sentence (or item under a password lead-in) that requires the thing matched."""
    about_password = "password" in low or "password" in lead
    before = f"{lead} {low[: match.start()]}"
    negated = NEGATION.search(low[: match.start()]) or NEGATION.search(lead)
    return about_password and bool(REQUIRES.search(before)) and not negated


def _classes(low: str, rules: RuleSet, lead: str) -> Iterator[tuple[str, str, str]]:
    either = DIGIT_OR_SPECIAL.search(low)
    if either and _states_requirement(low, either, lead):
        yield (
            "password.special",
            "a number can replace the special character",
            "a special character is required",
        )
    match = DIGIT_REQUIRED.search(low)
    if (
        match
        and not either
        and _states_requirement(low, match, lead)
        and "password.digit" not in rules.rule_ids
    ):
        yield "password.digit", "a number is required", "no number is required"
    for rule_id, pattern in CLASS_WORDS.items():
        match = pattern.search(low)
        if match and _states_requirement(low, match, lead) and rule_id not in rules.rule_ids:
            yield rule_id, f"a {match.group(0)} is required", f"no {match.group(0)} is required"


def _repeat(low: str, rules: RuleSet) -> Iterator[tuple[str, str, str]]:
    match = REPEAT.search(low)
    said = _number(match.group(1)) if match else None
    more_than = REPEAT_MORE_THAN.search(low)
    if more_than:
        said = _number(more_than.group(1)) + 1
    if said is None:
        return
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


def _personal(low: str, rules: RuleSet, lead: str) -> Iterator[tuple[str, str, str]]:
    # An item ("- your username") is read after its lead-in ("The password cannot have:").
    context = f"{lead} {low}" if lead else low
    forbids = FORBIDS.search(context)
    if not forbids and "password" in context:
        forbids = NO_PART.search(context)  # "must contain: - No part of your username"
    if not forbids:
        return
    start = max(forbids.end(), len(context) - len(low))
    for rule_id, pattern in PERSONAL.items():
        if not pattern.search(context, start) or rule_id not in rules.rule_ids:
            continue
        what = rule_id.split(".")[1]
        says_parts = bool(PART.search(context))
        rule_parts = rules.rule(rule_id).kind == "excludes_parts"
        if says_parts != rule_parts:
            form = {
                True: f"no part of your {what} may appear",
                False: f"only your whole {what} is barred",
            }
            yield rule_id, form[says_parts], form[rule_parts]


def _change(low: str, rules: RuleSet, lead: str) -> Iterator[tuple[str, str, str]]:
    if "password" not in low and "password" not in lead:
        return
    facts = {fact.id: fact for fact in rules.facts}
    if "password-change" not in facts:
        return
    days = facts["password-change"].params["days"]
    for match in (EVERY_DAYS.search(low), DAY_CHANGE.search(low)):
        said = _number(match.group(1)) if match else days
        if said != days:
            yield "password-change", f"change every {said} days", f"change every {days} days"
    match = MONTHS.search(low)
    if match:
        months = _number(match.group(1))
        if not months * 30 <= days <= months * 31:
            yield "password-change", f"change every {months} months", f"change every {days} days"


def format_mismatches(mismatches: Iterable[Mismatch]) -> str:
    return "\n".join(str(m) for m in mismatches)


def main(*args, **kwargs) -> int:
    """The CLI's ``verify`` (see :func:`checker.verify_output.main`)."""
    from .verify_output import main as run

    return run(*args, **kwargs)
