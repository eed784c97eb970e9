"""Apply a rule set to the fields a person types on PACER's Security tab.

Semantics (the widget implements exactly these; see docs/reference/checker.md):
- a character is a Unicode code point; classes are explicit ASCII sets from the rule's parameters;
- a rule is ``skip`` when a field in its ``skip_if_empty`` is empty, or when the personal fields it
  compares against give nothing to compare;
- comparisons with personal data lower-case both sides with ``str.lower``;
- a field longer than ``MAX_FIELD_LENGTH`` code points is refused (``FieldError``) before any
  other work, so the time a check takes is bounded whatever it is given.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from checker.matching import NULL_METER, Meter, first_match
from checker.rulesets import DEFAULT_RULESET, FIELD_LABELS, FIELDS, Rule, RuleSet, get_ruleset

PASS, FAIL, SKIP = "pass", "fail", "skip"

# No real field comes near this (PACER passwords end at 45 characters, email addresses at 254), and
# it keeps the worst case of one check to milliseconds. The rules JSON carries it to the widget.
MAX_FIELD_LENGTH = 4096

# Whitespace typed around a name or address by accident (pacer-2021 trims it; nothing else).
_TRIM = " \t\r\n"


@dataclass(frozen=True)
class Result:
    rule_id: str
    state: str
    message: str


@dataclass(frozen=True)
class Report:
    ruleset: str
    results: tuple[Result, ...]

    @property
    def ok(self) -> bool:
        """True when no rule failed (skipped rules do not count against you)."""
        return all(result.state != FAIL for result in self.results)

    @property
    def states(self) -> dict[str, str]:
        return {result.rule_id: result.state for result in self.results}

    def __getitem__(self, rule_id: str) -> Result:
        for result in self.results:
            if result.rule_id == rule_id:
                return result
        raise KeyError(rule_id)

    def failures(self) -> list[Result]:
        return [result for result in self.results if result.state == FAIL]

    def to_json(self) -> dict:
        return {"ruleset": self.ruleset, "ok": self.ok, "rules": self.states}


class FieldError(ValueError):
    """A field name or value the checker does not accept."""


def check(
    fields: Mapping[str, str] | None = None,
    /,
    *,
    ruleset: str | RuleSet = DEFAULT_RULESET,
    meter: Meter = NULL_METER,
    **named: str,
) -> Report:
    """Check the fields against a rule set (by default the current PACER rules).

    Fields can be given as a mapping or as keywords: ``username``, ``password``, ``confirm``,
    ``first_name``, ``last_name``, ``email``. Missing fields count as empty.
    """
    values = _validated({**(fields or {}), **named})
    rules = get_ruleset(ruleset)
    return Report(rules.name, tuple(evaluate(rule, values, meter) for rule in rules.rules))


def _validated(fields: Mapping[str, object]) -> dict[str, str]:
    unknown = sorted(set(fields) - set(FIELDS))
    if unknown:
        raise FieldError(f"unknown field {unknown[0]!r}; valid fields: {', '.join(FIELDS)}")
    for name, value in fields.items():
        if not isinstance(value, str):
            raise FieldError(f"field {name!r} must be a string, not {type(value).__name__}")
        if len(value) > MAX_FIELD_LENGTH:  # len is O(1): refused before any other work
            raise FieldError(
                f"field {name!r} is {len(value):,} characters long; "
                f"the limit is {MAX_FIELD_LENGTH:,} characters"
            )
    return {name: fields.get(name, "") for name in FIELDS}  # type: ignore[misc]


def evaluate(rule: Rule, values: Mapping[str, str], meter: Meter = NULL_METER) -> Result:
    """One rule's state and message for complete field values."""
    if any(not values[name] for name in rule.skip_if_empty):
        empty = next(FIELD_LABELS[name] for name in rule.skip_if_empty if not values[name])
        return Result(rule.id, SKIP, f"Not checked: {empty} is empty.")
    state, message = _KINDS[rule.kind](rule, values, meter)
    return Result(rule.id, state, message)


def _length(rule: Rule, values: Mapping[str, str], meter: Meter) -> tuple[str, str]:
    field = rule.fields[0]
    count = len(values[field])
    meter.add(1)
    low, high = rule.params["min"], rule.params["max"]
    if count < low:
        return FAIL, f"Your {FIELD_LABELS[field]} is too short: {count} of at least {low}."
    if count > high:
        return FAIL, f"Your {FIELD_LABELS[field]} is too long: {count} of at most {high}."
    return PASS, f"Your {FIELD_LABELS[field]} has {count} characters."


