"""`python -m checker verify PATH...`: inputs, exit codes, the text, JSON and GitHub formats."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from checker import RULESETS

OLD = RULESETS["pacer-2021"].rule("password.length").params
STALE = f"Passwords must be {OLD['min']}-{OLD['max']} characters."
# ::error file=F,line=N,title=T::MESSAGE (GitHub's workflow command syntax)
# Python as a user runs it: stdout buffered (this machine's environment sets PYTHONUNBUFFERED).
BUFFERED = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
ANNOTATION = re.compile(r"^::error file=([^,:]+)(?:,line=(\d+))?,title=([^:]+)::(.+)$")


def verify(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "checker", "verify", *args],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@pytest.fixture
def court(tmp_path) -> Path:
    """A court's folder: an HTML page with a stale sentence on line 3, a text file, a clean page."""
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "passwords.html").write_text(f"<html>\n<body>\n<p>{STALE}</p>\n</body>")
    (tmp_path / "guide.md").write_text(f"# Upgrade\n\nStep one.\n\n- {STALE}\n")
    (tmp_path / "index.htm").write_text("<p>Welcome to the court.</p>")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG")
    return tmp_path


def test_text_names_file_and_line_and_exits_1(court):
    result = verify(str(court))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines == [
        f"{court.as_posix()}/guide.md:5: {STALE}: says password {OLD['min']}-{OLD['max']} "
        "characters, rule set says password 14-45 characters",
        f"{court.as_posix()}/news/passwords.html:3: {STALE}: says password "
        f"{OLD['min']}-{OLD['max']} characters, rule set says password 14-45 characters",
    ]
    assert "2 mismatch(es) in 3 files" in result.stderr


def test_single_files_and_rule_set(court):
    assert verify(str(court / "index.htm")).returncode == 0
    assert verify(str(court / "guide.md"), "--ruleset", "pacer-2021").returncode == 0
    assert verify(str(court / "guide.md"), str(court / "index.htm")).returncode == 1


def test_json_is_one_object_with_every_field(court):
    result = verify(str(court), "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["ruleset"] == "pacer-2025"
    assert sorted(Path(name).name for name in data["files"]) == [
        "guide.md", "index.htm", "passwords.html"
    ]  # fmt: skip
    first = data["mismatches"][0]
    assert set(first) == {"file", "location", "excerpt", "rule_id", "says", "expected"}
    assert first["file"].endswith("guide.md") and first["location"] == {"line": 5}
    assert (first["rule_id"], first["excerpt"]) == ("password.length", STALE)
    assert data["unreadable"] == []


def test_json_when_all_agree(court):
    result = verify(str(court / "index.htm"), "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["mismatches"] == []


def test_github_annotations_parse(court):
    result = verify(str(court), "--format", "github")
    assert result.returncode == 1
    parsed = [ANNOTATION.match(line) for line in result.stdout.splitlines()]
    assert len(parsed) == 2 and all(parsed)
    file, line, title, message = parsed[1].groups()
    assert file == f"{court.as_posix()}/news/passwords.html" and line == "3"
    assert title == "PACER rule password.length"
    assert message.startswith(STALE) and "pacer-2025 says password 14-45" in message


def test_github_escapes_newlines_and_percent(tmp_path):
    page = tmp_path / "a%b.txt"
    page.write_text(STALE)
    (line,) = verify(str(page), "--format", "github").stdout.splitlines()
    assert "a%25b.txt" in line and "\n" not in line


@pytest.mark.parametrize(
    "args, message",
    [
        (["missing-folder"], "missing-folder: no such file or folder"),
        (["{tmp}/notes.docx"], "notes.docx: not a file type verify reads"),
        (["{tmp}"], "no .html, .htm, .pdf, .txt, .md files"),
        (["{tmp}", "--format", "xml"], "invalid choice: 'xml'"),
        (["{tmp}", "--ruleset", "pacer-1999"], "valid names"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(tmp_path, args, message):
    (tmp_path / "notes.docx").write_bytes(b"PK")
    result = verify(*(arg.format(tmp=tmp_path) for arg in args))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("checker: error: ")
    assert message in result.stderr and "Traceback" not in result.stderr


def test_the_webmasters_page_shows_what_the_verifier_really_prints(tmp_path):
    """The outputs on docs/webmasters.md are the verifier's own, for the page they describe."""
    page = (Path(__file__).resolve().parents[2] / "docs" / "webmasters.md").read_text()
    (tmp_path / "help.html").write_text(
        "<html><body><h2>Password requirements</h2>\n"
        "<p>Your password must not contain your username.</p>\n</body></html>\n"
    )

    def output(form: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "checker", "verify", ".", "--format", form],
            capture_output=True, text=True, timeout=120, cwd=tmp_path,
        )  # fmt: skip
        assert result.returncode == 1, result.stderr
        return result.stdout.strip()

    assert output("text") in page
    assert output("github") in page
    [shown] = re.findall(r"```json\n(.*?)```", page, re.DOTALL)
    assert json.loads(shown) == json.loads(output("json"))


def test_each_mismatch_line_ends_before_the_summary(court):
    """stdout (the report) and stderr (the summary) meet on a terminal or in one log; stdout to a
    pipe is buffered unless the report is flushed before the summary is written."""
    merged = subprocess.run(
        [sys.executable, "-m", "checker", "verify", str(court)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=120, env=BUFFERED,
    )  # fmt: skip
    lines = merged.stdout.splitlines()
    assert merged.stdout.endswith("\n") and len(lines) == 3
    assert all(line.endswith("rule set says password 14-45 characters") for line in lines[:2])
    assert lines[2] == "2 mismatch(es) in 3 files"


def test_the_summary_starts_its_own_line_on_a_terminal(court):
    import pexpect

    child = pexpect.spawn(
        sys.executable, ["-m", "checker", "verify", str(court)], encoding="utf-8", timeout=60,
        env=BUFFERED,
    )  # fmt: skip
    output = child.read()
    child.close()
    assert child.exitstatus == 1
    assert "characters\r\n2 mismatch(es) in 3 files\r\n" in output
