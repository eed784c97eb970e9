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


def test_numbered_steps_after_a_bulleted_list_are_not_led_by_its_lead_in():
    # A PDF has no blank lines: a drawing's note box, then the step printed under it.
    led = "The password cannot have:\n- any part of your username\n"
    assert verify_text(led + "1. Enter a new username in Username.\n", "k.pdf") == []
    # Bullets after bullets stay led (the whole username is not the rule: any part of it is).
    stale = "- your username\n"
    assert [m.rule_id for m in verify_text(led + stale, "k.pdf")] == ["password.username"]
    # So do numbered items after a bulleted item that leads them.
    sub = "The new password:\n- must not contain:\n1. your username\n"
    assert [m.rule_id for m in verify_text(sub, "k.pdf")] == ["password.username"]


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

    seeds = str(Path(__file__).resolve().parents[2] / "seeds")
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


# Forms read as people mean them (issue 18): one test per decision in checker.verify.statements
# and checker.verify.passages ------------------------------------------------------------------

def ids(html: str, ruleset: str = "pacer-2025") -> list[str]:
    return sorted(m.rule_id for m in verify_html(html, "x.html", ruleset))


def text_ids(text: str, ruleset: str = "pacer-2025") -> list[str]:
    return sorted(m.rule_id for m in verify_text(text, "x.txt", ruleset))


def test_a_change_notice_states_the_new_value_and_names_the_old_as_the_past():
    notice = f"<p>The password minimum will increase from {OLD_MIN} to {P_MIN} characters.</p>"
    assert ids(notice) == []
    assert ids(notice, "pacer-2021") == ["password.length"]  # 14 is not the old rule's minimum


@pytest.mark.parametrize(
    "html",
    [
        f"<p>Previously, a password had to be at least {OLD_MIN} characters. Now it must be at "
        f"least {P_MIN} characters.</p>",  # and "it" takes the subject of the sentence before
        f"<p>Passwords of {OLD_MIN} to {P_MIN - 1} characters are no longer accepted.</p>",
        f"<p>The old {OLD_MIN}-{P_MAX} character password rule will be replaced by a "
        f"{P_MIN}-{P_MAX} character rule.</p>",
        f"<p>Passwords must be at least <del>{OLD_MIN}</del> <ins>{P_MIN}</ins> characters.</p>",
    ],
)
def test_values_named_as_the_past_are_not_statements(html):
    assert ids(html) == []


def test_a_table_dated_by_its_columns_is_read_by_its_latest_column():
    table = (
        "<table><tr><th>PACER password</th><th>Until August 24, 2025</th>"
        "<th>From August 25, 2025</th></tr>"
        "<tr><td>Minimum length</td><td>{old} characters</td><td>{new} characters</td></tr></table>"
    )
    assert ids(table.format(old=OLD_MIN, new=P_MIN)) == []
    assert ids(table.format(old=P_MIN, new=OLD_MIN)) == ["password.length"]
    years = "| Password rule | 2021 | 2025 |\n| --- | --- | --- |\n| Length | {} | {} |\n"
    old, new = f"{OLD_MIN}-{P_MAX} characters", f"{P_MIN}-{P_MAX} characters"
    assert text_ids(years.format(old, new)) == []
    assert text_ids(years.format(new, old)) == ["password.length"]


def test_a_dated_list_item_in_the_past_is_not_read():
    items = f"PACER password length:\n- Through August 24, 2025: {OLD_MIN}-{P_MAX} characters\n"
    assert text_ids(items) == []
    assert text_ids(items.replace("Through", "Effective")) == ["password.length"]


def test_a_question_heading_gives_its_answer_a_subject():
    page = "<h2>How long must my PACER password be?</h2><p>At least {} characters.</p>"
    assert ids(page.format(P_MIN)) == []
    assert ids(page.format(OLD_MIN)) == ["password.length"]
    assert text_ids(f"Q: What does my new password need?\nA: At least {OLD_MIN} characters.") == [
        "password.length"
    ]  # fmt: skip


@pytest.mark.parametrize(
    "html, found",
    [
        ("<dl><dt>Maximum Password Age</dt><dd>90 days</dd></dl>", ["password-change"]),
        (f"<dl><dt>Maximum Password Age</dt><dd>{DAYS} days</dd></dl>", []),
        (f"<p>Minimum password length: {OLD_MIN}</p>", ["password.length"]),
        (f"<p>Password length &gt;= {OLD_MIN}</p>", ["password.length"]),
        (f"<p>Your password must:</p><ul><li>Have a length of at least {OLD_MIN}</li></ul>",
         ["password.length"]),
        ("<dl><dt>Password</dt><dd>Minimum number of numeric digits: 1</dd></dl>",
         ["password.digit"]),
        ("<table><tr><td>Client code</td><td>up to 32 characters</td></tr></table>", []),
    ],
)
def test_labels_and_values_are_read_together(html, found):
    assert ids(html) == found


def test_label_lines_of_a_text_file_are_sentences_of_their_own():
    lines = "Password policy:\nMinimum password length: 16\nPassword expiration: 90 days\n"
    assert text_ids(lines) == ["password-change", "password.length"]
    assert text_ids("Minimum age to reuse a password: 4 days\n") == []


