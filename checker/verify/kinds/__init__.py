"""The kinds of rule statement, one module each, and what is derived from the list of them.

Each module (:mod:`.length`, :mod:`.classes`, :mod:`.repeat`, :mod:`.personal`, :mod:`.change`)
holds one :class:`~checker.verify.statements.Kind`: its phrasings, the words that wake it, the
rule it compares with, the text it reports and what makes a sentence look like a statement of
it. Adding a phrasing is one edit in one module (and one corpus case); everything else is
derived here from :data:`KINDS`:

- :data:`KIND_OF_RULE`, the kind of each rule id;
- :func:`check_sentence`, which reads a sentence for each kind its wake words wake;
- :data:`RULE_WORDS`, the word filter: a sentence without a figure is read only with one of them;
- :func:`may_state_rules`, the page pre-scan, from each kind's searches and looks;
- :func:`unread`, what a sentence looks like when no reader read it: a review.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from html import unescape

from checker.rulesets import RuleSet
from checker.verify.kinds import change, classes, length, personal, repeat
from checker.verify.numbers import normalise
from checker.verify.statements import (
    ADVICE,
    SUBJECTISH,
    WINDOW,
    Context,
    Finding,
    Kind,
    Reading,
    Search,
    collapse,
    is_past,
)

KINDS: tuple[Kind, ...] = (length.KIND, classes.KIND, repeat.KIND, personal.KIND, change.KIND)
KIND_OF_RULE = {rule_id: kind.name for kind in KINDS for rule_id in kind.rule_ids}
# The word filter: any word a sentence without a figure needs to state a rule of some kind.
RULE_WORDS = re.compile("|".join(kind.needs for kind in KINDS))


def check_sentence(
    low: str, rules: RuleSet, context: Context | None = None, read: set[str] | None = None
) -> Iterator[Finding]:
    """(rule id, what the sentence says, what the rule set says) for each disagreement.

    ``low`` is the sentence lower-cased and normalised (see :func:`.numbers.normalise`). When
    ``read`` is given, the names of the kinds that read a statement in the sentence (agreeing or
    not) are added to it as they are read.
    """
    context = context or Context()
    if context.advice:
        return
    reading = Reading(low, rules, context, read)
    for kind in KINDS:
        # Each kind only where a word it needs is present (its reader tests again; this saves
        # starting it on the many sentences that need none).
        if kind.wakes(reading):
            yield from kind.read(reading)


# --- reviews ------------------------------------------------------------------------------------

# Every look with its kind, and the words any of them needs in one pattern.
_LOOKS = tuple((kind, look) for kind in KINDS for look in kind.looks)
_LOOKS_OF = {
    word: tuple(index for index, (_, look) in enumerate(_LOOKS) if word in look.words)
    for _, look in _LOOKS for word in look.words
}  # fmt: skip
# No look word holds another at its start, so one pass finds each word present (a word inside
# another, as "numer" in "alphanumeric", is found where it stands alone).
_LOOK_WORDS = re.compile(
    "|".join(sorted({re.escape(word) for _, look in _LOOKS for word in look.words}, key=len,
                    reverse=True))  # fmt: skip
)


def may_look(low: str) -> bool:
    """A cheap test before :func:`unread`: whether the sentence holds a word some look needs."""
    return _LOOK_WORDS.search(low) is not None


_SUBJECT = re.compile(r"\b(?:pass ?words?|user ?names?|user ?ids?|log ?in|pacer)\b")
_PASSWORD_OR_USERNAME = re.compile(r"\b(?:pass ?words?|user ?names?|user ?ids?|log ?in)\b")


def unread(low: str, context: Context, read: set[str]) -> tuple[str, str] | None:
    """(kind, why) when the sentence looks like a statement of a kind that no reader read in it,
    with the password, the username or PACER as its subject, its lead-in's or its heading's;
    else None. ``low`` as for :func:`check_sentence`; ``read`` as it filled it."""
    if context.advice or low[-8:].rstrip().endswith("?"):
        return None  # tips, and questions (a lead-in's or a reader's), state no rule
    if not context.subject and not any(
        hint in low or hint in context.lead for hint in ("pass", "user", "log", "pacer")
    ):
        return None  # no subject: the cheap test first
    # The looks whose words the sentence holds, found in one pass (a look needs one of its own).
    present = {found.group(0) for found in _LOOK_WORDS.finditer(low)}
    if not present:
        return None
    named: bool | None = None  # whether the sentence or its lead-in names a subject (found once)
    for index in sorted({index for word in present for index in _LOOKS_OF[word]}):
        kind, look = _LOOKS[index]
        if read and not read.isdisjoint(look.kinds):
            continue
        if look.time:
            subject = bool(
                context.subject or _PASSWORD_OR_USERNAME.search(low)
                or _PASSWORD_OR_USERNAME.search(context.lead)
            )  # fmt: skip
        else:
            if named is None:
                named = bool(_SUBJECT.search(low) or _SUBJECT.search(context.lead))
            subject = named or bool(context.subject)
        if not subject:
            continue
        if look.cue and not (look.cue.search(low) or look.cue.search(context.lead)):
            continue
        for match in look.pattern.finditer(low):
            near = low[max(0, match.start() - look.reach) : match.end() + look.reach]
            if look.unless is not None and look.unless.search(near):
                continue
            before = low[max(0, match.start() - WINDOW) : match.start()]
            if is_past(before) or ADVICE.search(before):
                continue  # what was, or what is advised, is no rule
            return kind.name, f"{look.why}: \"{match.group(0).strip()}\""
    return None


# --- the pre-scan -------------------------------------------------------------------------------


def may_state_rules(text: str, markup: bool = True) -> bool:
    """A cheap pre-scan: False only when no sentence of the text could be a rule statement, or
    look like one.

    Every kind's reader needs one of its searches to find something, and searching the whole
    tag-stripped text finds a superset of what searching each sentence with its lead-in finds (a
    lead-in or label is next to what it leads, and the searches that read one across the two are
    here too); so skipping the parse when none finds anything changes no result. The same holds
    for what makes a sentence look like a statement (a review). Each search runs only when a word
    it cannot find anything without is present: substring tests are far cheaper than regular
    expressions (each word is looked for once), and most pages of a court site state no rule.
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


def _look_searches(kind: Kind) -> Iterator[Search]:
    """A kind's looks as pre-scan searches: a subject word (PACER too, unless the look reads a
    time) and one of the look's own words."""
    for look in kind.looks:
        subjects = SUBJECTISH if look.time else (*SUBJECTISH, "pacer")
        yield look.pattern.search, (subjects, look.words)


# Each search with the words it cannot find anything without: every group must have one word
# present. A search returns None when it finds nothing. The statements first, then the looks.
PRESCAN: tuple[Search, ...] = (
    *(search for kind in KINDS for search in kind.prescan),
    *(search for kind in KINDS for search in _look_searches(kind)),
)
# The searches grouped by the first words they need, so a family is passed over in one test.
_FAMILIES: list[tuple[tuple[str, ...], list[tuple[Callable[[str], object], tuple]]]] = []
for _found, _gate in PRESCAN:
    if not _FAMILIES or _FAMILIES[-1][0] != _gate[0]:
        _FAMILIES.append((_gate[0], []))
    _FAMILIES[-1][1].append((_found, _gate[1:]))
