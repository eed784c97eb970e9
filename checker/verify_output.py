"""``python -m checker verify PATH...``: read the files, report mismatches as text, JSON or GitHub
workflow annotations.

Exit codes: 0 every file agrees with the rule set, 1 a mismatch, 2 a usage error or an unreadable
file (each named on one line on stderr; the other files are still checked and reported).
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from .rulesets import DEFAULT_RULESET, UnknownRuleSet, get_ruleset
from .verify import EXIT_MISMATCH, EXIT_OK, EXIT_USAGE, Mismatch
from .verify_inputs import KINDS, Unreadable, check_file, find_files

FORMATS = ("text", "json", "github")
_TYPES = ", ".join(KINDS)


class VerifyUsageError(Exception):
    """A path the verifier cannot take: reported as one line, exit 2."""


@dataclass
class Outcome:
    ruleset: str
    files: list[str] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)


def check_paths(paths: Sequence[str]) -> None:
    """Raise :class:`VerifyUsageError` for the first path the verifier cannot take."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            if next(find_files(path), None) is None:
                raise VerifyUsageError(f"{given}: no {_TYPES} files in this folder (build first?)")
        elif not path.is_file():
            raise VerifyUsageError(f"{given}: no such file or folder")
        elif path.suffix.lower() not in KINDS:
            raise VerifyUsageError(f"{given}: not a file type verify reads ({_TYPES})")


def targets(paths: Sequence[str]) -> Iterator[tuple[Path, str]]:
    """(file, name shown in reports) for each file to read; names are paths as given."""
    for given in paths:
        path = Path(given)
        files = find_files(path) if path.is_dir() else [path]
        yield from ((file, file.as_posix()) for file in files)


def verify_paths(paths: Sequence[str], ruleset: str = DEFAULT_RULESET) -> Outcome:
    rules = get_ruleset(ruleset)
    check_paths(paths)
    outcome = Outcome(rules.name)
    for path, name in targets(paths):
        try:
            found = list(check_file(path, name, rules))
        except Unreadable as error:
            outcome.unreadable.append((name, str(error)))
            continue
        outcome.files.append(name)
        outcome.mismatches.extend(found)
    return outcome


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
    for name, reason in outcome.unreadable:
        print(f"checker: error: {name}: unreadable: {reason}", file=sys.stderr)
    print(summary(outcome), file=sys.stderr)
    if outcome.unreadable:
        return EXIT_USAGE
    return EXIT_MISMATCH if outcome.mismatches else EXIT_OK


def summary(outcome: Outcome) -> str:
    count = len(outcome.files)
    if outcome.mismatches:
        text = f"{len(outcome.mismatches)} mismatch(es) in {count} files"
    else:
        text = f"{count} files agree with {outcome.ruleset}"
    if outcome.unreadable:
        text += f"; {len(outcome.unreadable)} file(s) could not be read"
    return text


def as_text(outcome: Outcome) -> str:
    return "".join(f"{mismatch}\n" for mismatch in outcome.mismatches)


def as_json(outcome: Outcome) -> str:
    data = {
        "ruleset": outcome.ruleset,
        "files": outcome.files,
        "mismatches": [
            {
                "file": m.file,
                "location": {m.unit: m.location} if m.location else {},
                "excerpt": m.excerpt,
                "rule_id": m.rule_id,
                "says": m.says,
                "expected": m.expected,
            }
            for m in outcome.mismatches
        ],
        "unreadable": [{"file": name, "reason": reason} for name, reason in outcome.unreadable],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def as_github(outcome: Outcome) -> str:
    """GitHub workflow commands: one ``::error`` per mismatch and per unreadable file.

    Annotations take a line, not a page; a PDF's page goes into the title instead.
    """
    lines = []
    for m in outcome.mismatches:
        properties = {"file": m.file}
        title = f"PACER rule {m.rule_id}"
        if m.unit == "line" and m.location:
            properties["line"] = str(m.location)
        elif m.location:
            title += f" (page {m.location})"
        properties["title"] = title
        message = f"{m.excerpt} (says {m.says}; {outcome.ruleset} says {m.expected})"
        lines.append(_command(properties, message))
    for name, reason in outcome.unreadable:
        lines.append(_command({"file": name, "title": "unreadable"}, reason))
    return "".join(f"{line}\n" for line in lines)


def _command(properties: dict[str, str], message: str) -> str:
    listed = ",".join(f"{key}={_escape(value, True)}" for key, value in properties.items())
    return f"::error {listed}::{_escape(message)}"


def _escape(value: str, property_value: bool = False) -> str:
    """Escaping as GitHub's runner does (toolkit/core command.ts)."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


FORMATTERS = {"text": as_text, "json": as_json, "github": as_github}
