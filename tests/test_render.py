"""Rule shortcodes: rendered from the records, marked with their rule set, left alone in code."""

from __future__ import annotations

import markdown
import pytest

from checker import RULESETS
from checker.fences import code_lines
from checker.markdown_ext import expand


def html(text: str) -> str:
    return markdown.markdown(text, extensions=["checker.markdown_ext", "tables"])


def test_rule_and_param_render_from_the_record():
    rule = RULESETS["pacer-2021"].rule("password.length")
    out = html("<!-- rule password.length ruleset=pacer-2021 --> and "
               "<!-- param password.length.max ruleset=pacer-2021 -->")
    assert rule.text() in out
    assert f'data-ruleset="pacer-2021">{rule.params["max"]}</span>' in out


def test_block_shortcodes_list_every_rule():
    out = html("Intro.\n\n<!-- rules-table -->\n")
    for rule in RULESETS["pacer-2025"].rules:
        assert rule.text() in out
    assert "<table data-rules-table" in out and "<p>Intro.</p>" in out


def test_shortcodes_in_code_fences_are_left_as_written():
    text = "```md\n<!-- rule password.length -->\n```\n\n<!-- rule password.length -->"
    expanded = expand(text)
    assert expanded.startswith("```md\n<!-- rule password.length -->\n```")
    assert expanded.count("data-rule=") == 1


def test_code_lines_mark_fences_and_their_contents():
    lines = ["a", "~~~~", "```", "~~~", "~~~~", "b", "    ```py", "c", "    ```"]
    assert code_lines(lines) == [False, True, True, True, True, False, True, True, True]


def test_ordinary_comments_stay_comments():
    assert expand("<!-- a note for editors -->") == "<!-- a note for editors -->"


@pytest.mark.parametrize(
    "shortcode, message",
    [
        ("<!-- rule password.colour -->", "unknown rule 'password.colour'"),
        ("<!-- param password.length.avg -->", "has no parameter 'avg'"),
        ("<!-- rules ruleset=pacer-1999 -->", "valid names"),
        ("<!-- court planet -->", "unknown court key 'planet'"),
        ("<!-- rule -->", "bad shortcode"),
    ],
)
def test_bad_shortcodes_fail_loudly(shortcode, message):
    with pytest.raises(ValueError, match=message):
        expand(shortcode)
