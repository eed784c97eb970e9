"""Numbers as rule statements write them: figures, number words ("forty-five"), legal style
("eight (8)", "8 (eight)"), and the words for how many times ("twice")."""

from __future__ import annotations

import re

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
    words.update({"once": 1, "twice": 2, "thrice": 3})
    return words


NUMBER_WORDS = _number_words()
# Longest first, so "forty-five" is read whole rather than as "forty".
# Shaped like a trie (tens, then an optional unit), not as 200 alternatives: the pattern is tried
# at every word of every page, and Python's re tries alternatives one by one.
_TENS_RE, _TEENS_RE, _ONES_RE = ("|".join(words) for words in (_TENS, _TEENS, _ONES))
NUM = rf"(\d+|(?:{_TENS_RE})(?:[- ](?:{_ONES_RE}))?|{_TEENS_RE}|{_ONES_RE})"
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


def number(token: str) -> int:
    """The value of a figure or number word matched by :data:`NUM` (or "once", "twice")."""
    return int(token) if token.isdigit() else NUMBER_WORDS[token]


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
