"""Every finding as Markdown, for the step summary of a GitHub Actions job.

GitHub shows at most ten annotations of one type (error, warning) per step, so a run with more
findings than that hides the rest behind the log. With ``--format github``, when
``$GITHUB_STEP_SUMMARY`` names the step's summary file, the command line appends every
mismatch, review and unreadable file there as tables, which the run's page shows in full.

GitHub drops a step's whole summary above 1 MiB (1,024 KiB), so rows stop before that, with a
line saying how many were left out; text from the pages read is escaped, so a page cannot add
links, images or HTML to the summary.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from checker.verify.findings import Outcome

LIMIT = 1024 * 1024  # bytes GitHub takes in one step's summary
_MARKUP = re.compile(r"([\\`*_\[\]<>|~#!&])")


def as_markdown(outcome: Outcome, headline: str, budget: int = LIMIT) -> str:
    """The findings as Markdown, at most ``budget`` bytes in UTF-8."""
    head = [f"### PACER checker: {_cell(headline)}", ""]
    tables: list[tuple[str, list[str], list[list[str]]]] = [
        (f"Mismatches ({len(outcome.mismatches)})", ["Where", "Passage", "Says",
         f"{outcome.ruleset} says"], [[m.where, m.excerpt, m.says, m.expected]
                                      for m in outcome.mismatches]),
        (f"To review ({len(outcome.reviews)})", ["Where", "Passage", "Why it looks like a rule"],
         [[r.where, r.excerpt, r.why] for r in outcome.reviews]),
        (f"Could not be read ({len(outcome.unreadable)})", ["File", "Why"],
         [list(pair) for pair in outcome.unreadable]),
        (f"Pages not read ({len(outcome.errors)})", ["Page", "Why"],
         [list(pair) for pair in outcome.errors]),
    ]  # fmt: skip
    blocks = []
    for title, columns, rows in tables:
        if rows:
            blocks.append((f"#### {title}", columns, rows))
    told = [*outcome.limits, *outcome.notes]
    told += [f"Baseline entry no longer found: {entry}" for entry in outcome.stale_baseline]
    if outcome.suppressed:
        told.append(f"{outcome.suppressed} finding(s) silenced by ignore comments or a baseline")

    lines = list(head)
    # The closing note's room is kept back, so the text ends whole even when rows were cut.
    room = budget - _size(lines) - 200 - _size([_cell(line) for line in told])
    left_out = 0
    for title, columns, rows in blocks:
        section = [title, "", _row(columns), _row(["---"] * len(columns))]
        if _size(section) > room:
            left_out += len(rows)
            continue
        lines += section
        room -= _size(section)
        for row in rows:
            text = _row([f"`{_code(row[0])}`", *(_cell(value) for value in row[1:])])
            if left_out or len(text.encode()) + 1 > room:
                left_out += 1
                continue
            lines.append(text)
            room -= len(text.encode()) + 1
        lines.append("")
    if left_out:
        lines.append(
            f"{left_out} more row(s) left out: a step's summary holds at most 1 MiB. "
            "Run with `--format json` or `--format sarif` for every finding."
        )
        lines.append("")
    lines += [f"- {_cell(line)}" for line in told]
    return "\n".join(lines).rstrip("\n") + "\n"


def append_step_summary(outcome: Outcome, headline: str) -> None:
    """Append :func:`as_markdown` to ``$GITHUB_STEP_SUMMARY``, if it is set (GitHub sets it)."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    path = Path(target)
    room = LIMIT - (path.stat().st_size if path.is_file() else 0)
    if room < 1024:  # earlier steps filled it: a line more would lose the whole summary
        return
    with path.open("a", encoding="utf-8") as summary:
        summary.write(as_markdown(outcome, headline, room))


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _cell(text: str) -> str:
    """Text as a table cell: one line, and no character Markdown would read as markup."""
    return _MARKUP.sub(r"\\\1", " ".join(text.split()))


def _code(text: str) -> str:
    """Text for a code span in a table cell: no backtick to end it, no pipe to end the cell."""
    return " ".join(text.split()).replace("`", "'").replace("|", "\\|")


def _size(lines: list[str]) -> int:
    return sum(len(line.encode()) + 1 for line in lines)
