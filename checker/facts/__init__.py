"""Dated facts, in one place: the records in ``checker/data/facts.toml`` and their one source
parser (:mod:`.records`), the calendar they are stated in (:mod:`.calendar`: the one month table,
US-style dates, written dates, the build date) and their errors (:mod:`.errors`).

The court data's facts and contacts are read with the same :func:`parse_source`, and the check for
dates typed by hand into pages reads the same month names.
"""

from checker.facts.calendar import MONTHS, DateError, build_date, iso_date, us_date
from checker.facts.errors import FactsError, NotFound, UnknownFactError
from checker.facts.records import (
    FACTS_TOML,
    REVIEW_DAYS,
    SOURCE_KEYS,
    UNSOURCED_KINDS,
    Fact,
    FactBook,
    Source,
    book,
    get_fact,
    load,
    parse_source,
    read_data_file,
    stale_facts,
)

__all__ = [
    "FACTS_TOML", "MONTHS", "REVIEW_DAYS", "SOURCE_KEYS", "UNSOURCED_KINDS", "DateError", "Fact",
    "FactBook", "FactsError", "NotFound", "Source", "UnknownFactError", "book", "build_date",
    "get_fact", "iso_date", "load", "parse_source", "read_data_file", "stale_facts", "us_date",
]  # fmt: skip
