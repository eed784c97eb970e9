"""``python -m checker verify PATH...``: read the files, report mismatches as text, JSON or GitHub
workflow annotations.

Exit codes: 0 every file agrees with the rule set, 1 a mismatch, 2 a usage error or an unreadable
file (each named on one line on stderr; the other files are still checked and reported).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from typing import TextIO

from ..rulesets import DEFAULT_RULESET, UnknownRuleSet
from .files import VerifyUsageError, verify_paths
from .report import FORMATTERS, summary

EXIT_OK, EXIT_MISMATCH, EXIT_USAGE = 0, 1, 2


def main(
    paths: Sequence[str] | str,
    ruleset: str = DEFAULT_RULESET,
    fmt: str = "text",
    out: TextIO | None = None,
) -> int:
    out = out or sys.stdout
    paths = [paths] if isinstance(paths, str) else list(paths)
    # pypdf logs its repairs of odd files; the verifier says in one line what it could not read.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        outcome = verify_paths(paths, ruleset)
    except (UnknownRuleSet, VerifyUsageError) as error:
        print(f"checker: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    out.write(FORMATTERS[fmt](outcome))
    # The report is on stdout and the summary on stderr: on a terminal the two interleave, so
    # the report is out before the summary starts.
    out.flush()
    for name, reason in outcome.unreadable:
        print(f"checker: error: {name}: unreadable: {reason}", file=sys.stderr)
    print(summary(outcome), file=sys.stderr)
    if outcome.unreadable:
        return EXIT_USAGE
    return EXIT_MISMATCH if outcome.mismatches else EXIT_OK
