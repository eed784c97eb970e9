"""The calendar facts are stated in: the one month table, US-style dates, written dates in prose,
and the build date that decides a fact's tense.

Every part of the project that writes or reads a month name uses this table: the fact sentences,
the court pages' dates and the check for dates typed by hand into pages.
"""

from __future__ import annotations

import datetime as dt
import re

from checker.facts.errors import FactsError

# Spelled out rather than from ``calendar``, whose names follow the locale.
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# Abbreviations in use in US writing (AP and court style); May, June and July have none.
ABBREVIATIONS = {1: "Jan", 2: "Feb", 3: "Mar", 4: "Apr", 8: "Aug", 9: "Sept?", 10: "Oct",
                 11: "Nov", 12: "Dec"}  # fmt: skip


class DateError(FactsError):
    """A date setting that is not a date; the message names the setting and what was expected."""


def us_date(day: dt.date) -> str:
    """US federal court style: 'December 31, 2025'."""
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def build_date(epoch: str | None = None) -> dt.date:
    """The build date: ``epoch`` (``SOURCE_DATE_EPOCH``, seconds since 1970-01-01 UTC, the
    reproducible-builds convention and how tests freeze it) as a date when set, else today (UTC).

    The environment is read here only when no value is passed: the site's settings pass theirs.
    """
    import os  # the one place the core reads SOURCE_DATE_EPOCH

    raw = (os.environ.get("SOURCE_DATE_EPOCH", "") if epoch is None else epoch).strip()
    if not raw:
        return dt.datetime.now(dt.UTC).date()
    try:
        return dt.datetime.fromtimestamp(int(raw), dt.UTC).date()
    except (ValueError, OverflowError, OSError):
        raise DateError(
            f"SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01 UTC, got {raw!r}"
        ) from None


_MONTH_NAMES = "|".join([*MONTHS, *(f"{short}\\.?" for short in ABBREVIATIONS.values())])
# Every written form a page may type a date in, for any day: one pass over a page finds them all.
WRITTEN_DATE = re.compile(
    rf"(?<![\w/-])(?:(?P<name1>{_MONTH_NAMES})\s+(?P<day1>\d{{1,2}}),?\s+(?P<year1>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<name2>{'|'.join(MONTHS)})\s+(?P<year2>\d{{4}})"
    r"|(?P<month3>\d{1,2})/(?P<day3>\d{1,2})/(?P<year3>\d{4})"
    r"|(?P<year4>\d{4})-(?P<month4>\d\d)-(?P<day4>\d\d))(?![\w/-])",
    re.IGNORECASE,
)


def written_date(match: re.Match) -> dt.date | None:
    """The day a :data:`WRITTEN_DATE` match names, or None when it names no real day."""
    for form in "1234":
        year = match.group(f"year{form}")
        if year is None:
            continue
        name = match.group(f"name{form}") if form in "12" else None
        month = month_number(name) if name else int(match.group(f"month{form}"))
        try:
            return dt.date(int(year), month, int(match.group(f"day{form}")))
        except ValueError:
            return None
    return None


def month_number(name: str) -> int:
    """1-12 for a month's name or abbreviation ('Sept.', 'december')."""
    prefix = name.rstrip(".").lower()[:3]
    return next(number for number, month in enumerate(MONTHS, 1) if month.lower()[:3] == prefix)


def iso_date(value: object) -> dt.date | None:
    """A date given as a date (TOML) or as ISO text (JSON); None when it is neither."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None