def _contains_class(rule: Rule, values: Mapping[str, str], meter: Meter) -> tuple[str, str]:
    text = values[rule.fields[0]]
    meter.add(len(text))
    label = rule.params["label"]
    if set(text).isdisjoint(rule.params["chars"]):
        return FAIL, f"Add at least one {label}."
    return PASS, f"Has at least one {label}."


def _no_run(rule: Rule, values: Mapping[str, str], meter: Meter) -> tuple[str, str]:
    text = values[rule.fields[0]]
    limit = rule.params["run"]
    meter.add(len(text))
    if _run_of(limit).search(text):
        return FAIL, f"The same character appears {limit} or more times in a row."
    return PASS, f"No character appears {limit} times in a row."


def _excludes_value(rule: Rule, values: Mapping[str, str], meter: Meter) -> tuple[str, str]:
    needles: dict[str, str] = {}
    for field in rule.fields[1:]:
        value = values[field].strip(_TRIM).lower()
        meter.add(len(values[field]))
        if value:
            needles.setdefault(value, field)
    return _compare(rule, values, needles, meter, lambda needle: "")


def _excludes_parts(rule: Rule, values: Mapping[str, str], meter: Meter) -> tuple[str, str]:
    needles: dict[str, str] = {}
    for field in rule.fields[1:]:
        text = values[field]
        if field == "email" and rule.params.get("ignore_last_domain_label"):
            text = without_last_domain_label(text)
        for part in parts(text, rule.params["min_part"], meter):
            needles.setdefault(part.lower(), field)
    return _compare(rule, values, needles, meter, lambda needle: f" '{needle}' from")


def _compare(
    rule: Rule,
    values: Mapping[str, str],
    needles: Mapping[str, str],
    meter: Meter,
    describe: Callable[[str], str],
) -> tuple[str, str]:
    compared = " or ".join(dict.fromkeys(FIELD_LABELS[f] for f in rule.fields[1:]))
    if not needles:
        return SKIP, f"Not checked: no {compared} to compare with."
    password = values[rule.fields[0]].lower()
    meter.add(len(password))
    found = first_match(password, needles, meter)
    if found is None:
        return PASS, f"Does not contain your {compared}."
    # A part as long as the password is the password: naming it would print the password (the
    # command line's output goes to logs), so the message names only where it comes from.
    shown = "" if len(found) >= len(password) else describe(found)
    return FAIL, f"Contains{shown} your {FIELD_LABELS[needles[found]]}."


def _equals(rule: Rule, values: Mapping[str, str], meter: Meter) -> tuple[str, str]:
    first, second = (values[name] for name in rule.fields)
    meter.add(len(first))
    if first == second:
        return PASS, "The passwords match."
    return FAIL, "The passwords do not match."


_KINDS: dict[str, Callable[[Rule, Mapping[str, str], Meter], tuple[str, str]]] = {
    "length": _length,
    "contains_class": _contains_class,
    "no_run": _no_run,
    "excludes_value": _excludes_value,
    "excludes_parts": _excludes_parts,
    "equals": _equals,
}


def parts(text: str, min_part: int, meter: Meter = NULL_METER) -> list[str]:
    """Maximal runs of letters and digits (Unicode categories L* and N*) of ``min_part`` or more."""
    meter.add(len(text))
    return _part_of(min_part).findall(text)


@functools.cache
def _part_of(min_part: int) -> re.Pattern[str]:
    # In str patterns, [^\W_] is exactly the code points of categories L* and N*
    # (tests/core/test_rules.py checks every code point); one C scan instead of a loop in Python.
    return re.compile(rf"[^\W_]{{{min_part},}}")


@functools.cache
def _run_of(limit: int) -> re.Pattern[str]:
    """A character followed by ``limit - 1`` copies of itself (case-sensitive, any code point)."""
    return re.compile(rf"(.)\1{{{limit - 1}}}", re.DOTALL)


def without_last_domain_label(email: str) -> str:
    """The address without its top-level label: ``jane.doe@lawfirm.com`` -> ``jane.doe@lawfirm``."""
    at = email.rfind("@")
    if at < 0:
        return email
    dot = email.rfind(".", at)
    return email[:dot] if dot > at else email[:at]
