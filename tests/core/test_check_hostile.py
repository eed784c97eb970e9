"""``python -m checker check`` on input built to break it (issue 26): one line on stderr and exit
2 for any bad input or a closed stream, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def check(stdin: bytes, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "checker", "check"], input=stdin, capture_output=True,
        timeout=60, **kwargs,
    )  # fmt: skip


@pytest.mark.parametrize(
    "stdin, message",
    [
        (b"[" * 100_000 + b"]" * 100_000, "stdin is not JSON: nested deeper than"),
        (b'{"password": ' + b"1" * 5000 + b"}", "stdin is not JSON: a number of more than"),
        (b'{"password": "a", "password": "b"}', "stdin: key 'password' appears twice"),
        (b'{"password": 1e999999}', "field 'password' must be a string"),
        (b'{"password": "\\ud800"}', "field 'password' is not valid Unicode"),
    ],
    ids=["deep nesting", "huge integer", "duplicate key", "huge float", "lone surrogate"],
)
def test_bad_json_is_one_line_and_exit_2(stdin, message):
    result = check(stdin)
    assert result.returncode == 2, result.stderr
    assert result.stdout == b"" and result.stderr.count(b"\n") == 1
    assert message in result.stderr.decode(), result.stderr


def test_a_closed_stdout_is_one_line_and_exit_2():
    result = subprocess.run(
        [sys.executable, "-m", "checker", "check"], input=b'{"password": "x"}',
        capture_output=True, timeout=60,
        preexec_fn=lambda: os.close(1),
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.decode().startswith("checker: error: cannot write the report")
    assert result.stderr.count(b"\n") == 1


def test_a_stdout_whose_reader_went_away_is_one_line_and_exit_2():
    read, write = os.pipe()
    os.close(read)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "checker", "check"], input=b'{"password": "x"}',
            stdout=write, stderr=subprocess.PIPE, timeout=60,
        )  # fmt: skip
    finally:
        os.close(write)
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert result.stderr.decode().startswith("checker: error: cannot write the report")