@pytest.mark.parametrize(
    "sentence, says",
    [
        (f"must be at least {P_MIN} and no more than {P_MAX + 5} characters", "14-50"),
        (f"needs a minimum of {OLD_MIN} characters and a maximum of {P_MAX}", "8-45"),
        (f"must contain more than {P_MIN - 1} characters", None),
        (f"must contain more than {OLD_MIN} characters", f"at least {OLD_MIN + 1}"),
        (f"cannot exceed {P_MAX + 1} characters", f"at most {P_MAX + 1}"),
        (f"less than {P_MIN} characters are not allowed", None),
        (f"must consist of {OLD_MIN} to {P_MAX} alphanumeric characters", f"{OLD_MIN}-{P_MAX}"),
    ],
)
def test_pairs_comparisons_and_adjectives(sentence, says):
    found = verify_html(f"<p>Your password {sentence}.</p>", "x")
    assert [m.says for m in found] == ([f"password {says} characters"] if says else [])


@pytest.mark.parametrize(
    "html",
    [
        f"<p>Your password must be at least {P_MIN} characters, though we recommend at least "
        f"{P_MIN + 6}.</p>",
        f"<p>Tips: Use a password manager. Set a password of at least {P_MIN + 2} characters.</p>",
        "<p>The maximum password length should be at least 64 characters.</p>",
        f"<p>Poor passwords have these traits:</p><ul><li>Contain less than {OLD_MIN} "
        "characters.</li></ul>",
        "<p>Passwords must not be derived from any part of your full name which is 3 or more "
        "characters in length.</p>",
    ],
)
def test_advice_bounds_on_bounds_and_other_lengths_are_not_rules(html):
    assert "password.length" not in ids(html)


@pytest.mark.parametrize(
    "sentence, flagged",
    [
        ("Up to 3 identical characters may appear consecutively.", True),
        ("At most 2 identical characters can appear consecutively.", False),
        ("Passwords with 4 or more identical characters in a row are rejected.", True),
        ("No more than 2 consecutive repeated characters.", False),
        ("No character may be repeated more than twice in succession.", False),
        ("The password has four consecutive repeating characters (SssS).", False),
    ],
)
def test_repeats_as_people_write_them(sentence, flagged):
    assert (ids(f"<p>Password rule: {sentence}</p>") == ["password.repeat"]) is flagged


@pytest.mark.parametrize(
    "html, found",
    [
        ("<p>Your password must contain at least 1 digit (0-9).</p>", ["password.digit"]),
        ("<p>Your password must contain one of each of the following:</p><ul><li>Number (0-9)"
         "</li></ul>", ["password.digit"]),
        ("<p>Your password: numbers are optional.</p>", []),
        ("<p>Your password must be alphanumeric only.</p>", ["password.special"]),
        ("<p>Your password cannot contain spaces or special characters.</p>",
         ["password.special"]),
        ("<p>Your password must not contain any of these special characters: &lt; &gt;</p>", []),
        ("<p>In your password, symbols are optional.</p>", ["password.special"]),
        ("<p>Your password needs at least one number or symbol.</p>", ["password.special"]),
        ("<p>A space is not a special character in a password.</p>", []),
        ("<p>Your password can include only the following:</p><ol><li>Letters</li>"
         "<li>Numbers</li></ol>", ["password.special"]),
        ("<p>Password rules: required: lower; allowed: digit;</p>", []),
    ],
)
def test_character_classes(html, found):
    assert ids(html) == found


@pytest.mark.parametrize(
    "sentence, flagged",
    [
        ("Passwords expire after 90 days.", True),
        (f"Passwords expire in {DAYS} days by default.", False),
        ("Passwords are to be changed yearly.", True),
        ("PACER passwords no longer expire.", True),
        ("You cannot use your last 15 passwords or repeat the same one every 60 days.", False),
        ("A password expires after 90 days of issue, or 45 days with no login.", True),
        ("Minimum password age: 1 days.", False),
        ("If you don't change your password for 90 days, you must change it.", True),
    ],
)
def test_change_intervals_as_people_write_them(sentence, flagged):
    assert (ids(f"<p>{sentence}</p>") == ["password-change"]) is flagged


def test_a_passage_that_states_a_rule_wrongly_twice_is_reported_once():
    twice = "<p>A password must be renewed every 90 days. Passwords expire at 85 days.</p>"
    assert ids(twice) == ["password-change"]
    two = "<p>Passwords expire after 90 days.</p><p>Passwords expire at 85 days.</p>"
    assert len(ids(two)) == 2


def test_a_rule_under_requirements_with_no_subject_is_the_passwords():
    table = (
        "<table><tr><th>Old requirement</th><th>New requirement</th></tr>"
        f"<tr><td>At least {P_MIN} characters</td><td>At least {OLD_MIN} characters</td></tr>"
        "</table>"
    )
    assert ids(table) == ["password.length"]
    assert ids(f"<p>At least {OLD_MIN} characters.</p>") == []  # no subject, no requirement
