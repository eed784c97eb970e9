"""Each kind of statement in one place (checker/verify/kinds): what is derived from the list of
kinds, the wake words of every phrasing, and the corpus case by case (each case its own test
item, named by its file and line, as Sybil names examples)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from verify_corpus import CORPUS, load

from checker import RULESETS
from checker.verify.kinds import KIND_OF_RULE, KINDS, RULE_WORDS, may_state_rules
from checker.verify.numbers import normalise
from checker.verify.statements import Context, Reading

CASES = load()


@pytest.mark.parametrize("case", CASES, ids=[f"{CORPUS.name}:{case.line}" for case in CASES])
def test_corpus_case(case):
    """One corpus case under every rule set: exactly the rule ids it expects are reported."""
    for ruleset in RULESETS:
        found = sorted(m.rule_id for m in case.run(ruleset))
        expected = sorted(case.expect[ruleset])
        assert found == expected, (
            f"{CORPUS.name}, line {case.line} ({case.id}) under {ruleset}: expected {expected}, "
            f"got {found}"
        )


def test_case_lines_point_at_their_ids():
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    assert all(lines[case.line - 1] == f"- id: {case.id}" for case in CASES)


def test_derived_from_the_list_of_kinds():
    assert [kind.name for kind in KINDS] == list(dict.fromkeys(KIND_OF_RULE.values()))
    rule_ids = [rule_id for kind in KINDS for rule_id in kind.rule_ids]
    assert len(rule_ids) == len(set(rule_ids)) == len(KIND_OF_RULE)
    # Every rule a page can state wrongly has its kind ("password.confirm" is the form's own
    # check; "password.digit" is no rule: a page that requires a digit is wrong).
    every_rule = {rule.id for ruleset in RULESETS.values() for rule in ruleset.rules}
    assert every_rule - {"password.confirm"} <= set(KIND_OF_RULE)
    for kind in KINDS:
        assert kind.phrasings and kind.prescan and kind.looks and kind.title, kind.name


# Sentences a phrasing's match is set in: bare, with the password as subject, with a name to bar.
TEMPLATES = ("{}", "your password must be {}", "passwords {} your user name and first name")


def _read_forced(kind, low: str, ruleset) -> set[str]:
    """The kinds the reader reads in ``low`` when made to read it, whatever its wake words."""
    reading = Reading(low, ruleset, Context(subject="password"))
    for _ in kind.read(reading):
        pass
    return reading.read


@pytest.mark.parametrize(
    "kind, phrasing",
    [(kind, phrasing) for kind in KINDS for phrasing in kind.phrasings],
    ids=[f"{kind.name}-{i}" for kind in KINDS for i, _ in enumerate(kind.phrasings)],
)
def test_no_phrasing_can_match_a_sentence_its_wake_words_skip(kind, phrasing):
    """A test that fails when a phrasing can match a sentence its kind's wake words, the word
    filter or the pre-scan would skip: each sentence the reader reads when made to must be woken,
    pass the filter and the pre-scan."""

    @settings(max_examples=60, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(st.from_regex(phrasing, fullmatch=True), st.sampled_from(TEMPLATES))
    def check(phrase: str, template: str) -> None:
        low = normalise(template.format(phrase).lower())
        for ruleset in RULESETS.values():
            if kind.name not in _read_forced(kind, low, ruleset):
                continue
            reading = Reading(low, ruleset, Context(subject="password"))
            assert kind.wakes(reading), f"{kind.name} not woken by {low!r}"
            has_figure = any(ch.isdigit() for ch in low)
            assert has_figure or RULE_WORDS.search(low), f"word filter skips {low!r}"
            assert may_state_rules(f"password {low}", markup=False), f"pre-scan skips {low!r}"

    check()


@pytest.mark.parametrize(
    "kind, look",
    [(kind, look) for kind in KINDS for look in kind.looks],
    ids=[f"{kind.name}-look-{i}" for kind in KINDS for i, _ in enumerate(kind.looks)],
)
def test_no_look_can_match_a_sentence_the_pre_scan_skips(kind, look):
    """A passage that would be reviewed is never on a page the pre-scan skips: each look's
    words gate it there, so every sentence a look finds holds one of them."""

    @settings(max_examples=60, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(st.from_regex(look.pattern, fullmatch=True))
    def check(phrase: str) -> None:
        low = normalise(f"your password: {phrase}".lower())
        if not look.pattern.search(low):
            return  # the phrase changed as the sentence was normalised
        assert any(word in low for word in look.words), f"{look.words} not in {low!r}"
        assert may_state_rules(low, markup=False), f"pre-scan skips {low!r}"

    check()
