"""The crawl's knobs, and its one error that stops a run (kept apart from :mod:`.crawl`, so the
command line can show the defaults without loading an HTTP client)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """The crawl's knobs; every default is polite to a court's server."""

    delay: float = 1.0
    concurrency: int = 1
    max_pages: int = 1000
    max_bytes: int = 10_000_000
    timeout: float = 10.0
    include_hosts: tuple[str, ...] = ()


class StartError(Exception):
    """No start address could be read: one line, exit 2."""


def acceptable(name: str, value: float) -> bool:
    """Whether a crawl knob (a :class:`Settings` field) may take ``value``: every number must be
    more than 0, but a delay may be 0 (a test server; a court's server deserves one)."""
    return value > 0 or (name == "delay" and value == 0)
