"""Rule shortcodes: rendered from the records, marked with their rule set, left alone in code."""

from __future__ import annotations

import re

import markdown
import pytest
from builds import ROOT

from checker import RULESETS
from checker.site.markdown.extension import expand
from checker.site.markdown.fences import code_lines, fences


def html(text: str) -> str:
    return markdown.markdown(text, extensions=["checker.site.markdown.extension", "tables"])


def test_rule_and_param_render_from_the_record():
    rule = RULESETS["pacer-2021"].rule("password.length")
    out = html("<!-- pacer:rule password.length ruleset=pacer-2021 --> and "
               "<!-- pacer:param password.length.max ruleset=pacer-2021 -->")
    assert rule.text() in out
    assert f'data-ruleset="pacer-2021">{rule.params["max"]}</span>' in out


def test_param_reaches_the_facts_of_the_rule_set():
    fact = next(f for f in RULESETS["pacer-2025"].facts if f.id == "password-change")
    out = html("Every <!-- pacer:param password-change.days --> days.")
    assert '<span data-param="password-change.days" data-ruleset="pacer-2025">' in out
    assert f'>{fact.params["days"]}</span>' in out


def test_block_shortcodes_list_every_rule():
    out = html("Intro.\n\n<!-- pacer:rules-table -->\n")
    for rule in RULESETS["pacer-2025"].rules:
        assert rule.text() in out
    assert "<table data-rules-table" in out and "<p>Intro.</p>" in out


def test_shortcodes_in_code_fences_are_left_as_written():
    text = "```md\n<!-- pacer:rule password.length -->\n```\n\n<!-- pacer:rule password.length -->"
    expanded = expand(text)
    assert expanded.startswith("```md\n<!-- pacer:rule password.length -->\n```")
    assert expanded.count("data-rule=") == 1


def test_shortcodes_in_inline_code_are_left_as_written():
    text = (
        "| `<!-- pacer:rules -->` | a list | and ``<!-- pacer:rule x -->`` |"
        " <!-- pacer:rule password.length -->"
    )
    expanded = expand(text)
    assert "`<!-- pacer:rules -->`" in expanded and "``<!-- pacer:rule x -->``" in expanded
    assert expanded.count("data-rule=") == 1


def test_code_lines_mark_fences_and_their_contents():
    lines = ["a", "~~~~", "```", "~~~", "~~~~", "b", "    ```py", "c", "    ```"]
    assert code_lines(lines) == [False, True, True, True, True, False, True, True, True]


EDITOR_COMMENTS = (
    "<!-- a note for editors -->",
    "<!-- rule of thumb: keep sentences short -->",
    "<!-- rules for editors -->",
    "<!-- widget goes here later -->",
)


@pytest.mark.parametrize("comment", EDITOR_COMMENTS)
def test_ordinary_comments_stay_comments(comment):
    # Only comments that start with "pacer:" are shortcodes.
    assert expand(comment) == comment
    assert comment in html(f"Text.\n\n{comment}\n")


def test_an_unknown_pacer_shortcode_names_its_line_and_the_known_names():
    with pytest.raises(ValueError) as caught:
        expand("Intro.\n\nMore.\n<!-- pacer:rul password.length -->")
    message = str(caught.value)
    assert message.startswith("line 4: unknown shortcode")
    assert "pacer:rule, pacer:param" in message


@pytest.mark.parametrize(
    "shortcode, message",
    [
        ("<!-- pacer:rule password.colour -->", "unknown rule 'password.colour'"),
        ("<!-- pacer:param password.length.avg -->", "has no parameter 'avg'"),
        ("<!-- pacer:rules ruleset=pacer-1999 -->", "valid names"),
        ("<!-- pacer:court planet -->", "unknown court key 'planet'"),
        ("<!-- pacer:rule -->", "bad shortcode"),
    ],
)
def test_bad_shortcodes_fail_loudly(shortcode, message):
    with pytest.raises(ValueError, match=message):
        expand(shortcode)


def test_a_fence_opened_inside_a_fence_is_content():
    # CommonMark: "```py" inside a ``` block is text; the block ends at the next bare ```.
    lines = ["```md", "```py", "x", "```", "after", "```"]
    assert code_lines(lines) == [True, True, True, True, False, True]
    assert [fence.body for fence in fences(lines)] == [("```py", "x"), ()]


def test_a_closing_fence_must_match_the_opening_one():
    lines = ["````", "```", "~~~~", "````", "text"]
    assert code_lines(lines) == [True, True, True, True, False]
    unclosed = ["~~~", "a", "```"]
    assert code_lines(unclosed) == [True, True, True]


def test_the_checker_reference_lists_every_shortcode():
    from checker.site.markdown.extension import SHORTCODES

    reference = (ROOT / "docs" / "reference" / "checker.md").read_text()
    missing = [name for name in SHORTCODES if f"`<!-- pacer:{name}" not in reference]
    assert missing == []


def test_the_checker_reference_lists_every_command_of_both_command_lines():
    from checker.cli import build_parser as core
    from checker.site.cli import build_parser as site

    reference = (ROOT / "docs" / "reference" / "checker.md").read_text()
    rows = set(re.findall(r"^\| `([a-z-]+)[ `]", reference, flags=re.MULTILINE))
    for parser in (core(), site()):
        (commands,) = [a for a in parser._actions if a.dest == "command"]
        missing = sorted(set(commands.choices) - rows)
        assert missing == [], f"{parser.prog}: not in the reference: {missing}"
