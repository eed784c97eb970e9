"""``python -m checker verify PATH... | URL...``: read files, or crawl a live site, and report
mismatches as text, JSON or GitHub workflow annotations.

Exit codes for files: 0 every file agrees with the rule set, 1 a mismatch, 2 a usage error or an
unreadable file (each named on one line on stderr; the other files are still checked and
reported). For URLs: 0 or 1 the same way; pages that could not be fetched or read are listed in
the report and do not change the code; 2 only when no start address could be read (one line).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from dataclasses import fields
from typing import TextIO

from checker.rulesets import DEFAULT_RULESET, UnknownRuleSet, get_ruleset
from checker.verify.findings import Outcome, VerifyUsageError
from checker.verify.report import FORMATS, FORMATTERS, summary
from checker.verify.settings import Settings, StartError

EXIT_OK, EXIT_MISMATCH, EXIT_USAGE = 0, 1, 2
DEFAULTS = Settings()
# The crawl's options: (flag, Settings field, type, help).
CRAWL_OPTIONS = [
    ("--include-host", "include_hosts", str,
     "also read pages on HOST (a name, or name:port); repeat for more"),
    ("--delay", "delay", float,
     f"seconds between requests to one host (default {DEFAULTS.delay:g}; a longer Crawl-delay "
     "in robots.txt wins)"),
    ("--concurrency", "concurrency", int,
     f"requests at a time to one host (default {DEFAULTS.concurrency})"),
    ("--max-pages", "max_pages", int, f"pages to read at most (default {DEFAULTS.max_pages:,})"),
    ("--max-bytes", "max_bytes", int,
     f"bytes of one response at most (default {DEFAULTS.max_bytes:,})"),
    ("--timeout", "timeout", float,
     f"seconds to wait for an answer, or the next part of one (default {DEFAULTS.timeout:g})"),
]  # fmt: skip


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("targets", nargs="+", metavar="PATH|URL")
    parser.add_argument("--ruleset", default=DEFAULT_RULESET, metavar="NAME")
    parser.add_argument("--format", default="text", choices=FORMATS)
    live = parser.add_argument_group("for a live site (URLs)")
    for flag, name, kind, text in CRAWL_OPTIONS:
        many = {"action": "append"} if name == "include_hosts" else {}
        live.add_argument(flag, dest=name, type=kind, default=None, help=text,
                          metavar="HOST" if many else "N", **many)  # fmt: skip


def run(args: argparse.Namespace) -> int:
    given = {name: getattr(args, name) for _, name, _, _ in CRAWL_OPTIONS}
    return main(args.targets, args.ruleset, args.format, crawl_options=given)


def main(
    targets: Sequence[str] | str,
    ruleset: str = DEFAULT_RULESET,
    fmt: str = "text",
    out: TextIO | None = None,
    crawl_options: dict | None = None,
) -> int:
    out = out or sys.stdout
    targets = [targets] if isinstance(targets, str) else list(targets)
    # pypdf logs its repairs of odd files; the verifier says in one line what it could not read.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        outcome = _verify(targets, ruleset, crawl_options or {})
    except (UnknownRuleSet, VerifyUsageError, StartError) as error:
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


def _verify(targets: list[str], ruleset: str, options: dict) -> Outcome:
    urls = [target for target in targets if _is_url(target)]
    given = {name: value for name, value in options.items() if value is not None}
    if not urls:
        if given:
            flags = ", ".join(flag for flag, name, _, _ in CRAWL_OPTIONS if name in given)
            raise VerifyUsageError(f"{flags}: for URLs only, not for files")
        from checker.verify.files import verify_paths

        return verify_paths(targets, ruleset)
    if len(urls) != len(targets):
        raise VerifyUsageError("give either files and folders or URLs, not both")
    from checker.verify.crawl import crawl  # an HTTP client: loaded only to crawl

    settings = _settings(given)
    progress = sys.stderr if sys.stderr.isatty() else None
    return crawl(urls, get_ruleset(ruleset), settings, progress)


def _is_url(target: str) -> bool:
    return target.lower().startswith(("http://", "https://"))


def _settings(given: dict) -> Settings:
    if "include_hosts" in given:
        given["include_hosts"] = tuple(given["include_hosts"])
    for name, value in given.items():
        if name != "include_hosts" and value <= 0 and not (name == "delay" and value == 0):
            flag = next(flag for flag, field_name, _, _ in CRAWL_OPTIONS if field_name == name)
            raise VerifyUsageError(f"{flag} must be more than 0, not {value:g}")
    known = {field.name for field in fields(Settings)}
    return Settings(**{name: value for name, value in given.items() if name in known})
