"""``python -m checker``: check fields from JSON, print the rules, check HTML, print the widget.

Exit codes: 0 ok, 1 a rule failed (or the verifier found a mismatch), 2 bad input or usage.
A password is never read from the command line: only from standard input or a hidden prompt.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence

from checker.engine import FAIL, PASS, SKIP, FieldError, Report, check
from checker.export import export_json
from checker.facts import FactsError
from checker.passwordrules import passwordrules
from checker.rulesets import (
    DEFAULT_RULESET,
    FIELD_LABELS,
    FIELDS,
    RULESETS,
    UnknownRuleSet,
    get_ruleset,
)

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2
FORMATS = ("text", "json", "passwordrules")


class UsageError(Exception):
    """Bad input: reported as one line on stderr with exit code 2."""


class Parser(argparse.ArgumentParser):
    """argparse, with usage errors as one line and exit 2 (shared by every command line here)."""

    def error(self, message: str):  # one line, not argparse's usage block
        raise UsageError(message)


def command_parser(prog: str, description: str) -> tuple[Parser, argparse._SubParsersAction]:
    parser = Parser(prog=prog, description=description)
    return parser, parser.add_subparsers(dest="command", required=True, parser_class=Parser)


def run(
    parser: argparse.ArgumentParser,
    commands: dict[str, Callable[[argparse.Namespace], int]],
    argv: Sequence[str] | None,
    errors: tuple[type[Exception], ...] = (),
) -> int:
    """Parse ``argv`` and run its command; ``errors`` (and usage errors) print one line, exit 2."""
    name = parser.prog.split()[-1]
    try:
        args = parser.parse_args(argv)
        if getattr(args, "ruleset", None) is not None:
            get_ruleset(args.ruleset)
        if sys.stdout is None:  # started with its stdout closed (">&-")
            raise UsageError("cannot write the report: stdout is closed")
        code = commands[args.command](args)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        # Whatever was to read the report went away. Python would report the pipe again when it
        # flushes stdout at exit: point stdout at nothing first.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        print(f"{name}: error: cannot write the report: stdout is closed", file=sys.stderr)
        return EXIT_USAGE
    except (UsageError, UnknownRuleSet, *errors) as error:
        print(f"{name}: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"{name}: stopped", file=sys.stderr)
        return 130
    except Exception as error:  # a bug of ours: one line, never a traceback, and never exit 1
        if os.environ.get("PACER_CHECKER_TRACEBACK"):
            raise
        print(f"{name}: internal error: {type(error).__name__}: {error} (set "
              f"PACER_CHECKER_TRACEBACK=1 to see where, and please report it)",
              file=sys.stderr)  # fmt: skip
        return EXIT_USAGE


def build_parser() -> argparse.ArgumentParser:
    parser, commands = command_parser("python -m checker", __doc__.splitlines()[0])

    check_cmd = commands.add_parser("check", help="check one JSON object read from stdin")
    check_cmd.add_argument("--ruleset", default=DEFAULT_RULESET, metavar="NAME")

    rules_cmd = commands.add_parser("rules", help="print the rules")
    rules_cmd.add_argument("--ruleset", default=None, metavar="NAME")
    rules_cmd.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text; json (what the widget reads); passwordrules (for password managers: the bare "
        "string with --ruleset, else one 'NAME: RULES' line per rule set)",
    )
    rules_cmd.add_argument(
        "--json", dest="format", action="store_const", const="json", help="same as --format json"
    )

    ask_cmd = commands.add_parser("interactive", help="ask for each field, hiding passwords")
    ask_cmd.add_argument("--ruleset", default=DEFAULT_RULESET, metavar="NAME")

    verify_cmd = commands.add_parser(
        "verify",
        help="check rule statements in HTML, PDF, text or Markdown files or folders, or on a "
        "live site (its URL)",
    )
    from checker.verify.cli import add_arguments

    add_arguments(verify_cmd)

    widget = commands.add_parser(
        "widget", help="print the password checker's script (rules included)"
    )
    shown = widget.add_mutually_exclusive_group()
    shown.add_argument("--css", action="store_true", help="print its stylesheet instead")
    shown.add_argument(
        "--sri", action="store_true",
        help="print the versioned file names and their Subresource Integrity hashes (sha384)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from checker.widget import ReleaseError

    return run(build_parser(), _COMMANDS, argv, errors=(FieldError, FactsError, ReleaseError))


def _read_fields(stream) -> dict[str, str]:
    try:
        raw = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as error:
        raise UsageError(f"stdin is not valid UTF-8 (byte {error.start})") from None
    try:
        data = json.loads(text, object_pairs_hook=_unique_keys, parse_int=_small_int)
    except json.JSONDecodeError as error:
        raise UsageError(f"stdin is not JSON: {error.msg} at line {error.lineno}") from None
    except RecursionError:
        raise UsageError("stdin is not JSON: nested deeper than the checker reads") from None
    if not isinstance(data, dict):
        raise UsageError(f"stdin must be one JSON object, not {type(data).__name__}")
    for key, value in data.items():
        if isinstance(value, str) and not _encodable(value):
            raise UsageError(f"field {key!r} is not valid Unicode (a lone surrogate)")
    return data


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """An object whose keys are each given once: with two "password" keys, which one is checked
    would depend on the parser (Python's takes the last)."""
    data: dict[str, object] = {}
    for key, value in pairs:
        if key in data:
            raise UsageError(f"stdin: key {key!r} appears twice")
        data[key] = value
    return data


MAX_INT_DIGITS = 100


def _small_int(text: str) -> int:
    # No field is a number; a 5,000-digit one would hit Python's limit on int() as a traceback.
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise UsageError(f"stdin is not JSON: a number of more than {MAX_INT_DIGITS} digits")
    return int(text)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _cmd_check(args) -> int:
    report = check(_read_fields(sys.stdin), ruleset=args.ruleset)
    sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=True) + "\n")
    return EXIT_OK if report.ok else EXIT_FAIL


