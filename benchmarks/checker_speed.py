"""Python-side speed of the checker: checks per second on typical input, and a 1 MB paste.

A benchmark, not a test: it prints figures and asserts nothing (shared machines are noisy).
Run: .venv/bin/python benchmarks/checker_speed.py
"""

from __future__ import annotations

import statistics
import time

from checker import RULESETS, check
from checker.matching import Meter

TYPICAL = {
    "username": "jdoe_lawfirm",
    "password": "Tr1cky!Passw0rdz-2026",
    "confirm": "Tr1cky!Passw0rdz-2026",
    "first_name": "Jane",
    "last_name": "Doe",
    "email": "jane.doe@lawfirm.example",
}
MEGABYTE = 1 << 20


def checks_per_second(ruleset: str, seconds: float = 1.0) -> float:
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        check(TYPICAL, ruleset=ruleset)
        count += 1
    return count / (time.perf_counter() - start)


def megabyte_seconds(ruleset: str, repeats: int = 3) -> tuple[float, int]:
    """Median seconds for 1 MB in every field (distinct name parts: the matcher's worst case)."""
    words = " ".join(f"part{i}" for i in range(MEGABYTE // 6))[:MEGABYTE]
    fields = {**{name: words for name in TYPICAL}, "password": ("Aa1!" * MEGABYTE)[:MEGABYTE]}
    times = []
    meter = Meter()
    for _ in range(repeats):
        meter = Meter()
        start = time.perf_counter()
        check(fields, ruleset=ruleset, meter=meter)
        times.append(time.perf_counter() - start)
    return statistics.median(times), meter.steps


def measure() -> dict[str, dict[str, float]]:
    results = {}
    for name in RULESETS:
        per_second = checks_per_second(name)
        big, steps = megabyte_seconds(name)
        results[name] = {"checks_per_second": per_second, "megabyte_seconds": big, "steps": steps}
    return results


def main() -> None:
    print(f"{'rule set':<12} {'checks/s (typical)':>20} {'1 MB input (s)':>16} {'work steps':>12}")
    for name, row in measure().items():
        print(
            f"{name:<12} {row['checks_per_second']:>20,.0f} {row['megabyte_seconds']:>16.2f}"
            f" {row['steps']:>12,}"
        )


if __name__ == "__main__":
    main()
