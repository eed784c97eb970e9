"""``python -m checker.site``: the site's own steps, before and after an engine builds it.

- ``generate [--court ID]``: write the pages and assets that come from data (before a build);
  prints the configuration file to build with.
- ``build [--court ID] [--site-dir DIR] [--engine NAME]``: generate, build with an engine (MkDocs
  by default), then run ``check`` on exactly that site and the Markdown it was built from.
- ``kit [--court ID] [--out DIR]``: write the court's kit (``build/kit/ID/``: tagged PDF, Basic
  HTML fragments, the embeddable checker, a README), or every court's and ``build/kit/all/``;
  every file is verified as it is written (exit 1 on a mismatch).
- ``examples [DOCS]``: run every ``>>>`` example in the pages (exit 1 when one fails).
- ``facts [DOCS] [--on DATE]``: list facts past their review-by date, with the pages stating them.
- ``dates SITE``: find dates of dated facts typed by hand in a built site (after a build).
- ``check SITE [--docs DOCS]``: every drift check after a build, in one process: rule statements
  (as ``python -m checker verify SITE``), hand-typed fact dates, and the examples in DOCS.
- ``courts [CSV] [--refresh FEED] [--import-contacts FILE ...]``: validate the court data, rewrite
  it from PACER's feed, or merge researched help contacts into it (exit 1 when a file is not
  complete yet or, with ``--skip-invalid``, when a record was left out).

Exit codes as in ``python -m checker``: 0 fine, 1 a check failed, 2 bad input or usage.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from checker.cli import EXIT_FAIL, EXIT_OK, UsageError, command_parser, run
from checker.facts import FactsError, build_date, us_date
from checker.rulesets import DEFAULT_RULESET
from checker.site.checks.dates import check_dates
from checker.site.checks.drift import check_site, failed_examples
from checker.site.checks.facts_due import stale_facts_report
from checker.site.courts.pages import VariantError
from checker.site.courts.registry import (
    CourtDataError,
    UnknownCourtError,
    load_registry,
    project_registry,
    refresh,
    summary,
)
from checker.site.markdown.examples import run_docs
from checker.site.markdown.render import ShortcodeError
from checker.site.pipeline.build import ENGINES, BuildError, build
from checker.site.pipeline.generate import GenerateError, generate
from checker.site.pipeline.tree import TreeError
from checker.site.project import Project, ProjectError
from checker.site.settings import Settings, SettingsError

# The checks after a build read the pages on every core (the engine before them uses one).
JOBS = os.cpu_count() or 1


def _project_options(command, court_help: str) -> None:
    """``--court`` and ``--config``, as every command that builds from the project takes them."""
    command.add_argument("--court", default=None, metavar="ID",
                         help=f"{court_help} (default: $COURT)")
    command.add_argument("--config", default="mkdocs.yml", metavar="FILE")


def build_parser():
    parser, commands = command_parser("python -m checker.site", __doc__.splitlines()[0])
    gen = commands.add_parser("generate", help="write the generated pages and assets")
    _project_options(gen, "a site for one court")

    whole = commands.add_parser("build", help="generate, build, then check that site")
    _project_options(whole, "a site for one court")
    whole.add_argument("--site-dir", default="site", metavar="DIR",
                       help="where the site goes, from the current folder (default: site)")
    whole.add_argument("--engine", default="mkdocs", choices=ENGINES)

    kit = commands.add_parser("kit", help="write a court's kit (or every court's)")
    _project_options(kit, "one court's kit; none: every court and all/")
    kit.add_argument("--out", default=None, metavar="DIR", help="default: build/kit")
    kit.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                     help="kits written side by side (default: one per core)")

    examples = commands.add_parser("examples", help="run the pages' >>> examples")
    examples.add_argument("docs_dir", nargs="?", default="docs", metavar="DOCS")

    facts = commands.add_parser("facts", help="list facts past their review-by date")
    facts.add_argument("docs_dir", nargs="?", default="docs", metavar="DOCS")
    facts.add_argument("--on", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                       help="instead of the build date ($SOURCE_DATE_EPOCH, else today)")

    dates = commands.add_parser("dates", help="find hand-typed fact dates in built HTML")
    dates.add_argument("site_dir", metavar="SITE")

    check = commands.add_parser("check", help="every drift check on a built site")
    check.add_argument("site_dir", metavar="SITE")
    check.add_argument("--docs", dest="docs_dir", metavar="DOCS",
                       help="also run the >>> examples in this Markdown folder")

    courts = commands.add_parser("courts", help="validate (or refresh) the court data")
    courts.add_argument("csv", nargs="?", default=None, metavar="CSV")
    courts.add_argument("--refresh", metavar="FEED", help="PACER's Court CM/ECF Lookup feed (JSON)")
    courts.add_argument("--import-contacts", nargs="+", default=[], metavar="FILE",
                        help="research files contacts-<G>.json to merge into court_facts.json")
    courts.add_argument("--skip-invalid", action="store_true",
                        help="with --import-contacts: report a bad record and go on")
    return parser


def _project(args) -> tuple[Project, str]:
    """The project and the court id a command builds, from its options and the settings (read
    from the environment here, once, and passed down)."""
    settings = Settings.from_env()
    court = settings.court if args.court is None else args.court.strip()
    return Project.at(args.config, settings), court


def _generate(args) -> int:
    project, court = _project(args)
    config = generate(project, court)
    print(os.path.relpath(config))
    return EXIT_OK


def _build(args) -> int:
    project, court = _project(args)
    built = build(project, args.site_dir, court, args.engine, jobs=JOBS)
    for problem in built.report.problems:
        print(problem)
    print(f"{os.path.relpath(built.site_dir)}: {built.report.summary(DEFAULT_RULESET)}",
          file=sys.stderr)  # fmt: skip
    return EXIT_FAIL if built.report.problems else EXIT_OK


def _kit(args) -> int:
    from checker.site.kit import make_kits

    failed = 0
    out = Path(args.out) if args.out else None
    project, court = _project(args)
    for kit in make_kits(project, court, out, jobs=args.jobs):
        for problem in kit.problems:
            print(problem)
        failed += bool(kit.problems)
        state = f"{len(kit.problems)} problem(s)" if kit.problems else "verified"
        print(f"{os.path.relpath(kit.directory)}: {len(kit.files)} files, {state}, "
              f"{kit.seconds:.1f} s", file=sys.stderr)  # fmt: skip
    return EXIT_FAIL if failed else EXIT_OK


def _examples(args) -> int:
    failed = 0
    for outcome in run_docs(args.docs_dir):
        if outcome.failures:
            failed += 1
            print(failed_examples(outcome))
    return EXIT_FAIL if failed else EXIT_OK


def _facts(args) -> int:
    if not Path(args.docs_dir).is_dir():
        raise UsageError(f"{args.docs_dir}: not a folder")
    on = args.on or build_date()
    registry = project_registry(Project.at("mkdocs.yml", Settings.from_env()))
    stale = stale_facts_report(args.docs_dir, registry, on)
    for item in stale:
        print(item)
    summary = f"{len(stale)} stale fact(s)" if stale else "no stale facts"
    print(f"{summary} on {us_date(on)}", file=sys.stderr)
    return EXIT_FAIL if stale else EXIT_OK


def _built_site(site_dir: str) -> Path:
    root = Path(site_dir)
    if not root.is_dir() or not any(root.rglob("*.html")):
        raise UsageError(f"{site_dir}: no .html files (build first?)")
    return root


def _dates(args) -> int:
    found = check_dates(_built_site(args.site_dir))
    for item in found:
        print(item)
    print(f"{len(found)} hand-typed fact date(s)" if found else "no hand-typed fact dates",
          file=sys.stderr)  # fmt: skip
    return EXIT_FAIL if found else EXIT_OK


def _check(args) -> int:
    if args.docs_dir is not None and not Path(args.docs_dir).is_dir():
        raise UsageError(f"{args.docs_dir}: not a folder")
    report = check_site(_built_site(args.site_dir), args.docs_dir, JOBS)
    for problem in report.problems:
        print(problem)
    print(report.summary(DEFAULT_RULESET), file=sys.stderr)
    return EXIT_FAIL if report.problems else EXIT_OK


def _courts(args) -> int:
    from checker.site.courts.registry import DEFAULT_CSV

    path = args.csv
    csv_path = Path(path) if path else DEFAULT_CSV
    if args.refresh:
        for note in refresh(Path(args.refresh), csv_path):
            print(f"note: {note}", file=sys.stderr)
        path = str(csv_path)
    incomplete = False
    if args.import_contacts:
        from checker.site.courts.contacts import import_contacts

        files = [Path(name) for name in args.import_contacts]
        for report in import_contacts(files, csv_path, args.skip_invalid):
            print(report, file=sys.stderr)
            incomplete |= bool(report.skipped or report.rejected)
        path = str(csv_path)
    print(summary(load_registry(path)))
    return EXIT_FAIL if incomplete else EXIT_OK


COMMANDS = {
    "generate": _generate,
    "build": _build,
    "kit": _kit,
    "examples": _examples,
    "facts": _facts,
    "dates": _dates,
    "check": _check,
    "courts": _courts,
}
ERRORS = (
    CourtDataError, UnknownCourtError, GenerateError, TreeError, ProjectError, SettingsError,
    VariantError, ShortcodeError, FactsError, BuildError, OSError, json.JSONDecodeError,
)


def main(argv: Sequence[str] | None = None) -> int:
    return run(build_parser(), COMMANDS, argv, errors=ERRORS)
