"""The verifier's reading of rule statements, form by form. Numbers come from the records."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import RULESETS
from checker.verify import may_state_rules, verify_html, verify_text

NEW, OLD = RULESETS["pacer-2025"], RULESETS["pacer-2021"]
P_MIN, P_MAX = NEW.rule("password.length").params["min"], NEW.rule("password.length").params["max"]
U_MIN, U_MAX = NEW.rule("username.length").params["min"], NEW.rule("username.length").params["max"]
OLD_MIN = OLD.rule("password.length").params["min"]
RUN = NEW.rule("password.repeat").params["run"]
DAYS = next(f for f in NEW.facts if f.id == "password-change").params["days"]
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


# Where a mismatch is, and the decisions on ambiguous forms (see the module docstring) ---------

def test_html_mismatch_names_the_line():
    stale = f"Passwords need {OLD_MIN} or more characters."
    html = f"<html>\n<body>\n<p>Intro.</p>\n<p>Hello.\n{stale}</p>"
    (found,) = verify_html(html, "x.html")
    assert (found.file, found.location, found.unit, found.rule_id) == (
        "x.html", 5, "line", "password.length"
    )
    assert str(found).startswith("x.html:5: Passwords need")


def test_text_mismatch_names_the_line_where_the_sentence_starts():
    text = f"Title\n\nSome words. Passwords must be\n{OLD_MIN}-{P_MAX} characters.\n"
    (found,) = verify_text(text, "guide.txt")
    assert (found.location, found.unit) == (3, "line")


def test_lead_in_gives_list_items_their_subject_until_a_paragraph():
    items = f"<ul><li>{OLD_MIN}-{P_MAX} characters</li></ul>"
    assert len(verify_html(f"<p>The password must be:</p>{items}", "x")) == 1
    assert len(verify_html(f"<p>The username must be:</p>{items}", "x")) == 1  # 40 is the max
    assert verify_html(f"<p>Your client code may be:</p>{items}", "x") == []
    after = f"<p>Passwords must be:</p><p>Client codes are up to {P_MAX + 10} characters.</p>"
    assert verify_html(after, "x") == []


def test_legal_style_number_reads_as_its_figure_and_the_figure_counts():
    assert verify_html(f"<p>Passwords need at least fourteen ({P_MIN}) characters.</p>", "x") == []
    assert verify_html(f"<p>Passwords need at least eight ({P_MIN}) characters.</p>", "x") == []
    (found,) = verify_html(f"<p>Passwords need at least fourteen ({OLD_MIN}) characters.</p>", "x")
    assert found.says == f"password at least {OLD_MIN} characters"


def test_run_together_bullets_are_separate_sentences():
    # Read as one sentence, the "Not" of the first item would cancel the second item's number.
    text = "Your password must: • Not include your username • Contain at least one number"
    found = {m.rule_id for m in verify_text(text, "x.txt")}
    assert found == {"password.username", "password.digit"}


def test_a_cmecf_password_rule_is_read_as_a_pacer_password_rule():
    (found,) = verify_html(f"<p>CM/ECF passwords must be at least {OLD_MIN} characters.</p>", "x")
    assert found.rule_id == "password.length"


def test_digit_or_special_is_reported_as_replacing_the_special_character():
    (found,) = verify_html("<p>Passwords need at least one digit or special character.</p>", "x")
    assert found.rule_id == "password.special"
    assert found.expected == "a special character is required"


@pytest.mark.parametrize("months, flagged", [(DAYS // 30, False), (DAYS // 60, True)])
def test_months_are_read_as_days(months, flagged):
    found = verify_html(f"<p>Change your password every {months} months.</p>", "x")
    assert bool(found) == flagged


def test_a_lead_in_does_not_carry_to_the_next_pdf_page():
    from checker.verify import check_passages, text_passages

    pages = [["Password rules:"], [f"- {OLD_MIN}-{P_MAX} characters"]]
    found = [
        m
        for number, lines in enumerate(pages, 1)
        for m in check_passages(text_passages(lines, page=number), "g.pdf", NEW, unit="page")
    ]
    assert found == []
    joined = text_passages(pages[0] + pages[1], page=1)
    assert [m.location for m in check_passages(joined, "g.pdf", NEW, unit="page")] == [1]


def test_markdown_fences_are_not_prose():
    text = f"```\nPasswords must be {OLD_MIN}-{P_MAX} characters.\n```\n"
    assert verify_text(text, "x.md") == []
    assert len(verify_text(text.replace("```\n", "", 1).replace("```", ""), "x.md")) == 1


def test_seeds_agree_with_the_rule_set_they_were_written_for():
    from checker.verify import verify_paths

    seeds = str(Path(__file__).resolve().parent.parent / "seeds")
    old = verify_paths([seeds], "pacer-2021")
    assert old.mismatches == [] and len(old.files) >= 5
    new = verify_paths([seeds], "pacer-2025")
    assert {m.rule_id for m in new.mismatches} >= {"password.length", "password.username"}


@pytest.mark.parametrize(
    "legal, plain",
    [
        ("between eight (8) and forty-five (45) characters", "between 8 and 45 characters"),
        ("one hundred eighty (180) days", "180 days"),
        ("the same character three (3) times", "the same character 3 times"),
        ("8 (eight) characters", "8 characters"),
        ("call (800) 676-6856 monday through friday", "call (800) 676-6856 monday through friday"),
        ("see rule (3) of the order", "see rule (3) of the order"),
    ],
)
def test_legal_style_normalisation(legal, plain):
    from checker.verify import normalise

    assert normalise(legal) == plain
