"""The verifier's reading of rule statements, form by form. Numbers come from the records."""

from __future__ import annotations

import pytest

from checker import RULESETS
from checker.verify import may_state_rules, verify_html

NEW, OLD = RULESETS["pacer-2025"], RULESETS["pacer-2021"]
P_MIN, P_MAX = NEW.rule("password.length").params["min"], NEW.rule("password.length").params["max"]
U_MIN, U_MAX = NEW.rule("username.length").params["min"], NEW.rule("username.length").params["max"]
OLD_MIN = OLD.rule("password.length").params["min"]
RUN = NEW.rule("password.repeat").params["run"]
DAYS = next(f for f in NEW.facts if f.id == "password.change").params["days"]
WORDS = {2: "two", 3: "three", 4: "four"}

AGREE = [
    f"Your password must be {P_MIN}-{P_MAX} characters long.",
    f"Passwords must be between {P_MIN} and {P_MAX} characters.",
    f"Use at least {P_MIN} characters in your password.",
    f"A password of {P_MIN} or more characters.",
    f"Upgraded PACER usernames are at least {U_MIN} characters.",
    f"Username: {U_MIN} to {U_MAX} characters.",
    f"Your password must not have the same character {WORDS[RUN]} times in a row.",
    "Your password must not contain any part of your first name or last name.",
    "Your password must not include any part of your username.",
    f"Change your password every {DAYS} days.",
    "Neither rule set requires a number in the password.",
    "Do not reuse your username and password from CM/ECF.",
    "Legacy accounts have a 6-character username.",
]
DISAGREE = [
    (f"Your password must be {OLD_MIN}-{P_MAX} characters.", "password"),
    (f"Passwords need {OLD_MIN} or more characters.", "at least"),
    (f"Your username can be at most {U_MAX + 5} characters.", "username at most"),
    ("Your password must contain at least one number.", "a number is required"),
    (f"Your password must not have the same character {RUN + 1} times in a row.", "in a row"),
    ("Your password must not contain your username.", "no part of your username"),
    (f"Passwords must also be updated every {DAYS // 2} days.", "change every"),
]


@pytest.mark.parametrize("sentence", AGREE)
def test_true_statements_pass(sentence):
    assert verify_html(f"<p>{sentence}</p>", "x.html") == []


@pytest.mark.parametrize("sentence, expected", DISAGREE)
def test_false_statements_are_reported_with_page_and_excerpt(sentence, expected):
    found = verify_html(f"<main><p>{sentence}</p></main>", "guide/index.html")
    assert len(found) == 1
    assert str(found[0]).startswith(f"guide/index.html:1: {sentence}: says ")
    assert expected in f"{found[0].says} / {found[0].expected}"
    assert may_state_rules(f"<p>{sentence}</p>")


def test_a_marked_passage_is_checked_against_its_own_rule_set():
    old = f"Password: {OLD_MIN}-{P_MAX} characters."
    assert verify_html(f'<div data-ruleset="pacer-2021"><p>{old}</p></div>', "x") == []
    span = f'<p>Before: <span data-ruleset="pacer-2021">{old}</span> Now: {old}</p>'
    assert len(verify_html(span, "x")) == 1  # the unmarked copy, not the quoted one
    whole = "Your password must not contain your first name or last name."
    assert verify_html(f'<div data-ruleset="pacer-2021"><p>{whole}</p></div>', "x") == []


def test_code_listings_and_scripts_are_not_prose():
    stale = f"Your password must be {OLD_MIN}-{P_MAX} characters."
    assert verify_html(f"<pre><code>{stale}</code></pre><script>'{stale}'</script>", "x") == []


def test_statements_split_by_inline_markup_are_still_read():
    html = f"<li><strong>Password</strong>: <em>{OLD_MIN}</em>-{P_MAX} <b>characters</b></li>"
    assert len(verify_html(html, "x")) == 1
