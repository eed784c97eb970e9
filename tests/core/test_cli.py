"""The ``python -m checker`` contract: output shape, exit codes and every bad-input path."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from checker import RULESETS
from checker.engine import MAX_FIELD_LENGTH
from checker.export import export

CHECKER = [sys.executable, "-m", "checker"]


def run(*args: str, stdin: str | bytes = "") -> subprocess.CompletedProcess:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    return subprocess.run([*CHECKER, *args], input=data, capture_output=True, timeout=60)


def test_ok_password_exits_0_with_every_rule():
    result = run("check", stdin='{"password":"Tr1cky!Passw0rdz"}')
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["ruleset"] == "pacer-2025" and out["ok"] is True
    assert list(out["rules"]) == list(RULESETS["pacer-2025"].rule_ids)
    assert result.stderr == b""


def test_short_password_fails_by_default_and_passes_2021():
    failed = run("check", stdin='{"password":"Short!Aa1"}')
    assert failed.returncode == 1
    assert json.loads(failed.stdout)["rules"]["password.length"] == "fail"
    passed = run("check", "--ruleset", "pacer-2021", stdin='{"password":"Short!Aa1"}')
    assert passed.returncode == 0
    assert json.loads(passed.stdout) == {
        "ruleset": "pacer-2021",
        "ok": True,
        "rules": json.loads(passed.stdout)["rules"],
    }


def test_all_fields_and_unicode_round_trip():
    fields = {
        "username": "jdoe_firm", "password": "J\u00e9!\U0001f600Aa" * 3, "confirm": "x",
        "first_name": "Jane", "last_name": "Doe", "email": "jane@lawfirm.example",
    }
    result = run("check", stdin=json.dumps(fields))
    assert result.returncode == 1
    assert json.loads(result.stdout)["rules"]["password.confirm"] == "fail"


@pytest.mark.parametrize(
    "stdin, args, expected",
    [
        ("not json", (), "not JSON"),
        ("", (), "not JSON"),
        ("[1, 2]", (), "one JSON object, not list"),
        ('"password"', (), "one JSON object, not str"),
        ('{"password": 12}', (), "field 'password' must be a string, not int"),
        ('{"password": null}', (), "field 'password' must be a string"),
        ('{"pass": "x"}', (), "unknown field 'pass'"),
        ("{}", ("--ruleset", "pacer-1999"), "valid names: pacer-2021, pacer-2025"),
        (b"\xff\xfe", (), "not valid UTF-8"),
        ("{}", ("--password", "x"), "unrecognized arguments"),
        (
            json.dumps({"email": "x" * (1 << 20)}),
            (),
            f"field 'email' is {1 << 20:,} characters long; the limit is {MAX_FIELD_LENGTH:,}",
        ),
    ],
)
def test_bad_input_exits_2_with_one_line(stdin, args, expected):
    result = run("check", *args, stdin=stdin)
    assert result.returncode == 2
    assert result.stdout == b""
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and expected in lines[0], lines


def test_unknown_command_and_missing_command_exit_2():
    assert run("guess").returncode == 2
    assert run().returncode == 2


def test_rules_text_names_every_rule_of_both_sets():
    result = run("rules")
    assert result.returncode == 0
    text = result.stdout.decode()
    for ruleset in RULESETS.values():
        for rule in ruleset.rules:
            assert rule.text() in text


def test_rules_json_is_the_export():
    result = run("rules", "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout) == json.loads(json.dumps(export()))
    one = json.loads(run("rules", "--ruleset", "pacer-2021", "--json").stdout)
    assert list(one["rulesets"]) == ["pacer-2021"]


def test_rules_unknown_ruleset_exits_2():
    result = run("rules", "--ruleset", "nope")
    assert result.returncode == 2 and b"valid names" in result.stderr


def test_interactive_refuses_without_a_terminal():
    result = run("interactive", stdin="")
    assert result.returncode == 2 and b"needs a terminal" in result.stderr


def test_interactive_hides_the_password_at_a_terminal(tmp_path):
    pexpect = pytest.importorskip("pexpect", reason="pexpect drives a real terminal")
    child = pexpect.spawn(sys.executable, ["-m", "checker", "interactive"], encoding="utf-8")
    answers = ["jdoe_firm", "Tr1cky!Passw0rdz", "Tr1cky!Passw0rdz", "Jane", "Doe", ""]
    for answer in answers:
        child.expect(": ")
        child.sendline(answer)
    child.expect(pexpect.EOF)
    child.close()
    assert "All rules pass." in child.before
    assert "Tr1cky!Passw0rdz" not in child.before  # getpass does not echo
    assert child.exitstatus == 0


def test_an_unexpected_error_is_one_line_and_exit_2(capsys, monkeypatch):
    """A bug of ours reaches the user as one line (exit 2, never 1, which means a mismatch)."""
    from checker import cli

    def broken(args):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setitem(cli._COMMANDS, "rules", broken)
    assert cli.main(["rules"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error: ZeroDivisionError" in err
    monkeypatch.setenv("PACER_CHECKER_TRACEBACK", "1")
    with pytest.raises(ZeroDivisionError):
        cli.main(["rules"])
