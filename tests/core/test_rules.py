"""Each rule at every boundary, for both rule sets. Boundaries come from the rule records."""

from __future__ import annotations

import re
import string
import unicodedata
from pathlib import Path

import pytest

from checker import DEFAULT_RULESET, FAIL, PASS, RULESETS, SKIP, check, differences, get_ruleset
from checker.engine import MAX_FIELD_LENGTH, FieldError, parts, without_last_domain_label

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
BOTH = sorted(RULESETS)
GOOD = "Aa!"  # one of each required class; padded below to reach a length


def pad(length: int, base: str = GOOD) -> str:
    """A password of exactly ``length`` code points with no repeats and every class."""
    filler = "bcdefghjkmnpqrstuvwxyz"
    text = base + "".join(filler[i % len(filler)] for i in range(max(0, length - len(base))))
    return text[:length]


def state(ruleset: str, rule_id: str, **fields: str) -> str:
    return check(fields, ruleset=ruleset).states[rule_id]


@pytest.mark.parametrize("name", BOTH)
def test_password_length_boundaries(name):
    rule = get_ruleset(name).rule("password.length")
    low, high = rule.params["min"], rule.params["max"]
    assert state(name, "password.length", password=pad(low - 1)) == FAIL
    assert state(name, "password.length", password=pad(low)) == PASS
    assert state(name, "password.length", password=pad(high)) == PASS
    assert state(name, "password.length", password=pad(high + 1)) == FAIL
    assert state(name, "password.length", password="") == FAIL


@pytest.mark.parametrize("name", BOTH)
def test_username_length_boundaries_and_skip(name):
    rule = get_ruleset(name).rule("username.length")
    low, high = rule.params["min"], rule.params["max"]
    assert state(name, "username.length", username="u" * (low - 1)) == FAIL
    assert state(name, "username.length", username="u" * low) == PASS
    assert state(name, "username.length", username="u" * high) == PASS
    assert state(name, "username.length", username="u" * (high + 1)) == FAIL
    assert state(name, "username.length") == SKIP


@pytest.mark.parametrize("name", BOTH)
def test_length_counts_code_points(name):
    low = get_ruleset(name).rule("password.length").params["min"]
    astral = "\U0001f600"  # one code point, two UTF-16 units: the JS side must agree
    assert state(name, "password.length", password=pad(low - 1) + astral) == PASS
    assert state(name, "password.length", password=pad(low - 2) + astral) == FAIL


@pytest.mark.parametrize("name", BOTH)
@pytest.mark.parametrize(
    "rule_id, present, absent",
    [
        ("password.lowercase", "a", "A!"),
        ("password.uppercase", "Z", "z!"),
        ("password.special", "~", "aZ 9"),
    ],
)
def test_character_classes(name, rule_id, present, absent):
    assert state(name, rule_id, password=absent + present) == PASS
    assert state(name, rule_id, password=absent) == FAIL
    assert state(name, rule_id, password="") == FAIL


@pytest.mark.parametrize("name", BOTH)
def test_classes_are_ascii_only(name):
    accented = "\u00e9\u00c9\u00b7\u3000"  # é É · and an ideographic space satisfy no class
    for rule_id in ("password.lowercase", "password.uppercase", "password.special"):
        assert state(name, rule_id, password=accented) == FAIL


def test_special_set_is_the_32_ascii_punctuation_characters():
    for ruleset in RULESETS.values():
        chars = ruleset.rule("password.special").params["chars"]
        assert sorted(chars) == sorted(string.punctuation)
        assert " " not in chars


@pytest.mark.parametrize("name", BOTH)
def test_repeat_boundary_and_case(name):
    run = get_ruleset(name).rule("password.repeat").params["run"]
    assert state(name, "password.repeat", password="x" + "b" * run + "y") == FAIL
    assert state(name, "password.repeat", password="x" + "b" * (run - 1) + "y") == PASS
    assert state(name, "password.repeat", password="aA" * run) == PASS
    assert state(name, "password.repeat", password="") == SKIP


def test_2021_compares_whole_trimmed_values_case_insensitively():
    name = "pacer-2021"
    assert state(name, "password.name", password="xDOEx", last_name=" doe\t") == FAIL
    assert state(name, "password.name", password="xJanx", first_name="Jane") == PASS
    assert state(name, "password.name", password="abc", first_name=" \r\n") == SKIP
    assert state(name, "password.username", password="My-jdoe99!", username="JDoe99") == FAIL
    email = "jane.doe@lawfirm.example"
    assert state(name, "password.email", password=f"!{email.upper()}!", email=email) == FAIL
    assert state(name, "password.email", password="jane.doe!", email=email) == PASS


def test_2025_rejects_any_part():
    name = DEFAULT_RULESET
    assert state(name, "password.name", password="XjanX!", first_name="Jan") == FAIL
    assert state(name, "password.name", password="XjaX!", first_name="Ja") == SKIP
    assert state(name, "password.name", password="Mary-Ann", last_name="van der Berg") == PASS
    assert state(name, "password.name", password="sVANs", last_name="van der Berg") == FAIL
    assert state(name, "password.username", password="xx2024xx", username="jd_2024") == FAIL
    email = "jane.doe@lawfirm.com"
    assert state(name, "password.email", password="Lawfirm!", email=email) == FAIL
    assert state(name, "password.email", password="dot-com!", email=email) == PASS


