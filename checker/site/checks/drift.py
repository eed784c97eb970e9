"""The drift checks that run after a build, together, in one command.

Three checks keep the built site true to its data: rule statements against the rule set
(:func:`checker.verify.verify_site`, what ``python -m checker verify`` runs), dates of dated facts
typed by hand (:mod:`.dates`), and the ``>>>`` examples in the Markdown sources (:mod:`.examples`).
``python -m checker.site check SITE [--docs DOCS]`` runs all three, as ``make build`` does after the
engine; the ``pacer-help`` plugin runs the same ones under ``mkdocs serve``. One command, because
starting Python and reading the site three times cost more than the checks themselves; on the
command line the pages are read on every core (:func:`check_site`).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from checker.rulesets import DEFAULT_RULESET
from checker.site.checks.dates import check_dates
from checker.site.markdown.examples import Outcome, run_docs
from checker.verify import format_mismatches
from checker.verify.files import site_runs, verify_pages


@dataclass
class Report:
    """What the checks found; ``problems`` is empty when the site agrees with its data."""

    pages: int = 0
    examples: int = 0
    problems: list[str] = field(default_factory=list)

    def summary(self, ruleset: str) -> str:
        if self.problems:
            return f"{len(self.problems)} check(s) failed"
        tested = f"; {self.examples} examples pass" if self.examples else ""
        return f"{self.pages} pages agree with {ruleset}; no hand-typed fact dates{tested}"


def check_site(
    site_dir: Path | str, docs_dir: Path | str | None = None, jobs: int = 1
) -> Report:
    """Run the rule and date checks on built HTML and, given ``docs_dir``, the pages' examples.

    With ``jobs`` > 1 (the command line: one per core) forked processes read the pages for rule
    statements and typed dates while this one runs the examples; the plugin, inside
    ``mkdocs serve``, runs everything here.
    """
    root = Path(site_dir)
    report = Report(pages=sum(1 for _ in root.rglob("*.html")))
    runs = site_runs(root, jobs)
    with _workers(jobs) as pool:
        rules = [pool.submit(verify_pages, root, DEFAULT_RULESET, run) for run in runs]
        dates = pool.submit(check_dates, root)
        outcomes = list(run_docs(docs_dir)) if docs_dir is not None else []
        mismatches = [mismatch for part in rules for mismatch in part.result()]
        typed = dates.result()
    if mismatches:
        report.problems.append(
            "pages state rules the checker disagrees with:\n" + format_mismatches(mismatches)
        )
    if typed:
        report.problems.append(
            "fact dates typed by hand (use a pacer:fact or pacer:date shortcode):\n"
            + "\n".join(str(item) for item in typed)
        )
    for outcome in outcomes:
        report.examples += outcome.examples
        if outcome.failures:
            report.problems.append(failed_examples(outcome))
    return report


class _Here:
    """An executor that runs each task at once, in this process (for one job)."""

    def submit(self, function, *args) -> Future:
        future: Future = Future()
        future.set_result(function(*args))
        return future


@contextmanager
def _workers(jobs: int) -> Iterator[ProcessPoolExecutor | _Here]:
    if jobs <= 1:
        yield _Here()
        return
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        yield pool


def failed_examples(outcome: Outcome) -> str:
    return (
        f"{outcome.page}: {outcome.failures} of {outcome.examples} examples failed\n"
        f"{outcome.report}"
    ).rstrip("\n")
