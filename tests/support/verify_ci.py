"""What the tests of the verifier's CI formats and wrappers share (tests/verify/test_verify_*):
a court's folder with known findings, the command line, and an outcome with passages to review
(made by hand, so a format's test does not wait on which passages the readers review)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from live_site import STALE, two_page_pdf

from checker.verify.findings import Mismatch, Outcome, Review

ROOT = Path(__file__).resolve().parents[2]
# Python as a user runs it: this machine's environment sets PYTHONUNBUFFERED; no GitHub variables.
ENV = {key: value for key, value in os.environ.items()
       if key != "PYTHONUNBUFFERED" and not key.startswith("GITHUB_")}  # fmt: skip


def verify(*args: str, cwd: Path | None = None, env: dict | None = None):
    """``python -m checker verify ARGS`` run in ``cwd``."""
    return subprocess.run(
        [sys.executable, "-m", "checker", "verify", *args],
        capture_output=True, text=True, timeout=120, cwd=cwd, env={**ENV, **(env or {})},
    )  # fmt: skip


# What pip needs to install the package (pyproject.toml's readme is README.md), and the wrappers.
PACKAGE = ("checker/", "pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml",
           "action.yml")  # fmt: skip


def package_copy(folder: Path) -> Path:
    """This checkout's package and wrappers as they are now (uncommitted changes too), copied to
    ``folder``: pip builds a local folder in place, and must not write into the checkout."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.splitlines()  # fmt: skip
    for name in listed:
        if name.startswith(PACKAGE) and (ROOT / name).is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, folder / name)
    return folder


def court_folder(root: Path) -> Path:
    """A court's folder: the stale sentence on line 3 of an HTML page, on line 5 of a Markdown
    guide and on page 2 of a PDF, and a clean page."""
    (root / "news").mkdir(parents=True)
    (root / "news" / "passwords.html").write_text(f"<html>\n<body>\n<p>{STALE}</p>\n</body>")
    (root / "guide.md").write_text(f"# Upgrade\n\nStep one.\n\n- {STALE}\n")
    (root / "index.htm").write_text("<p>Welcome to the court.</p>")
    (root / "print.pdf").write_bytes(two_page_pdf(["Upgrade your account"], ["Step 7.", STALE]))
    return root


# Files of court_folder, as named when it is verified from inside ("."), and where each finding is.
FILES = ["guide.md", "index.htm", "news/passwords.html", "print.pdf"]
STALE_AT = {"guide.md": ("line", 5), "news/passwords.html": ("line", 3), "print.pdf": ("page", 2)}


def outcome_with_reviews() -> Outcome:
    """Two files read: one with a mismatch and a review of a known kind, one with a review of
    no kind; one more file could not be read."""
    return Outcome(
        "pacer-2025",
        files=["a.html", "b.pdf"],
        mismatches=[Mismatch("a.html", STALE, "password 8-20 characters",
                             "password 14-45 characters", "password.length", 3)],
        reviews=[
            Review("a.html", "Do not repeat a character more than 2 times.", "a repeat word",
                   "repeat", 7),
            Review("b.pdf", "PACER password: 12 letters.", "a number with a unit", "", 2, "page"),
        ],
        unreadable=[("c.pdf", "not a PDF")],
        suppressed=2,
        stale_baseline=["d.md: Passwords expire every 90 days."],
    )  # fmt: skip
