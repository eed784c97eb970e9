"""Find dates of dated facts typed by hand in built HTML, the way checker.verify finds rule numbers.

A date that a fact states (its date, or a date among its params; checker/data/facts.toml) must
reach a page through a shortcode, which marks it with ``data-fact``; typed by hand it would not
change tense or fail when the fact goes stale. So in prose (not in ``pre``, ``code``, scripts or
styles) each of these forms of such a date is a finding unless it sits inside an element carrying
``data-fact`` (a rendered fact) or ``data-source`` (a source's date rendered with its link):
"December 31, 2025", "Dec. 31, 2025", "31 December 2025", "12/31/2025", "2025-12-31".

``python -m checker.site dates SITE_DIR`` prints one line per finding; exit 0 clean, 1 findings,
2 bad usage.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

from ..facts import Fact, book
from ..verify import SENTENCE_END, excerpt
from ..verify_inputs import BLOCKS

SKIPPED = {"script", "style", "pre", "code", "template", "textarea", "svg", "kbd", "samp"}
MARKERS = ("data-fact", "data-source")
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# Abbreviations in use in US writing (AP and court style); May, June and July have none.
_ABBREVIATIONS = {1: "Jan", 2: "Feb", 3: "Mar", 4: "Apr", 8: "Aug", 9: "Sept?", 10: "Oct"}
_ABBREVIATIONS |= {11: "Nov", 12: "Dec"}


@dataclass(frozen=True)
class TypedDate:
    page: str
    excerpt: str
    says: str
    fact_ids: tuple[str, ...]

    def __str__(self) -> str:
        ids = ", ".join(self.fact_ids)
        return (
            f"{self.page}: {self.excerpt}: says {self.says} by hand, a date of fact {ids}; "
            f"render it with <!-- pacer:date {self.fact_ids[0]} --> or <!-- pacer:fact ... -->"
        )


def date_pattern(day: dt.date) -> re.Pattern:
    """Every written form of ``day`` that the check recognizes."""
    month = _MONTHS[day.month - 1]
    short = _ABBREVIATIONS.get(day.month)
    names = f"(?:{month}|{short}\\.?)" if short else month
    forms = [
        rf"{names}\s+0?{day.day},?\s+{day.year}",
        rf"0?{day.day}\s+{month}\s+{day.year}",
        rf"0?{day.month}/0?{day.day}/{day.year}",
        re.escape(day.isoformat()),
    ]
    return re.compile(r"(?<![\w/-])(?:" + "|".join(forms) + r")(?![\w/-])", re.IGNORECASE)


def fact_dates(facts: Iterable[Fact] | None = None) -> dict[dt.date, tuple[str, ...]]:
    """Each date the facts state -> the ids of the facts that state it."""
    found: dict[dt.date, list[str]] = {}
    for fact in book() if facts is None else facts:
        for day in fact.dates():
            found.setdefault(day, []).append(fact.id)
    return {day: tuple(ids) for day, ids in found.items()}


def check_dates(site_dir: Path | str, facts: Iterable[Fact] | None = None) -> list[TypedDate]:
    """Every hand-typed date of a dated fact in ``site_dir``'s HTML pages."""
    patterns = {date_pattern(day): ids for day, ids in fact_dates(facts).items()}
    root = Path(site_dir)
    found: list[TypedDate] = []
    for path in sorted(root.rglob("*.html")):
        page = path.relative_to(root).as_posix()
        html = path.read_text(encoding="utf-8", errors="replace")
        found.extend(check_html(html, page, patterns))
    return found


# A rendered fact or source date without nested tags (what the shortcodes write); dropping these
# before the pre-scan only removes marked text, so it cannot hide a finding.
_MARKED = re.compile(r"<(span|time)\b[^>]*\bdata-(?:fact|source)\b[^>]*>[^<]*</\1>")


def check_html(
    html: str, page: str, patterns: Mapping[re.Pattern, tuple[str, ...]]
) -> list[TypedDate]:
    # Cheap pre-scan: most pages state fact dates only through shortcodes, and parsing 200 pages
    # costs seconds where searching costs milliseconds.
    unmarked = _MARKED.sub("", html)
    if not any(pattern.search(unmarked) for pattern in patterns):
        return []
    soup = BeautifulSoup(html, "html.parser")
    return [
        TypedDate(page, excerpt(sentence_around(text, match)), match.group(0), ids)
        for text in prose(soup)
        for pattern, ids in patterns.items()
        for match in pattern.finditer(text)
    ]


def sentence_around(text: str, match: re.Match) -> str:
    """The sentence (or sentences: "Dec. 31" looks like a sentence end) holding the match."""
    ends = list(SENTENCE_END.finditer(text))
    start = max((m.end() for m in ends if m.end() <= match.start()), default=0)
    end = min((m.start() for m in ends if m.start() >= match.end()), default=len(text))
    return text[start:end]


def prose(soup: BeautifulSoup) -> Iterator[str]:
    """The text of each block element, without code, scripts or rendered facts."""
    groups: dict[int, list[str]] = {}
    for node in soup.find_all(string=True):
        if type(node) is not NavigableString:
            continue  # comments, doctypes, CDATA
        parents = [p for p in node.parents if isinstance(p, Tag)]
        if any(p.name in SKIPPED or any(p.has_attr(m) for m in MARKERS) for p in parents):
            continue
        block = next((p for p in parents if p.name in BLOCKS), soup)
        groups.setdefault(id(block), []).append(str(node))
    for parts in groups.values():
        text = " ".join("".join(parts).split())
        if text:
            yield text
