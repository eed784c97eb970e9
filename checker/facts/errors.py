"""The errors of the facts package (shared by the records and the calendar)."""

from __future__ import annotations


class FactsError(ValueError):
    """A facts file breaks the schema; the message names the file, the record, the field."""


class NotFound(KeyError):
    """A lookup by id found nothing; the message says what was asked and what exists."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0])


class UnknownFactError(NotFound):
    pass
