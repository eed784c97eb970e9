"""``COURT`` in the Makefile (issue 26): never read as code by make or the shell, and a value that
is not one court's id stops ``make`` with exit 2 before a build or kit starts."""

from __future__ import annotations

import os
import subprocess

import pytest
from builds import ROOT


def make(target: str, court: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "COURT": court}
    return subprocess.run(
        ["make", "-s", target], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )


@pytest.mark.parametrize("target", ["kit", "build", "generate"])
@pytest.mark.parametrize(
    "court",
    ["mnd;touch {mark};echo", "$(shell touch {mark})", "mnd`touch {mark}`", "mnd dcd", "zz"],
    ids=["semicolon", "make function", "backticks", "two ids", "unknown id"],
)
def test_a_court_that_is_not_one_id_stops_make_before_anything_runs(tmp_path, target, court):
    mark = tmp_path / "ran"
    given = court.format(mark=mark)
    result = make(target, given)
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"make: COURT={given!r} is not a court id" in result.stderr
    assert not mark.exists()
    assert "Traceback" not in result.stderr


def test_a_known_court_id_passes_the_check():
    result = make("court-id", "mnd")
    assert result.returncode == 0, result.stderr