def _cmd_rules(args) -> int:
    names = [args.ruleset] if args.ruleset else list(RULESETS)
    if args.format == "json":
        sys.stdout.write(export_json({name: RULESETS[name] for name in names}))
        return EXIT_OK
    if args.format == "passwordrules":
        for name in names:
            print(passwordrules(name) if args.ruleset else f"{name}: {passwordrules(name)}")
        return EXIT_OK
    for name in names:
        print(describe_ruleset(name))
    return EXIT_OK


def describe_ruleset(name: str) -> str:
    ruleset = get_ruleset(name)
    default = " (default)" if name == DEFAULT_RULESET else ""
    lines = [f"{ruleset.name}{default}: {ruleset.title}"]
    for rule in ruleset.rules:
        unverified = " [not confirmed by a current PACER source]" if not rule.verified else ""
        lines.append(f"  {rule.id}: {rule.text()}{unverified}")
        lines.append(f"      source: {rule.source.title}, {rule.source.date}")
    for fact in ruleset.facts:
        lines.append(f"  note: {fact.sentence()}")
    if ruleset.status:
        lines.append(f"  status: {ruleset.status.sentence()}")
    return "\n".join(lines) + "\n"


_SYMBOL = {PASS: "ok  ", FAIL: "FAIL", SKIP: "--  "}


def _cmd_interactive(args) -> int:
    if not sys.stdin.isatty():
        raise UsageError("interactive needs a terminal; pipe JSON to 'check' instead")
    print(f"Checking against {args.ruleset}. Press Enter to leave a field empty.")
    fields = {}
    for name in FIELDS:
        prompt = f"{FIELD_LABELS[name].capitalize()}: "
        secret = name in ("password", "confirm")
        fields[name] = getpass.getpass(prompt) if secret else input(prompt)
    report = check(fields, ruleset=args.ruleset)
    print(format_report(report))
    return EXIT_OK if report.ok else EXIT_FAIL


def format_report(report: Report) -> str:
    lines = [f"{_SYMBOL[r.state]} {r.rule_id}: {r.message}" for r in report.results]
    lines.append("All rules pass." if report.ok else f"{len(report.failures())} rule(s) fail.")
    return "\n".join(lines)


def _cmd_verify(args) -> int:
    from checker.verify.cli import run as verify

    return verify(args)


def _cmd_widget(args) -> int:
    from checker.widget import bundle, sri, styles, versioned_files

    if args.sri:
        for name, data in versioned_files().items():
            print(f"{name} {sri(data)}")
    else:
        sys.stdout.write(styles() if args.css else bundle())
    return EXIT_OK


_COMMANDS = {
    "widget": _cmd_widget,
    "check": _cmd_check,
    "rules": _cmd_rules,
    "interactive": _cmd_interactive,
    "verify": _cmd_verify,
}
