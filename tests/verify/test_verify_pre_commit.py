"""The pre-commit hook (.pre-commit-hooks.yaml), run as a user tries it: ``pre-commit try-repo``
on a court's git repository. A stale page fails the hook, a current one passes, and a file type
verify does not read is never handed to it.

pre-commit installs this repository (a Python hook) into a virtualenv of its own with pip: the
package from the local copy, its dependencies from PyPI. The copy is this checkout's package files
as they are now (changes not yet committed too), committed once in a temporary repository, so both
runs share one installation.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from live_site import STALE
from verify_ci import ENV, ROOT, package_copy

from checker import RULESETS

NEW = RULESETS["pacer-2025"].rule("password.length").params
CURRENT = f"Your password must be {NEW['min']}-{NEW['max']} characters long."
GIT = {**ENV, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
       "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
       "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}  # fmt: skip


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, env=GIT, check=True, capture_output=True)


def commit_all(folder: Path) -> None:
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "fixture")


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    """This checkout's package and hook definition, committed in a repository of their own."""
    repo = package_copy(tmp_path_factory.mktemp("hook-repo"))
    commit_all(repo)
    return repo


def try_repo(court: Path, hook_repo: Path, home: Path, *files: str):
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "pacer-checker",
         "--verbose", "--files", *files],
        cwd=court, env={**GIT, "PRE_COMMIT_HOME": str(home)}, capture_output=True, text=True,
        timeout=600,
    )  # fmt: skip


def test_the_hook_definition():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "pacer-checker"
    assert hook["entry"] == "pacer-checker verify" and hook["language"] == "python"
    assert set(hook["types_or"]) == {"html", "markdown", "pdf", "plain-text"}


def test_try_repo_fails_a_stale_page_and_passes_a_current_one(tmp_path, hook_repo):
    court = tmp_path / "court"
    (court / "guides").mkdir(parents=True)
    (court / "guides" / "current.md").write_text(f"# Passwords\n\n{CURRENT}\n")
    (court / "guides" / "stale.html").write_text(f"<html>\n<body>\n<p>{STALE}</p>\n</body>")
    (court / "notes.markdown").write_text(f"{STALE}\n")  # verify reads .md, not .markdown
    (court / "build.py").write_text(f"# {STALE}\n")  # text, but not a page
    commit_all(court)
    home = tmp_path / "pre-commit-home"

    current = try_repo(court, hook_repo, home, "guides/current.md", "build.py")
    assert current.returncode == 0, current.stdout + current.stderr
    assert "PACER rule statements" in current.stdout and "Passed" in current.stdout
    assert "1 file agrees with pacer-2025" in current.stdout

    stale = try_repo(court, hook_repo, home, "guides/current.md", "guides/stale.html")
    assert stale.returncode == 1, stale.stdout + stale.stderr
    assert "Failed" in stale.stdout
    assert f"guides/stale.html:3: {STALE}" in stale.stdout

    others = try_repo(court, hook_repo, home, "notes.markdown", "build.py")
    assert others.returncode == 0, others.stdout + others.stderr
    assert "(no files to check)Skipped" in others.stdout
