"""``python -m checker verify PATH... | URL...``: read files, or crawl a live site, and report
mismatches and passages to review as text, JSON, GitHub workflow annotations, SARIF or JUnit XML.

Every passage that speaks of a PACER username or password requirement ends as one of: agrees;
mismatch (it states a rule wrongly); review (it looks like a rule statement, a number with a unit,
a character class, a repeat, expiry or personal-data word with the password, username or PACER as
its subject, but no reader made a statement of it). A person records what they reviewed inline
(``pacer-checker: ignore``) or in a baseline file (``--write-baseline`` / ``--baseline``).

Exit codes for files: 0 no mismatch (passages to review are reported; exit 1 for them only under
``--fail-on review``), 1 a mismatch, 2 a usage error, a bad settings or baseline file or an
unreadable file (each named on one line on stderr; the other files are still checked and
reported). For URLs: 0 or 1 the same way; pages that could not be fetched or read are listed in
the report and do not change the code; 2 only when no start address could be read (one line).

Options not given on the command line come from the settings file (:mod:`.config`).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path
from textwrap import fill
from typing import TextIO

from checker.rulesets import DEFAULT_RULESET, UnknownRuleSet, get_ruleset
from checker.verify import config
from checker.verify.baseline import apply as apply_baseline
from checker.verify.baseline import read as read_baseline
from checker.verify.baseline import write as write_baseline_file
from checker.verify.findings import Outcome, VerifyUsageError
from checker.verify.report import FORMATS, printable, render, summary
from checker.verify.selection import Selection
from checker.verify.settings import BOUNDS, Settings, StartError, out_of_bounds

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
    ("--max-depth", "max_depth", int,
     f"links from a start address to follow at most (default {DEFAULTS.max_depth})"),
    ("--max-bytes", "max_bytes", int,
     f"bytes of one response at most (default {DEFAULTS.max_bytes:,})"),
    ("--timeout", "timeout", float,
     f"seconds to wait for an answer, or the next part of one (default {DEFAULTS.timeout:g}); "
     "a whole request may take ten times as long"),
]  # fmt: skip


HELP = f"""\
outcomes:
  every passage about a PACER username or password rule agrees, is a mismatch (a rule stated
  wrongly), or is to review: it looks like a rule (a number with a unit, a character class, a
  repeat, expiry or personal-data word, with the password, username or PACER as its subject,
  lead-in or heading) but no reader made a statement of it. A phone number, a "6-digit code" or
  an account number near "password" is neither.

recording what a person reviewed:
  inline   <!-- pacer-checker: ignore --> before a passage (HTML or Markdown), or
           data-pacer-checker="ignore" on an element (HTML, raw HTML in Markdown, or
           {{: data-pacer-checker="ignore" }} after a Markdown block): that element is silenced
  baseline --write-baseline FILE records every finding of this run (exit 0); --baseline FILE
           silences them later until a passage's words change (a fingerprint of its words and
           its file or URL, not its line); entries no longer found are listed as stale
  The summary counts what was silenced.

