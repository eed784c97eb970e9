"""``verify --format github`` with ``$GITHUB_STEP_SUMMARY`` set: every finding, not just the ten
annotations GitHub shows, appended to the step's summary as Markdown tables."""

from __future__ import annotations

import re

from live_site import STALE
from verify_ci import verify

from checker.verify.findings import Mismatch, Outcome, Review
from checker.verify.formats.step_summary import as_markdown

CELL_SPLIT = re.compile(r"(?<!\\)\|")


def rows(markdown: str) -> list[list[str]]:
    """The table rows (not the header or rule lines), split on unescaped pipes."""
    found = []
    for line in markdown.splitlines():
        if line.startswith("| ") and not line.startswith(("| Where", "| ---", "| File")):
            found.append([cell.strip() for cell in CELL_SPLIT.split(line)[1:-1]])
    return found


def test_every_finding_reaches_the_summary_beyond_ten(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    for number in range(12):
        (site / f"page{number:02}.md").write_text(f"# Page\n\n{STALE}\n")
    summary = tmp_path / "summary.md"
    summary.write_text("Earlier step output\n")
    result = verify(str(site), "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 1
    assert result.stdout.count("::error ") == 12
    text = summary.read_text()
    assert text.startswith("Earlier step output\n### PACER checker: 12 mismatch(es) in 12 files")
    found = rows(text)
    assert [row[0] for row in found] == [f"`{site.as_posix()}/page{n:02}.md:3`" for n in range(12)]
    assert all(len(row) == 4 for row in found)


def test_only_the_github_format_writes_the_summary(tmp_path):
    (tmp_path / "a.md").write_text(f"{STALE}\n")
    summary = tmp_path / "summary.md"
    summary.write_text("")
    assert verify(str(tmp_path / "a.md"), env={"GITHUB_STEP_SUMMARY": str(summary)}).returncode == 1
    assert summary.read_text() == ""
    clean = tmp_path / "b.md"
    clean.write_text("Welcome.\n")
    run = verify(str(clean), "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert run.returncode == 0
    assert summary.read_text() == "### PACER checker: 1 file agrees with pacer-2025\n"


def test_text_from_a_page_cannot_add_markup():
    hostile = "Passwords | must be [8](https://evil.example) <img src=x> *bold* `code` chars"
    outcome = Outcome(
        "pacer-2025",
        files=["a|b.html"],
        mismatches=[Mismatch("a|b.html", hostile, "says", "expected", "x", 2)],
        reviews=[Review("a|b.html", "line\nbreak `x`", "a number | with a unit")],
    )
    text = as_markdown(outcome, "1 mismatch(es) in 1 file")
    mismatch, review = rows(text)
    assert len(mismatch) == 4 and len(review) == 3
    assert mismatch[0] == r"`a\|b.html:2`"
    passage = mismatch[1]
    for mark in ("[", "]", "<", ">", "*", "`", "|"):
        assert all(passage[i - 1] == "\\" for i, c in enumerate(passage) if c == mark), mark
    assert review[1] == r"line break \`x\`"


def test_the_summary_stays_under_its_budget_and_says_what_it_left_out():
    outcome = Outcome("pacer-2025", files=["a.md"], mismatches=[
        Mismatch("a.md", f"{STALE} {n}", "x", "y", "password.length", n) for n in range(1, 201)
    ], limits=["stopped at a limit"])  # fmt: skip
    whole = as_markdown(outcome, "200 mismatch(es) in 1 file")
    assert len(rows(whole)) == 200 and "left out" not in whole
    budget = len(whole.encode()) // 2
    cut = as_markdown(outcome, "200 mismatch(es) in 1 file", budget)
    assert len(cut.encode()) <= budget
    shown = len(rows(cut))
    assert 50 < shown < 200
    assert f"{200 - shown} more row(s) left out" in cut
    assert cut.endswith("- stopped at a limit\n")
