"""Hypothesis properties of the rule engine."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import FIELDS, RULESETS, check
from checker.engine import evaluate
from checker.matching import Meter, first_match

# Every code point, lone surrogates included (st.text() leaves them out by default).
ANY_CHAR = st.characters(codec=None, exclude_categories=())
TRICKY = st.sampled_from(
    ["\x00", "\ud800", "\udfff", "\U0001f600", "\u0130", "\u0131", "\u212a", "\u017f", "\u00df",
     "\u200f", "\u0301", "\u3000", " ", "a", "A", "!"]
)
TEXT = st.text(st.one_of(ANY_CHAR, TRICKY), max_size=60)
FIELD_VALUES = st.fixed_dictionaries({}, optional={name: TEXT for name in FIELDS})
RULESET_NAMES = st.sampled_from(sorted(RULESETS))


@given(fields=FIELD_VALUES, name=RULESET_NAMES)
def test_never_raises_and_reports_every_rule(fields, name):
    report = check(fields, ruleset=name)
    assert list(report.states) == list(RULESETS[name].rule_ids)
    assert set(report.states.values()) <= {"pass", "fail", "skip"}
    assert report.ok == ("fail" not in report.states.values())


@given(fields=FIELD_VALUES, other=FIELD_VALUES, name=RULESET_NAMES)
def test_a_rule_depends_only_on_the_fields_it_reads(fields, other, name):
    base = {field: fields.get(field, "") for field in FIELDS}
    for rule in RULESETS[name].rules:
        # Change every field the rule does not read; its state must not move.
        changed = {f: (base[f] if f in rule.fields else other.get(f, "")) for f in FIELDS}
        assert evaluate(rule, base).state == evaluate(rule, changed).state


@given(fields=FIELD_VALUES, name=RULESET_NAMES)
def test_messages_never_contain_a_long_password(fields, name):
    password = fields.get("password", "")
    if len(password) < 8:  # a short password can coincide with a word of a message
        return
    for result in check(fields, ruleset=name).results:
        assert password not in result.message


@given(haystack=TEXT, needles=st.lists(TEXT, max_size=6))
def test_matching_agrees_with_substring_search(haystack, needles):
    expected = any(needle and needle in haystack for needle in needles)
    assert (first_match(haystack, needles) is not None) == expected


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(char=st.one_of(ANY_CHAR, TRICKY), name=RULESET_NAMES)
def test_one_megabyte_inputs(char, name):
    big = char * (1 << 20)
    report = check({field: big for field in FIELDS}, ruleset=name)
    assert len(report.states) == len(RULESETS[name].rules)


def distinct_parts(size: int, prefix: str, separator: str) -> str:
    """``size`` characters of distinct parts ("ab0 ab1 ..."): the worst case for per-part search."""
    words, total, index = [], 0, 0
    while total < size:
        word = f"{prefix}{index}{separator}"
        words.append(word)
        total += len(word)
        index += 1
    return "".join(words)[:size]


def work(size: int, name: str, unit: str, prefix: str, separator: str) -> int:
    """Steps the engine takes for adversarial inputs of ``size`` characters in every field."""
    meter = Meter()
    password = (unit * size)[:size]
    personal = distinct_parts(size, prefix, separator)
    check(
        {"password": password, "confirm": password, "username": personal,
         "first_name": personal, "last_name": personal, "email": personal},
        ruleset=name,
        meter=meter,
    )
    return meter.steps


ADVERSARIAL = {
    "name": RULESET_NAMES,
    "unit": st.text(st.sampled_from("ab A!0"), min_size=1, max_size=5),
    "prefix": st.text(st.sampled_from("ab"), min_size=2, max_size=4),
    "separator": st.sampled_from([" ", ".", "@", "-"]),
}


def doubling_ratio(**kwargs) -> float:
    return work(8000, **kwargs) / work(4000, **kwargs)


@settings(max_examples=20, deadline=None)
@given(**ADVERSARIAL)
def test_work_grows_linearly_with_input_size(**kwargs):
    # Doubling the input at most doubles the work (with slack for fixed costs); a quadratic
    # algorithm would quadruple it.
    assert doubling_ratio(**kwargs) <= 2.2


def test_the_count_exposes_a_quadratic_search(monkeypatch):
    # The property above can fail: swap in one substring scan per part and it does.
    import checker.engine

    def naive(haystack, needles, meter):
        for needle in needles:
            meter.add(len(haystack))
            if needle in haystack:
                return needle
        return None

    monkeypatch.setattr(checker.engine, "first_match", naive)
    assert doubling_ratio(name="pacer-2025", unit="Ab!", prefix="ab", separator=" ") > 3