formats:
  text     one line per finding, then a summary on stderr (the default)
  json     one object: ruleset, files, mismatches, reviews, suppressed, stale_baseline,
           unreadable
  github   ::error and ::warning workflow commands; with $GITHUB_STEP_SUMMARY set (GitHub
           sets it), every finding is also appended there as Markdown, since GitHub shows only
           ten annotations of a kind per step
  sarif    SARIF 2.1.0 for code scanning: one rule per statement kind (pacer-checker/length,
           ...), mismatches at level error, passages to review at level warning
  junit    JUnit XML: one test case per file or page; a mismatch is a failure, a passage to
           review is one only under --fail-on review (else it is in the case's system-out)

settings file:
  .pacer-checker.toml, or [tool.pacer-checker] in pyproject.toml, in this folder or one above
  it (or --config FILE). Globs are relative to the file. Options given here win over the
  file; an unknown key is an error (exit 2). Its keys:
{fill(", ".join(config.known_keys()), 92, initial_indent="  ", subsequent_indent="  ")}

wrappers:
  pre-commit   hook id pacer-checker (.pre-commit-hooks.yaml): HTML, Markdown, PDF, text
  GitHub       uses: <this repository>@<ref> (action.yml); see "For court webmasters"

exit codes: 0 no mismatch, 1 a mismatch (or a passage to review under --fail-on review),
2 a usage error, a bad settings file or an unreadable file
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = HELP
    parser.add_argument("targets", nargs="+", metavar="PATH|URL")
    parser.add_argument("--ruleset", default=DEFAULT_RULESET, metavar="NAME",
                        help=f"the rule set to compare with (default {DEFAULT_RULESET})")
    parser.add_argument("--format", default="text", choices=FORMATS,
                        help="the report's format (default text; see below)")
    parser.add_argument("--fail-on", default="mismatch", choices=config.FAIL_ON,
                        help="exit 1 on a mismatch (the default), or on a passage to review too")
    parser.add_argument("--baseline", metavar="FILE", type=Path,
                        help="silence the findings recorded in FILE (see --write-baseline)")
    parser.add_argument("--write-baseline", metavar="FILE", type=Path,
                        help="record every finding of this run in FILE as reviewed; exit 0")
    parser.add_argument("--config", metavar="FILE",
                        help="the settings file (default: found from this folder up)")
    parser.add_argument("--include", action="append", metavar="GLOB",
                        help="read only files that match; repeat for more (replaces the file's)")
    parser.add_argument("--exclude", action="append", metavar="GLOB",
                        help="skip files that match; repeat for more (replaces the file's)")
    live = parser.add_argument_group("for a live site (URLs)")
    for flag, name, kind, text in CRAWL_OPTIONS:
        many = {"action": "append"} if name == "include_hosts" else {}
        live.add_argument(flag, dest=name, type=kind, default=None, help=text,
                          metavar="HOST" if many else "N", **many)  # fmt: skip
    # Last: every option a settings file may set is known by now.
    config.defer_defaults(parser)


def run(args: argparse.Namespace) -> int:
    given = {name: getattr(args, name) for _, name, _, _ in CRAWL_OPTIONS}
    if args.baseline is not None and args.write_baseline is not None:
        print("checker: error: --baseline and --write-baseline: give one of them",
              file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    try:
        values = config.resolve(args, config.load(args.config))
    except config.ConfigError as error:
        print(f"checker: error: {printable(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    knobs = {knob.name for knob in fields(Settings)}
    return main(
        args.targets, values["ruleset"], args.format, crawl_options=given,
        fail_on=values["fail_on"], select=Selection(values["include"], values["exclude"]),
        crawl_defaults={name: value for name, value in values.items() if name in knobs},
        baseline=values["baseline"], write_baseline=args.write_baseline,
    )  # fmt: skip


def main(
    targets: Sequence[str] | str,
    ruleset: str = DEFAULT_RULESET,
    fmt: str = "text",
    out: TextIO | None = None,
    crawl_options: dict | None = None,
    fail_on: str = "mismatch",
    select: Selection | None = None,
    crawl_defaults: dict | None = None,
    baseline: Path | None = None,
    write_baseline: Path | None = None,
) -> int:
    """Verify ``targets`` and report; the exit code. ``crawl_options``: knobs given on the
    command line (an error for files); ``crawl_defaults``: the settings file's, under them.
    ``baseline``: silence what it records; ``write_baseline``: record every finding there."""
    out = out or sys.stdout
    targets = [targets] if isinstance(targets, str) else list(targets)
    # pypdf logs its repairs of odd files; the verifier says in one line what it could not read.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        if write_baseline is not None:
            baseline = None  # a baseline being written replaces the one in the settings
        entries = read_baseline(Path(baseline)) if baseline is not None else None
        outcome = _verify(targets, ruleset, crawl_options or {}, select, crawl_defaults or {})
        if write_baseline is not None:
            written = write_baseline_file(write_baseline, outcome)
            apply_baseline(outcome, read_baseline(write_baseline))
            print(f"checker: wrote {written} finding(s) to the baseline {write_baseline}",
                  file=sys.stderr)  # fmt: skip
        elif entries is not None:
            apply_baseline(outcome, entries)
    except (UnknownRuleSet, VerifyUsageError, StartError) as error:
        print(f"checker: error: {printable(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    out.write(render(fmt, outcome, fail_on))
    # The report is on stdout and the summary on stderr: on a terminal the two interleave, so
    # the report is out before the summary starts.
    out.flush()
    if fmt == "github":
        from checker.verify.formats.step_summary import append_step_summary

        append_step_summary(outcome, summary(outcome))
    for name, reason in outcome.unreadable:
        print(f"checker: error: {printable(f'{name}: unreadable: {reason}')}", file=sys.stderr)
    print(summary(outcome), file=sys.stderr)
    if outcome.unreadable:
        return EXIT_USAGE
    failed = outcome.mismatches or (fail_on == "review" and outcome.reviews)
    return EXIT_MISMATCH if failed else EXIT_OK


def _verify(
    targets: list[str], ruleset: str, options: dict, select: Selection | None, defaults: dict
) -> Outcome:
    urls = [target for target in targets if _is_url(target)]
    given = {name: value for name, value in options.items() if value is not None}
    if not urls:
        if given:
            flags = ", ".join(flag for flag, name, _, _ in CRAWL_OPTIONS if name in given)
            raise VerifyUsageError(f"{flags}: for URLs only, not for files")
        from checker.verify.files import verify_paths

        return verify_paths(targets, ruleset, select)
    if len(urls) != len(targets):
        raise VerifyUsageError("give either files and folders or URLs, not both")
    from checker.verify.crawl import crawl  # an HTTP client: loaded only to crawl

    settings = _settings(given, defaults)
    progress = sys.stderr if sys.stderr.isatty() else None
    return crawl(urls, get_ruleset(ruleset), settings, progress)


def check_number(name: str, value: float) -> None:
    """Raise :class:`VerifyUsageError` unless ``value`` is a finite number within its bounds."""
    flag = next(flag for flag, field_name, _, _ in CRAWL_OPTIONS if field_name == name)
    problem = out_of_bounds(name, value)
    if problem == "a finite number":
        raise VerifyUsageError(f"{flag} must be a finite number, not {value}")
    if problem:
        raise VerifyUsageError(f"{flag} must be {problem}, not {value:g}")


def _is_url(target: str) -> bool:
    return target.lower().startswith(("http://", "https://"))


def _settings(given: dict, defaults: dict | None = None) -> Settings:
    """The crawl's knobs: those given on the command line, over the settings file's (checked
    as it was read)."""
    if "include_hosts" in given:
        given["include_hosts"] = tuple(given["include_hosts"])
    for name, value in given.items():
        if name in BOUNDS:
            check_number(name, value)
    known = {field.name for field in fields(Settings)}
    chosen = {name: value for name, value in (defaults or {}).items() if value is not None}
    chosen.update(given)
    return Settings(**{name: value for name, value in chosen.items() if name in known})
