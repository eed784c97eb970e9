"""Dated facts: statements about time (deadlines, enforcement status, "as of" dates, contact hours),
each with its sources and the day someone last checked it against them.

Records live in ``checker/data/facts.toml`` (stdlib ``tomllib``)::

    [sources.mfa-announcement]
    title = 'PACER announcement "Multifactor Authentication Coming Soon"'
    url = "https://pacer.uscourts.gov/announcements/2025/05/02/..."
    published = 2025-05-02                      # optional

    [facts.mfa-deadline]
    kind = "deadline"                           # decides the review period (REVIEW_DAYS)
    date = 2025-12-31                           # optional: a dated fact has two tenses
    before = "... by {date}."                   # stated while the build date is before `date`
    after = "Since {date}, ..."                 # stated from `date` on
    sources = ["mfa-announcement"]
    checked_on = 2026-11-23
    params = { delayed = 2025-09-15 }           # optional values for the sentences

An undated fact has ``text`` instead of ``before``/``after``. In a sentence, ``{date}``,
``{checked_on}`` and every date in ``params`` read in US style ("December 31, 2025").

The *build date* decides the tense. It is ``SOURCE_DATE_EPOCH`` when set (the reproducible-builds
convention, and how tests freeze it), else today in UTC. A fact is *stale* once the build date is
past its review-by date (``checked_on`` plus the period for its kind): the site build then fails
naming it, so re-checking a fact means updating its record and nothing else.

This module is core (stdlib only): the rule sets, the JSON export and the site all read it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import string
import tomllib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

from checker.facts.calendar import build_date, iso_date, us_date
from checker.facts.errors import FactsError, UnknownFactError

FACTS_TOML = Path(__file__).resolve().parents[1] / "data" / "facts.toml"

# Days from checked_on to review-by, by kind of fact. The period is how long a fact of that kind
# can be trusted without looking at its sources again:
REVIEW_DAYS: Mapping[str, int] = MappingProxyType(
    {
        "deadline": 120,  # deadlines are moved, extended or enforced by the next notice
        "status": 120,  # "is it enforced yet?" changes with the next announcement
        "review": 120,  # the site's own "last reviewed" date: one review a season
        "rule": 180,  # a published standard (the password-change interval)
        "procedure": 180,  # what a screen or a court page tells you to click
        "contact": 180,  # phone, email and hours change rarely
        "event": 365,  # a past date does not change, but its sources move or get corrected
        "data-date": 365,  # the as-of date of a data set: refresh it once a year
    }
)
# Kinds that may have no source: the site's own review date is a statement about the site.
UNSOURCED_KINDS = frozenset({"review"})

SOURCE_KEYS = frozenset({"title", "url", "published", "note", "seed"})
_FACT_KEYS = {"kind", "date", "text", "before", "after", "sources", "checked_on", "params"}





@dataclass(frozen=True)
class Source:
    """Where a rule or a fact comes from: a public page (``url``) and, for the site's own
    provenance, the seed file it is kept in (``seed``)."""

    title: str
    url: str = ""
    published: dt.date | None = None
    note: str = ""
    seed: str = ""
    id: str = ""

    @property
    def date(self) -> str:
        """The published date as ISO text ('' when unknown), as the JSON export gives it."""
        return self.published.isoformat() if self.published else ""


@dataclass(frozen=True)
class Fact:
    """One time-sensitive statement with its sources and the day it was last checked.

    ``params`` holds values for the sentences (dates among them); court facts keep their
    structured values there too (a link's ``label``, a menu ``path``).
    """

    id: str
    kind: str
    sources: tuple[Source, ...]
    checked_on: dt.date
    text: str = ""
    date: dt.date | None = None
    before: str = ""
    after: str = ""
    params: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def source(self) -> Source:
        """The main source (the first listed)."""
        return self.sources[0]

    @property
    def review_by(self) -> dt.date:
        return self.checked_on + dt.timedelta(days=REVIEW_DAYS[self.kind])

    def is_stale(self, on: dt.date) -> bool:
        return on > self.review_by

    def upcoming(self, on: dt.date) -> bool:
        """True while ``on`` is before the fact's date (the fact is stated in the future)."""
        return self.date is not None and on < self.date

    def sentence(self, on: dt.date | None = None) -> str:
        """The fact as stated on ``on`` (the build date by default)."""
        on = build_date() if on is None else on
        if self.before or self.after:
            template = self.before if self.upcoming(on) else self.after
        else:
            template = self.text
        return template.format(**self.values())

    def values(self) -> dict[str, Any]:
        """What a sentence may name: the params, ``date`` and ``checked_on``; dates US style."""
        raw = {**self.params, "checked_on": self.checked_on}
        if self.date:
            raw["date"] = self.date
        return {key: us_date(v) if isinstance(v, dt.date) else v for key, v in raw.items()}

    def dates(self) -> tuple[dt.date, ...]:
        """The dates this fact states (its date and the dates among its params)."""
        found = [self.date] if self.date else []
        found += [v for v in self.params.values() if isinstance(v, dt.date)]
        return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class FactBook:
    """The facts and sources of one facts file."""

    facts: Mapping[str, Fact]
    sources: Mapping[str, Source]
    path: Path

    def __iter__(self) -> Iterator[Fact]:
        return iter(self.facts.values())

    def get(self, fact_id: str) -> Fact:
        return self._lookup(self.facts, fact_id, "fact")

    def source(self, source_id: str) -> Source:
        """A source by id, for pages that cite it without a fact (``pacer:source``)."""
        return self._lookup(self.sources, source_id, "source")

    def _lookup(self, table: Mapping[str, Any], key: str, what: str) -> Any:
        if key in table:
            return table[key]
        close = difflib.get_close_matches(key, table, n=3, cutoff=0.5)
        known = ", ".join(close or table)
        hint = f"; did you mean {known}?" if close else f"; known: {known}"
        raise UnknownFactError(f"unknown {what} {key!r} in {self.path}{hint}")

    def stale(self, on: dt.date | None = None) -> list[Fact]:
        on = build_date() if on is None else on
        return [fact for fact in self if fact.is_stale(on)]


# ---- loading and validation -----------------------------------------------------------------


def read_data_file(path: Path, error: Callable[[str], Exception] = FactsError) -> Any:
    """A TOML or JSON data file (JSON when a suffix says so: ``court_facts.json.new`` too),
    parsed: the one reader of the project's data files (facts.toml, the court data). ``error``
    makes the exception, its message naming the file, for JSON the line, and what is wrong."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as failure:
        raise error(f"{path}: cannot read the file ({failure.strerror})") from None
    if ".json" in path.suffixes:
        try:
            return json.loads(text)
        except json.JSONDecodeError as failure:
            raise error(f"{path}, line {failure.lineno}: invalid JSON ({failure.msg})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as failure:
        raise error(f"{path}: invalid TOML ({failure})") from None


def load(path: Path | str = FACTS_TOML) -> FactBook:
    """Read and validate a facts file; :class:`FactsError` names what is wrong and where."""
    path = Path(path)
    data = read_data_file(path)
    unknown = set(data) - {"sources", "facts"}
    if unknown:
        raise FactsError(f"{path}: expected only [sources.*] and [facts.*] tables, got {unknown}")
    sources = {
        key: parse_source(raw, str(path), _Where(path, "source", key).error, source_id=key)
        for key, raw in _table(data, "sources", path).items()
    }
    facts = {
        key: _fact(raw, _Where(path, "fact", key), sources)
        for key, raw in _table(data, "facts", path).items()
    }
    return FactBook(MappingProxyType(facts), MappingProxyType(sources), path)


def book(path: Path | str = FACTS_TOML) -> FactBook:
    """The facts in ``path`` (the packaged ones by default), read again whenever the file
    changes: ``mkdocs serve`` rebuilds after an edit to facts.toml, and no test has to reset a
    cache. Loading is cheap; parsing happens once per version of the file."""
    path = Path(path)
    try:
        stamp = path.stat()
    except OSError:
        return load(path)  # load() names the file and why it cannot be read
    return _load_version(path, stamp.st_mtime_ns, stamp.st_size)


@lru_cache(maxsize=4)
def _load_version(path: Path, mtime_ns: int, size: int) -> FactBook:
    return load(path)


def get_fact(fact_id: str) -> Fact:
    return book().get(fact_id)


def stale_facts(on: dt.date | None = None) -> list[Fact]:
    """The packaged facts past their review-by date on ``on`` (the build date by default)."""
    return book().stale(on)


@dataclass(frozen=True)
class _Where:
    path: Path
    what: str
    key: str

    def error(self, field_name: str | None, expected: str, got: object = None) -> FactsError:
        where = f"{self.path}: {self.what} {self.key!r}"
        if field_name:
            where += f", field {field_name!r}"
        shown = "" if got is None else f", got {got!r}"
        return FactsError(f"{where}: expected {expected}{shown}")


def _table(data: Mapping, name: str, path: Path) -> Mapping[str, Any]:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise FactsError(f"{path}: expected [{name}.ID] tables, got {table!r}")
    return table


def _check_keys(raw: object, allowed: set[str], where: _Where) -> Mapping[str, Any]:
    if not isinstance(raw, dict):
        raise where.error(None, "a table", raw)
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise where.error(unknown[0], f"one of the fields {sorted(allowed)}")
    return raw


def _string(raw: Mapping, key: str, where: _Where, required: bool = False) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise where.error(key, "a non-empty string" if required else "a string", value)
    return value


def _date(raw: Mapping, key: str, where: _Where, required: bool = False) -> dt.date | None:
    value = raw.get(key)
    if value is None and not required:
        return None
    # A TOML local date (2025-12-31, unquoted); a datetime or a quoted string is a mistake.
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise where.error(key, "a TOML date such as 2025-12-31 (no quotes)", value)
    return value


def parse_source(
    raw: object, where: str, error: Callable[[str, str, object], Exception] | None = None,
    *, source_id: str = "",
) -> Source:
    """The one reader of a source record, for facts.toml and for the court data alike.

    A source has a ``title`` and a public ``url`` (http or https), or, for the site's own
    provenance, the ``seed`` file it is kept in: a source nobody can look up is refused rather
    than printed vaguely. ``published`` is a date (TOML) or ISO text (JSON). ``error(field,
    expected, got)`` makes the exception (each data file names its own place); by default a
    :class:`FactsError` naming ``where`` and the field.
    """
    if error is None:
        def error(field_name: str, expected: str, got: object = None) -> Exception:
            return FactsError(f"{where}, field {field_name!r}: expected {expected}, got {got!r}")

    if not isinstance(raw, Mapping):
        raise error("source", "a table with a 'title' and a 'url'", raw)
    unknown = set(raw) - SOURCE_KEYS
    if unknown:
        raise error("source", f"only the keys {sorted(SOURCE_KEYS)}", sorted(unknown))
    title, url = raw.get("title"), raw.get("url", "")
    if not isinstance(title, str) or not title.strip():
        raise error("title", "a non-empty string", title)
    if not isinstance(url, str):
        raise error("url", "an http(s) address", url)
    if url:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in url:
            raise error("url", "an http(s) address", url)
    elif not raw.get("seed"):
        # A fact nobody can look up is left out rather than printed with a vague source.
        raise error("source", "a 'url' (or the 'seed' file it is kept in)", dict(raw))
    texts = {key: raw.get(key, "") for key in ("note", "seed")}
    for key, value in texts.items():
        if not isinstance(value, str):
            raise error(key, "a string", value)
    published = None
    if raw.get("published") is not None:
        published = iso_date(raw["published"])
        if published is None:
            raise error("published", "a date such as 2025-12-31", raw["published"])
    return Source(title=title, url=url, published=published, id=source_id, **texts)


def _fact(raw: object, where: _Where, sources: Mapping[str, Source]) -> Fact:
    raw = _check_keys(raw, _FACT_KEYS, where)
    kind = raw.get("kind")
    if kind not in REVIEW_DAYS:
        raise where.error("kind", f"one of {', '.join(REVIEW_DAYS)}", kind)
    ids = raw.get("sources", [])
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise where.error("sources", "a list of source ids", ids)
    if not ids and kind not in UNSOURCED_KINDS:
        raise where.error("sources", "at least one source id")
    for source_id in ids:
        if source_id not in sources:
            raise where.error("sources", f"ids of [sources.*] tables ({', '.join(sources)})", ids)
    params = raw.get("params", {})
    if not isinstance(params, dict):
        raise where.error("params", "a table of values", params)
    fact = Fact(
        id=where.key,
        kind=kind,
        sources=tuple(sources[i] for i in ids),
        checked_on=_date(raw, "checked_on", where, required=True),
        text=_string(raw, "text", where),
        date=_date(raw, "date", where),
        before=_string(raw, "before", where),
        after=_string(raw, "after", where),
        params=MappingProxyType(dict(params)),
    )
    _check_sentences(fact, where)
    return fact


def _check_sentences(fact: Fact, where: _Where) -> None:
    """A dated fact states both tenses; an undated one has text; every {name} can be filled."""
    if fact.date:
        needed = ("before", "after")
        if fact.text:
            raise where.error("text", "no text on a dated fact (it has before and after)")
    else:
        needed = ("text",)
        for name in ("before", "after"):
            if getattr(fact, name):
                raise where.error("date", f"a date, since the fact has {name!r}")
    names = set(fact.values())
    for name in needed:
        template = getattr(fact, name)
        if not template.strip():
            raise where.error(name, "the sentence that states the fact")
        for _, field_name, _, _ in string.Formatter().parse(template):
            if field_name is not None and field_name not in names:
                raise where.error(
                    name, f"placeholders among {{{'}, {'.join(sorted(names))}}}", field_name
                )
