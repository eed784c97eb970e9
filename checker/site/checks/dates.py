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
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from checker.facts import Fact, book
from checker.facts.calendar import WRITTEN_DATE, written_date
from checker.verify import BLOCKS, SENTENCE_END, excerpt

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

SKIPPED = {"script", "style", "pre", "code", "template", "textarea", "svg", "kbd", "samp"}
MARKERS = ("data-fact", "data-source")
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


def fact_dates(facts: Iterable[Fact] | None = None) -> dict[dt.date, tuple[str, ...]]:
    """Each date the facts state -> the ids of the facts that state it."""
    found: dict[dt.date, list[str]] = {}
    for fact in book() if facts is None else facts:
        for day in fact.dates():
            found.setdefault(day, []).append(fact.id)
    return {day: tuple(ids) for day, ids in found.items()}


def check_dates(site_dir: Path | str, facts: Iterable[Fact] | None = None) -> list[TypedDate]:
    """Every hand-typed date of a dated fact in ``site_dir``'s HTML pages."""
    dates = fact_dates(facts)
    root = Path(site_dir)
    found: list[TypedDate] = []
    for path in sorted(root.rglob("*.html")):
        page = path.relative_to(root).as_posix()
        html = path.read_text(encoding="utf-8", errors="replace")
        found.extend(check_html(html, page, dates))
    return found


def fact_dates_in(
    text: str, dates: Mapping[dt.date, tuple[str, ...]]
) -> Iterator[tuple[re.Match, tuple[str, ...]]]:
    """Each written date in ``text`` (spaces collapsed) that a fact states, with the fact ids.

    Every form holds the year as four digits, so the full pattern runs only near a year some fact
    states: on a whole page that is a few short windows instead of every position.
    """
    years = re.compile("|".join(sorted({str(day.year) for day in dates})) or "(?!)")
    seen = -1
    for year in years.finditer(text):
        window = (max(year.start() - _BEFORE_YEAR, seen), year.end() + _AFTER_YEAR)
        for match in WRITTEN_DATE.finditer(text, *window):
            seen = match.end()
            ids = dates.get(written_date(match))
            if ids:
                yield match, ids


# How far a written date reaches before and after its year: "September 30, 2025" is the longest
# before it, "2025-12-31" after it; one more character after lets the closing look-ahead see text.
_BEFORE_YEAR, _AFTER_YEAR = len("September 30, "), len("-12-31") + 1


# What the check skips anyway, removed before the pre-scan so that it cannot hide a finding: a
# rendered fact or source date without nested tags (what the shortcodes write), and the elements
# that cannot nest (pre, script, style), such as the checker reference's code examples.
_UNCHECKED = re.compile(
    r"<(span|time)\b[^>]*\bdata-(?:fact|source)\b[^>]*>[^<]*</\1>|<(pre|script|style)\b.*?</\2>",
    re.DOTALL,
)


def check_html(html: str, page: str, dates: Mapping[dt.date, tuple[str, ...]]) -> list[TypedDate]:
    # Cheap pre-scan: most pages state fact dates only through shortcodes, and parsing 200 pages
    # costs seconds where searching costs milliseconds.
    if not any(fact_dates_in(" ".join(_UNCHECKED.sub("", html).split()), dates)):
        return []
    from bs4 import BeautifulSoup  # only for the few pages that need it: importing costs 0.1 s

    soup = BeautifulSoup(html, "html.parser")
    return [
        TypedDate(page, excerpt(sentence_around(text, match)), match.group(0), ids)
        for text in prose(soup)
        for match, ids in fact_dates_in(text, dates)
    ]


def sentence_around(text: str, match: re.Match) -> str:
    """The sentence (or sentences: "Dec. 31" looks like a sentence end) holding the match."""
    ends = list(SENTENCE_END.finditer(text))
    start = max((m.end() for m in ends if m.end() <= match.start()), default=0)
    end = min((m.start() for m in ends if m.start() >= match.end()), default=len(text))
    return text[start:end]


def prose(soup: BeautifulSoup) -> Iterator[str]:
    """The text of each block element, without code, scripts or rendered facts."""
    from bs4 import NavigableString, Tag

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
