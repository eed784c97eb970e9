"""Hypothesis properties of the rule engine."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import FIELDS, RULESETS, check
from checker.engine import MAX_FIELD_LENGTH, FieldError, evaluate
from checker.matching import NULL_METER, Meter, _by_automaton, _by_search, first_match

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


@st.composite
def haystack_and_needles(draw) -> tuple[str, list[str]]:
    """A haystack over a small alphabet and needles, many cut from it, so matches overlap."""
    small = st.text(st.sampled_from("abA\U0001f600"), max_size=40)
    haystack = draw(small)
    needles = []
    for _ in range(draw(st.integers(0, 12))):
        start = draw(st.integers(0, len(haystack)))
        cut = haystack[start : start + draw(st.integers(0, 8))]
        needles.append(draw(st.one_of(st.just(cut), small)))
    return haystack, needles


@given(case=haystack_and_needles())
def test_search_and_automaton_give_the_same_needle(case):
    # first_match uses one or the other by the number of needles; the answer must not depend on it.
    haystack, needles = case
    nonempty = [needle for needle in needles if needle]
    expected = _by_search(haystack, nonempty, NULL_METER)
    assert _by_automaton(haystack, nonempty, NULL_METER) == expected
    assert first_match(haystack, needles) == expected
    if expected is not None:
        end = min(haystack.find(n) + len(n) for n in nonempty if n in haystack)
        assert haystack.find(expected) + len(expected) == end


# Fields near and far above the bound: one code point repeated, so a megabyte costs nothing to draw.
LENGTHS = st.one_of(
    st.integers(MAX_FIELD_LENGTH - 2, MAX_FIELD_LENGTH + 2), st.integers(0, 1 << 20)
)
LONG_FIELDS = st.dictionaries(
    st.sampled_from(FIELDS),
    st.builds(lambda char, length: char * length, st.one_of(ANY_CHAR, TRICKY), LENGTHS),
)


@settings(max_examples=60, deadline=None)
@given(fields=LONG_FIELDS, name=RULESET_NAMES)
def test_a_field_over_the_bound_raises_field_error_and_nothing_else(fields, name):
    over = sorted(field for field, value in fields.items() if len(value) > MAX_FIELD_LENGTH)
    if not over:
        assert len(check(fields, ruleset=name).states) == len(RULESETS[name].rules)
        return
    meter = Meter()
    with pytest.raises(FieldError) as raised:
        check(fields, ruleset=name, meter=meter)
    message = str(raised.value)
    assert any(repr(field) in message and f"{len(fields[field]):,}" in message for field in over)
    assert f"{MAX_FIELD_LENGTH:,}" in message
    assert meter.steps == 0, "refused before any rule ran"


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
    return work(MAX_FIELD_LENGTH, **kwargs) / work(MAX_FIELD_LENGTH // 2, **kwargs)


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


def test_a_password_that_is_the_username_is_not_printed():
    """Found by the property above: the part of the username found was the whole password."""
    for name in ("pacer-2025", "pacer-2021"):
        results = check({"username": "00000000", "password": "00000000"}, ruleset=name).results
        messages = [r.message for r in results]
        assert not any("00000000" in m for m in messages), messages
        assert any(m == "Contains your username." for m in messages), messages
