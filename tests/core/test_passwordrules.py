"""The passwordrules export: derived from the records, and true to them under Apple's semantics.

The generator below reads the string the way a password manager does (Apple's
password-manager-resources: named classes ``lower``, ``upper``, ``digit``, ``special``; custom
classes in brackets; ``allowed`` adds to the required classes) and draws passwords that honor it.
Every such password must pass the checker for the same rule set.
"""

from __future__ import annotations

import string
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from checker import RULESETS, check, get_ruleset
from checker.passwordrules import character_class, passwordrules

# Apple's named classes; "special" is every printable ASCII character that is not a letter or a
# digit, the space included (tools/PasswordRulesParser.js).
APPLE_CLASSES = {
    "lower": string.ascii_lowercase,
    "upper": string.ascii_uppercase,
    "digit": string.digits,
    "special": " " + string.punctuation,
    "ascii-printable": " " + string.digits + string.ascii_letters + string.punctuation,
}


def parse(rules: str) -> dict:
    """minlength, maxlength, max-consecutive, required (list of strings), allowed (string)."""
    parsed = {"required": [], "allowed": ""}
    for prop in filter(None, (p.strip() for p in split_properties(rules))):
        name, _, value = prop.partition(":")
        value = value.strip()
        if name in ("minlength", "maxlength", "max-consecutive"):
            parsed[name] = int(value)
        elif name == "required":
            parsed["required"].append(classes(value))
        elif name == "allowed":
            parsed["allowed"] += classes(value)
        else:
            raise AssertionError(f"unknown property {name!r}")
    return parsed


def split_properties(rules: str) -> list[str]:
    """Split on ';' outside brackets ('[' ... the last ']' before a ';' or the end)."""
    parts, current, depth = [], "", False
    for index, char in enumerate(rules):
        if char == "[" and not depth:
            depth = True
        elif char == "]" and depth and rules[index + 1 : index + 2] in (";", ",", ""):
            depth = False
        if char == ";" and not depth:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


def classes(value: str) -> str:
    if value.startswith("["):
        assert value.endswith("]"), value
        return value[1:-1]
    return "".join(APPLE_CLASSES[name.strip()] for name in value.split(","))


@st.composite
def passwords(draw, rules: str) -> str:
    """A password under ``rules``: its length, one of each required class, allowed characters
    only, and runs of the same character as long as max-consecutive allows (often that long, since
    runs are where an off-by-one would hide)."""
    spec = parse(rules)
    allowed = "".join(sorted(set("".join(spec["required"]) + spec["allowed"])))
    length = draw(st.integers(spec["minlength"], spec["maxlength"]))
    places = draw(st.permutations(range(length)))
    required_at = dict(zip(places, spec["required"], strict=False))
    limit = spec["max-consecutive"]
    chars: list[str] = []
    for index in range(length):
        pool = required_at.get(index, allowed)
        run = len(chars) - len("".join(chars).rstrip(chars[-1])) if chars else 0
        if chars and chars[-1] in pool and run < limit and draw(st.booleans()):
            chars.append(chars[-1])  # extend the run
            continue
        if run >= limit:
            pool = pool.replace(chars[-1], "")
        chars.append(draw(st.sampled_from(pool)))
    return "".join(chars)


def test_the_string_is_derived_from_the_records():
    rules = get_ruleset("pacer-2025")
    spec = parse(passwordrules(rules))
    length = rules.rule("password.length").params
    assert (spec["minlength"], spec["maxlength"]) == (length["min"], length["max"])
    assert spec["max-consecutive"] == rules.rule("password.repeat").params["run"] - 1
    special = rules.rule("password.special").params["chars"]
    assert sorted(spec["required"][2]) == sorted(special) and " " not in spec["required"][2]
    assert passwordrules(rules).endswith(";")


def test_character_class_grammar():
    assert character_class("zyxwvutsrqponmlkjihgfedcba") == "lower"
    assert character_class("]-a!") == "[-!a]]"
    assert character_class("0123456789") == "digit"


def test_the_cli_prints_the_string():
    result = subprocess.run(
        [sys.executable, "-m", "checker", "rules", "--ruleset", "pacer-2025", "--format",
         "passwordrules"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0 and result.stdout == passwordrules("pacer-2025") + "\n"


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_passwords_generated_under_the_string_pass_the_checker(data):
    name = data.draw(st.sampled_from(sorted(RULESETS)))
    password = data.draw(passwords(passwordrules(name)))
    report = check(password=password, ruleset=name)
    assert report.ok, (password, [r.rule_id for r in report.failures()])
