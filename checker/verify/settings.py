"""The crawl's knobs, and its one error that stops a run (kept apart from :mod:`.crawl`, so the
command line can show the defaults without loading an HTTP client)."""

from __future__ import annotations

import math
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


# The least and the most each number may be (a day of delay, an hour of timeout: beyond those a
# number is a typo, and the clock's arithmetic overflows on inf). The command line and the
# settings file both hold each knob to them.
BOUNDS = {
    "delay": (0, 86_400), "concurrency": (1, 16), "max_pages": (1, 10_000_000),
    "max_depth": (0, 10_000), "max_bytes": (1, 10**12), "timeout": (0.001, 3_600),
}  # fmt: skip


def out_of_bounds(name: str, value: float) -> str | None:
    """What ``value`` must be for the knob ``name`` when it is not (None when it is)."""
    low, high = BOUNDS[name]
    if not math.isfinite(value):
        return "a finite number"
    if value < low or value > high:
        least = "more than 0" if low == 0.001 else f"at least {low:,}"
        return f"{least} and at most {high:,}"
    return None
