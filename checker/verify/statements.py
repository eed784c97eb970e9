"""Find every statement of a PACER username or password rule in prose and compare it with the rules.

The readers (:mod:`.readers`: HTML, PDF text layers, plain text or Markdown) turn a file or a
fetched page into passages (the text of one block element, one list item, one
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
from collections.abc import Callable, Iterable, Iterator
from html import unescape

from ..rulesets import RuleSet, get_ruleset
from .findings import Mismatch, Passage, excerpt

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


def _forms(*forms: tuple[str, str, tuple[str, ...]]) -> list[tuple[re.Pattern, str, tuple]]:
    return [(re.compile(pattern), form, words) for pattern, form, words in forms]


# (pattern, what it states, words it cannot match without: one must be in the sentence).
LENGTH_FORMS = _forms(
    (rf"\bbetween {_NUM} and {_NUM}{_CHARS}", "range", ("between",)),
    (rf"\b{_NUM}{_DASH}{_NUM}{_CHARS}", "range", ("-", "–", "—", "to", "thr")),
    (rf"\b{_LENGTH}(?:between )?{_NUM}(?:{_DASH}|\s+and\s+){_NUM}\b", "range", ("length",)),
    (rf"\b{_AT_LEAST} {_NUM}{_CHARS}", "min", ("least", "min", "fewer", "less")),
    (rf"\b(?:minimum|min\.?) {_LENGTH}{_NUM}\b", "min", ("min",)),
    (rf"\b{_NUM}{_CHARS} (?:or (?:more|longer)|minimum|min\b)", "min", ("more", "longer", "min")),
    (rf"\b{_NUM} or more{_CHARS}", "min", ("or more",)),
    (rf"\b{_NUM}\+{_CHARS}", "min", ("+",)),
    (rf"\b{_AT_MOST} {_NUM}{_CHARS}", "max", ("most", "more", "max", "up to")),
    (rf"\b(?:maximum|max\.?) {_LENGTH}{_NUM}\b", "max", ("max",)),
    (
        rf"\b{_NUM}{_CHARS} (?:or (?:fewer|less|shorter)|maximum|max\b)",
        "max",
        ("fewer", "less", "shorter", "max"),
    ),
)
_FORM_WORDS = {word for _, _, words in LENGTH_FORMS for word in words}
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
# Searched only after a "password ... must not contain" (see _forbids), so bare nouns are safe:
# PACER's own list reads "any part of your first name, last name, username, or email address".
PERSONAL = {
    "password.name": re.compile(
        r"\b(?:first (?:name )?or last name|first name|last name|your name|full name)\b"
    ),
    "password.username": re.compile(r"\buser ?names?\b"),
    "password.email": re.compile(r"\be-?mail(?: address(?:es)?)?\b"),
}
# "password ... must not ... contain ... <personal data>", in that order, within one clause (no
# ".!?;" between): found word by word (see _forbids), not by one pattern with two lazy gaps,
# which is tried again from every "password" of a long clause.
_PASSWORD = re.compile(r"\bpasswords?\b")
_FORBIDDING = re.compile(r"\b(?:not|never|cannot|can't|mustn't)\b")
_CONTAINING = re.compile(r"\b(?:contain|include|have|use)s?\b")
_CLAUSE_END = re.compile(r"[.!?;]")
PART = re.compile(r"\b(?:any part|part of|parts of)\b")
NO_PART = re.compile(r"\bno part of\b")
EVERY_DAYS = re.compile(rf"\bevery {_NUM}[- ]days?\b")
DAY_CHANGE = re.compile(rf"\b{_NUM}-day (?:password )?(?:change|expiration|reset|cycle)")
MONTHS = re.compile(rf"\bevery {_NUM}[- ]months?\b")
BULLETS = "•▪◦●"
# A full stop after an abbreviation ("Min. 8 char.", "e.g.") does not end a sentence.
_ABBREVIATED = ("min.", "max.", "char.", "approx.", "e.g.", "i.e.", "no.")
_ABBREVIATIONS = "".join(rf"(?<!\b(?i:{re.escape(word)}))" for word in _ABBREVIATED)
# The end of a sentence: match.start() is where it stops, match.end() where the next one starts.
# Each alternative starts with a test that fails at once on most characters (a lookbehind for the
# punctuation; a bullet only at the start of the whitespace before it), so the search stays linear
# in runs of spaces.
SENTENCE_END = re.compile(
    rf"(?<=[.!?;]){_ABBREVIATIONS}\s+(?=[A-Z0-9\"'(])|(?<!\s)\s*[{BULLETS}]\s*"
)

# Where a sentence can end in ":" (a lead-in): the end of a passage, or before a bullet.
_LEAD_END = re.compile(rf":[*_\s]*(?:$|[{BULLETS}])")
_SHORT = 300
# Texts larger than this are not pre-scanned whole (the scan copies the text three times): their
# sentences are tested one by one as they are read.
PRESCAN_LIMIT = 1 << 20
# A lead-in is kept by its last characters: an item is read with it, and a long table or list
# under a long lead-in must not read the whole lead-in again for every item.
LEAD_CHARS = 240

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


def may_state_rules(text: str, markup: bool = True) -> bool:
    """A cheap pre-scan: False only when no sentence of the text could be a rule statement.

    Every check in :func:`check_sentence` needs one of these patterns to match, and matching them
    over the whole tag-stripped text finds a superset of what per-sentence matching finds (a
    lead-in only adds a subject, never a number); so skipping the parse when none matches changes
    no result. Each pattern runs only when a word it cannot match without is present: substring
    tests are far cheaper than regular expressions (each word is looked for once), and most pages
    of a court site state no rule.
    """
    if markup:
        text = unescape(_TAG.sub(" ", text))
    low = collapse(text.lower())
    if "(" in low:
        low = normalise(low)
    present = {word for word in _GATE_WORDS if word in low}
    for found, gate in _PRESCAN:
        for words in gate:
            if present.isdisjoint(words):
                break
        else:
            if found(low) is not None:
                return True
    return False


# A tag, as the pre-scan strips it. A quoted value may not hold "<" or ">", so a scan from one "<"
# ends at the next "<" or ">" and the strip stays linear on unclosed tags ("<span<span<span...").
_TAG = re.compile(r"""<[a-zA-Z/!?](?:[^<>"']|"[^"<>]*"|'[^'<>]*')*+>""")

# Each search with the words it cannot find anything without: every group must have one word
# present. A search returns None when it finds nothing.
_PRESCAN: list[tuple[Callable[[str], object], tuple[tuple[str, ...], ...]]] = [
    *((pattern.search, (("char", "length"), words)) for pattern, _, words in LENGTH_FORMS),
    (REPEAT.search, (("in a row",),)),
    (REPEAT_MORE_THAN.search, (("identical", "repeated", "of the same"),)),
    (EVERY_DAYS.search, (("every",), ("day",))),
    (DAY_CHANGE.search, (("-day",),)),
    (MONTHS.search, (("every",), ("month",))),
    (DIGIT_REQUIRED.search, (("number", "digit", "numeral"),)),
    (DIGIT_OR_SPECIAL.search, (("number", "digit", "numeral"),)),
    (lambda low: _forbids(low), (("password",),)),
    (NO_PART.search, (("no part",),)),
    *(
        (pattern.search, (("lower", "upper", "capital", "special", "symbol"),))
        for pattern in CLASS_WORDS.values()
    ),
]
_GATE_WORDS = {word for _, gate in _PRESCAN for words in gate for word in words}
# Any word a sentence needs to state a rule or to be a lead-in (a subject), in raw text: a
# sentence with none of them, and no lead-in, is not read further.
_ANY_GATE_WORD = re.compile(
    "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted({*_GATE_WORDS, "user"})),
    re.IGNORECASE,
)
_ITEM_WORD = re.compile(rf"{_ANY_GATE_WORD.pattern}|name|mail", re.IGNORECASE)
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


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, stop) in ``text`` of each sentence that is not only whitespace."""
    start = 0
    for end in SENTENCE_END.finditer(text):
        if start < end.start():
            yield start, end.start()
        start = end.end()
    if start < len(text):
        yield start, len(text)


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """(offset in ``text``, sentence with whitespace collapsed) for each sentence."""
    for start, stop in sentence_spans(text):
        sentence = collapse(text[start:stop])
        if sentence:
            yield start + (len(text[start:stop]) - len(text[start:stop].lstrip())), sentence


def check_passages(
    passages: Iterable[Passage], file: str, default: RuleSet, unit: str = "line"
) -> Iterator[Mismatch]:
    """Each mismatch in one file's passages, in order; lead-ins carry into the items after them."""
    lead = ""
    for passage in passages:
        if not passage.item:
            lead = ""
        text = passage.text
        # A long passage that can neither start a lead-in nor state a rule (the page pre-scan, on
        # it and its lead-in) is skipped: most passages of a page that states a rule are. A short
        # one is left to the test on each sentence below, which costs less than the pre-scan.
        prescan = _SHORT < len(text) <= PRESCAN_LIMIT
        can_lead = passage.lead or _LEAD_END.search(text)
        if prescan and not can_lead and not may_state_rules(f"{lead} {text}", markup=False):
            continue
        rules = get_ruleset(passage.ruleset) if passage.ruleset else default
        location, counted = passage.location, 0
        for start, stop in sentence_spans(text):
            # Most sentences of a long passage hold no word a rule (or a subject) needs: they are
            # passed over without being copied. Under a lead-in, an item also needs its nouns.
            needs = _ITEM_WORD if lead else _ANY_GATE_WORD
            if not needs.search(text, start, stop):
                if passage.lead:
                    lead = ""
                continue
            sentence = collapse(text[start:stop])
            low = normalise(sentence.lower())
            if unit == "line":
                location += text.count("\n", counted, start)
                counted = start
            for rule_id, says, expected in check_sentence(low, rules, lead):
                yield Mismatch(file, excerpt(sentence), says, expected, rule_id, location, unit)
            named = SUBJECTS.search(low)
            if passage.lead:
                lead = low[-LEAD_CHARS:] if named else ""
            elif named and low.rstrip("*_ ").endswith(":"):
                lead = low[-LEAD_CHARS:]


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


def _lengths(low: str, rules: RuleSet, lead: str) -> Iterator[tuple[str, str, str]]:
    if "char" not in low and "length" not in low:
        return  # every length form names characters or the length
    # A number read by one form is not read again by a later one: the characters each match
    # covers are marked (a list of spans compared pairwise grows with the square of the matches).
    covered: bytearray | None = None
    found: list[tuple[re.Match, str]] = []
    present = {word for word in _FORM_WORDS if word in low}
    for pattern, form, words in LENGTH_FORMS:
        if present.isdisjoint(words):
            continue
        for match in pattern.finditer(low):
            start, end = match.span()
            if covered is None:
                covered = bytearray(len(low))
            elif any(covered[start:end]):
                continue
            covered[start:end] = b"\x01" * (end - start)
            found.append((match, form))
    if not found:
        return
    subjects = _subjects(low, lead, sorted(match.start() for match, _ in found))
    for match, form in found:
        subject = subjects[match.start()]
        if subject is not None:
            yield from _length_disagreement(subject, form, match, rules)


def _subjects(low: str, lead: str, positions: list[int]) -> dict[int, str | None]:
    """The field a number at each position (in order) is about: the nearest subject before it,
    else the first one after, else the last one in the lead-in.

    One pass over the subjects, holding none of them: a sentence may name the password a
    million times.
    """
    first = last = None
    before: dict[int, str | None] = {}
    index = 0
    for subject in SUBJECTS.finditer(low):
        while index < len(positions) and positions[index] <= subject.start():
            before[positions[index]] = last
            index += 1
        first = first or subject.group(1)
        last = subject.group(1)
    for position in positions[index:]:
        before[position] = last
    in_lead = None
    if first is None:
        for subject in SUBJECTS.finditer(lead):
            in_lead = subject.group(1)
    return {position: _field(name or first or in_lead) for position, name in before.items()}


def _field(name: str | None) -> str | None:
    if name is None:
        return None
    return "username" if name.startswith("user") else "password"


def _length_disagreement(
    subject: str, form: str, match: re.Match, rules: RuleSet
) -> Iterator[tuple[str, str, str]]:
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


_CLASS_GATE = re.compile("number|digit|numeral|lower|upper|capital|special|symbol")


def _states_requirement(low: str, match: re.Match, lead: str) -> bool:
    """A password sentence (or item under a password lead-in) that requires the thing matched."""
    about_password = "password" in low or "password" in lead
    before = f"{lead} {low[: match.start()]}"
    negated = NEGATION.search(low, 0, match.start()) or NEGATION.search(lead)
    return about_password and bool(REQUIRES.search(before)) and not negated


def _classes(low: str, rules: RuleSet, lead: str) -> Iterator[tuple[str, str, str]]:
    if not _CLASS_GATE.search(low):
        return
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
    if "in a row" not in low and "more than" not in low:
        return
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


def _forbids(context: str) -> int | None:
    """Where "password ... not ... contain" ends in ``context``, in that order within a clause.

    The first "password" of a clause gives the widest search, so a clause is read once: the
    first negation after it, then the first verb after that.
    """
    position = 0
    while True:
        password = _PASSWORD.search(context, position)
        if password is None:
            return None
        end = _CLAUSE_END.search(context, password.end())
        clause_end = end.start() if end else len(context)
        negation = _FORBIDDING.search(context, password.end(), clause_end)
        if negation:
            verb = _CONTAINING.search(context, negation.end(), clause_end)
            if verb:
                return verb.end()
        if end is None:
            return None
        position = clause_end + 1


def _personal(low: str, rules: RuleSet, lead: str) -> Iterator[tuple[str, str, str]]:
    if "name" not in low and "mail" not in low:
        return  # what is barred is named in the sentence itself
    # An item ("- your username") is read after its lead-in ("The password cannot have:").
    context = f"{lead} {low}" if lead else low
    forbids = _forbids(context) if "password" in context else None
    if forbids is None and "password" in context:
        no_part = NO_PART.search(context)  # "must contain: - No part of your username"
        forbids = no_part.end() if no_part else None
    if forbids is None:
        return
    start = max(forbids, len(context) - len(low))
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
    if "every" not in low and "-day" not in low:
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
