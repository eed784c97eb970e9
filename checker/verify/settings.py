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
    max_depth: int = 10
    max_bytes: int = 10_000_000
    timeout: float = 10.0
    include_hosts: tuple[str, ...] = ()


class StartError(Exception):
    """No start address could be read: one line, exit 2."""
