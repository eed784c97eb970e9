"""Python-side speed of the checker: typical input, adversarial input at the field bound, and the
refusal of a megabyte.

A benchmark, not a test: it prints figures with their budgets (issue 13) and asserts nothing
(shared machines are noisy). Run: .venv/bin/python benchmarks/checker_speed.py
"""

from __future__ import annotations

import itertools
import statistics
import string
import time
from collections.abc import Callable

from checker import RULESETS, check
from checker.engine import MAX_FIELD_LENGTH, FieldError

CHECK_BUDGET_MS = 10.0  # per check, any input within the bound, either rule set
REFUSAL_BUDGET_MS = 1.0  # a field of a megabyte is refused in this time
MEGABYTE = 1 << 20
PERSONAL = ("username", "first_name", "last_name", "email")
COMPARING = ("password.name", "password.username", "password.email")

TYPICAL = {
    "username": "jdoe_lawfirm",
    "password": "Tr1cky!Passw0rdz-2026",
    "confirm": "Tr1cky!Passw0rdz-2026",
    "first_name": "Jane",
    "last_name": "Doe",
    "email": "jane.doe@lawfirm.example",
}


def _fit(text: str) -> str:
    return (text * (MAX_FIELD_LENGTH // max(1, len(text)) + 1))[:MAX_FIELD_LENGTH]


def _pad(text: str) -> str:
    return text + "." * (MAX_FIELD_LENGTH - len(text))


def _fields(personal: str, password: str) -> dict[str, str]:
    return {**dict.fromkeys(PERSONAL, personal), "password": password, "confirm": password}


def _three_letter_parts() -> str:
    words = ("".join(w) for w in itertools.product(string.ascii_lowercase, repeat=3))
    return _fit(" ".join(words))


# Inputs with nothing matching, every field at the bound: the most work a check can be given.
ADVERSARIAL: dict[str, Callable[[], dict[str, str]]] = {
    "distinct 3-letter parts": lambda: _fields(_three_letter_parts(), _fit("Aa1!")),
    "distinct 3-letter parts, a password of letters": lambda: _fields(
        _three_letter_parts(), _fit("zyxwvutsrqponm!")
    ),
    "parts that share a long prefix with the password": lambda: _fields(
        _pad(" ".join("a" * size + "b" for size in range(3, 86))), _fit("a")
    ),
    "one whole value almost in the password": lambda: _fields(
        "a" * (MAX_FIELD_LENGTH - 1) + "b", _fit("a")
    ),
}


def median_ms(call: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def typical_ms(ruleset: str) -> float:
    def hundred() -> None:
        for _ in range(100):
            check(TYPICAL, ruleset=ruleset)

    return median_ms(hundred, 21) / 100


def adversarial_ms(ruleset: str) -> dict[str, float]:
    times = {}
    for label, make in ADVERSARIAL.items():
        fields = make()
        assert all(len(value) <= MAX_FIELD_LENGTH for value in fields.values()), label
        compared = [r for r in check(fields, ruleset=ruleset).results if r.rule_id in COMPARING]
        assert all(r.state == "pass" for r in compared), f"{label}: something matched"
        times[label] = median_ms(lambda fields=fields: check(fields, ruleset=ruleset), 15)
    return times


def refusal_ms() -> float:
    fields = {**TYPICAL, "password": "x" * MEGABYTE}

    def refuse() -> None:
        try:
            check(fields)
        except FieldError:
            return
        raise AssertionError("a megabyte was not refused")

    return median_ms(refuse, 101)


def measure() -> dict[str, dict[str, float]]:
    """Per rule set: typical and worst adversarial milliseconds, and which input was worst."""
    results: dict[str, dict] = {}
    for name in RULESETS:
        adversarial = adversarial_ms(name)
        worst = max(adversarial, key=adversarial.__getitem__)
        typical = typical_ms(name)
        results[name] = {
            "typical_ms": typical,
            "checks_per_second": 1000 / typical,
            "worst_ms": adversarial[worst],
            "worst_input": worst,
            "adversarial_ms": adversarial,
        }
    return results


def verdict(value: float, budget: float) -> str:
    return "ok" if value <= budget else "OVER"


def main() -> None:
    print(f"Python checker, fields bounded at {MAX_FIELD_LENGTH:,} code points")
    print(f"{'figure':<66} {'value':>9} {'budget':>9}  verdict")
    for name, row in measure().items():
        print(f"{name}, typical input{'':<{52 - len(name)}} {row['typical_ms']:>6.3f} ms"
              f" {CHECK_BUDGET_MS:>6.1f} ms  {verdict(row['typical_ms'], CHECK_BUDGET_MS)}")
        for label, value in row["adversarial_ms"].items():
            text = f"{name}, {label}"
            print(f"{text:<66} {value:>6.3f} ms {CHECK_BUDGET_MS:>6.1f} ms"
                  f"  {verdict(value, CHECK_BUDGET_MS)}")
    refused = refusal_ms()
    print(f"{'1 MB field refused (FieldError)':<66} {refused:>6.3f} ms"
          f" {REFUSAL_BUDGET_MS:>6.1f} ms  {verdict(refused, REFUSAL_BUDGET_MS)}")


if __name__ == "__main__":
    main()