def test_min_part_boundary_comes_from_the_record():
    rule = get_ruleset(DEFAULT_RULESET).rule("password.name")
    size = rule.params["min_part"]
    short, long_ = "q" * (size - 1), "qrstuvwxyz"[:size]
    assert state(DEFAULT_RULESET, "password.name", password=short * 3, first_name=short) == SKIP
    assert state(DEFAULT_RULESET, "password.name", password=long_, first_name=long_) == FAIL


def test_parts_split_on_anything_but_letters_and_digits():
    assert parts("jane.doe@lawfirm.com", 3) == ["jane", "doe", "lawfirm", "com"]
    assert parts("Zo\u00eb O'Neil-Smith 3rd", 3) == ["Zo\u00eb", "Neil", "Smith", "3rd"]
    assert parts("ab cd", 3) == []
    assert parts("ab_cde\u0301\u00bd\u2167x", 3) == ["cde", "\u00bd\u2167x"]  # mark, No, Nl


def test_parts_are_exactly_the_letters_and_digits_of_every_code_point():
    # parts() leans on [^\W_] meaning "category L* or N*" in this Python; prove it for every one.
    text = "".join(map(chr, range(0x110000)))
    expected = "".join(char for char in text if unicodedata.category(char)[0] in "LN")
    assert "".join(parts(text, 1)) == expected


@pytest.mark.parametrize(
    "email, expected",
    [
        ("jane.doe@lawfirm.com", "jane.doe@lawfirm"),
        ("a@b@court.gov", "a@b@court"),
        ("jane@localhost", "jane"),
        ("no-at-sign.com", "no-at-sign.com"),
    ],
)
def test_last_domain_label_is_dropped(email, expected):
    assert without_last_domain_label(email) == expected


@pytest.mark.parametrize("name", BOTH)
def test_confirm(name):
    assert state(name, "password.confirm", password="Abc!", confirm="Abc!") == PASS
    assert state(name, "password.confirm", password="Abc!", confirm="abc!") == FAIL
    assert state(name, "password.confirm", password="", confirm="x") == FAIL
    assert state(name, "password.confirm", password="Abc!") == SKIP


def test_acceptance_examples():
    assert check(password="Tr1cky!Passw0rdz").ok
    report = check(password="Short!Aa1")
    assert not report.ok and [r.rule_id for r in report.failures()] == ["password.length"]
    assert check(password="Short!Aa1", ruleset="pacer-2021").ok


def test_messages_name_the_part_but_never_echo_the_password():
    password = "Secret-doe-Value!"
    report = check(password=password, last_name="Doe")
    message = report["password.name"].message
    assert "'doe'" in message and "last name" in message
    assert all(password not in r.message for r in report.results)


def test_every_rule_set_has_every_rule_id():
    ids = [
        "username.length", "password.length", "password.lowercase", "password.uppercase",
        "password.special", "password.repeat", "password.name", "password.username",
        "password.email", "password.confirm",
    ]
    for ruleset in RULESETS.values():
        assert list(ruleset.rule_ids) == ids


def test_2021_rules_match_the_note_on_the_upgrade_screen_in_seed_000():
    note = (SEEDS / "000_7f599267b7c4a986.txt").read_text()
    rules = get_ruleset("pacer-2021")
    for label, rule_id in (("Username", "username.length"), ("Password", "password.length")):
        low, high = re.search(rf"{label}: (\d+)-(\d+) characters", note).groups()
        assert (rules.rule(rule_id).params["min"], rules.rule(rule_id).params["max"]) == (
            int(low),
            int(high),
        )
    assert "the same character three times in a row" in note
    assert rules.rule("password.repeat").params["run"] == ["one", "two", "three"].index("three") + 1


def test_2025_changes_are_the_length_and_the_personal_data_rules():
    changed = [d.rule_id for d in differences(RULESETS["pacer-2021"], RULESETS["pacer-2025"])]
    assert changed == ["password.length", "password.name", "password.username", "password.email"]


def test_unconfirmed_rules_say_so_in_their_source():
    for rule_id in ("username.length", "password.repeat"):
        rule = get_ruleset("pacer-2025").rule(rule_id)
        assert not rule.verified
        assert "does not state this rule" in rule.source.note


def test_bad_fields_are_rejected_clearly():
    with pytest.raises(ValueError, match="unknown field 'pwd'"):
        check({"pwd": "x"})
    with pytest.raises(ValueError, match="field 'password' must be a string"):
        check({"password": 5})
    with pytest.raises(ValueError, match="valid names: pacer-2021, pacer-2025"):
        check(password="x", ruleset="pacer-1999")


@pytest.mark.parametrize("name", BOTH)
@pytest.mark.parametrize("field", ["password", "email"])
def test_fields_up_to_the_bound_are_checked_and_longer_ones_refused(name, field):
    at_bound = pad(MAX_FIELD_LENGTH)
    assert len(check({field: at_bound}, ruleset=name).states) == len(RULESETS[name].rules)
    # One astral code point is two UTF-16 units but one character: still within the bound.
    assert check({field: at_bound[:-1] + "\U0001f600"}, ruleset=name)
    with pytest.raises(FieldError) as raised:
        check({field: at_bound + "x"}, ruleset=name)
    assert str(raised.value) == (
        f"field {field!r} is {MAX_FIELD_LENGTH + 1:,} characters long; "
        f"the limit is {MAX_FIELD_LENGTH:,} characters"
    )
