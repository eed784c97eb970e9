"""The drift checks that run after a build, together, in one process.

Three checks keep the built site true to its data: rule statements against the rule set
(:func:`checker.verify.verify_site`, what ``python -m checker verify`` runs), dates of dated facts
typed by hand (:mod:`.dates`), and the ``>>>`` examples in the Markdown sources (:mod:`.examples`).
``python -m checker.site check SITE [--docs DOCS]`` runs all three, as ``make build`` does after the
engine; the ``pacer-help`` plugin runs the same ones under ``mkdocs serve``. One process, because
starting Python and reading the site three times cost more than the checks themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..verify import format_mismatches, verify_site
from .dates import check_dates
from .examples import Outcome, run_docs


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


def check_site(site_dir: Path | str, docs_dir: Path | str | None = None) -> Report:
    """Run the rule and date checks on built HTML and, given ``docs_dir``, the pages' examples."""
    report = Report(pages=sum(1 for _ in Path(site_dir).rglob("*.html")))
    mismatches = verify_site(site_dir)
    if mismatches:
        report.problems.append(
            "pages state rules the checker disagrees with:\n" + format_mismatches(mismatches)
        )
    typed = check_dates(site_dir)
    if typed:
        report.problems.append(
            "fact dates typed by hand (use a pacer:fact or pacer:date shortcode):\n"
            + "\n".join(str(item) for item in typed)
        )
    if docs_dir is not None:
        for outcome in run_docs(docs_dir):
            report.examples += outcome.examples
            if outcome.failures:
                report.problems.append(failed_examples(outcome))
    return report


def failed_examples(outcome: Outcome) -> str:
    return (
        f"{outcome.page}: {outcome.failures} of {outcome.examples} examples failed\n"
        f"{outcome.report}"
    ).rstrip("\n")
