"""MkDocs adapter: the build fails when a page states a rule the checker disagrees with, or when a
page's ``>>>`` example fails.

The logic lives in checker.verify and checker.site.examples. Zensical ignores ``hooks:``, so pytest
runs the same checks over the built site too (tests/test_drift.py). Set CHECKER_VERIFY=0 to
build without these checks (the benchmark does, to measure what they cost).
"""

from __future__ import annotations

import os

from mkdocs.exceptions import PluginError

from checker.site.examples import count_prompts, run_page
from checker.verify import format_mismatches, verify_site

_problems: list[str] = []


def _enabled() -> bool:
    return os.environ.get("CHECKER_VERIFY", "1") != "0"


def on_pre_build(config) -> None:
    _problems.clear()  # `mkdocs serve` keeps module state between rebuilds


def on_page_markdown(markdown: str, page, config, files) -> str:
    if _enabled() and count_prompts(markdown):
        outcome = run_page(markdown, page.file.src_uri)
        if outcome.failures:
            _problems.append(
                f"{page.file.src_uri}: {outcome.failures} of {outcome.examples} examples failed\n"
                + outcome.report
            )
    return markdown


def on_post_build(config) -> None:
    if not _enabled():
        return
    mismatches = verify_site(config.site_dir)
    if mismatches:
        _problems.append(
            "pages state rules the checker disagrees with:\n" + format_mismatches(mismatches)
        )
    if _problems:
        raise PluginError("\n".join(_problems))
