"""``--format sarif``: the run as a SARIF 2.1.0 log, the format code scanning reads.

One reporting rule per statement kind, its id ``pacer-checker/<kind>`` and its description taken
from the list of kinds (:data:`checker.verify.kinds.KINDS`: a kind added there is a rule here),
and ``pacer-checker/unread`` for a passage that looks like a rule of no known kind. A mismatch is a
result at ``level: error``; a review (a passage that looks like a rule and was not read) is one
at ``level: warning``. Reviews keep SARIF's default ``kind: fail``: the spec's ``kind: review``
would force ``level: none`` (3.27.10), which code scanning does not show as a warning.

Where: a file is an artifact URI relative to ``%SRCROOT%``, the folder the command ran in (the
run's ``originalUriBaseIds`` gives its absolute URI; code scanning resolves relative URIs against
the checkout, where a workflow runs the command), and a line is a region's
``startLine``. A PDF's page is no region (a region needs a line, a character or a byte offset,
and a page is none of them), so the page goes in the physical location's property bag
(``properties.page``) and in the location's message ("page 3"), which viewers show. A page of a
live site is its absolute URL.

What stopped the run short (an unreadable file, a page not fetched, a crawl limit) is a tool
notification on the invocation, not a result: it says nothing about a rule.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from checker import __version__
from checker.rulesets import RuleSet, get_ruleset
from checker.verify.baseline import fingerprint
from checker.verify.findings import Mismatch, Outcome, Review

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
PREFIX = "pacer-checker/"
UNREAD = "unread"
SOURCE_ROOT = "%SRCROOT%"
FINGERPRINT = "pacerCheckerPassage/v1"


def kinds() -> list[str]:
    """The statement kinds' names, in the readers' order (:data:`checker.verify.kinds.KINDS`)."""
    # Loaded only for this format: the kinds compile the readers' patterns.
    from checker.verify.kinds import KINDS

    return [kind.name for kind in KINDS]


def kind_of(rule_id: str) -> str:
    """The kind of the rule ``rule_id`` (``password.length`` -> ``length``); unknown: itself."""
    from checker.verify.kinds import KIND_OF_RULE

    return KIND_OF_RULE.get(rule_id, rule_id or UNREAD)


def rule_id(kind: str) -> str:
    return f"{PREFIX}{kind or UNREAD}"


def as_sarif(outcome: Outcome) -> str:
    rules = get_ruleset(outcome.ruleset)
    names = kinds()
    found = [kind_of(m.rule_id) for m in outcome.mismatches] + [r.kind for r in outcome.reviews]
    # A kind the list lacks (or a kindless review) still gets a rule, so every result has one.
    names += [kind or UNREAD for kind in dict.fromkeys(found) if (kind or UNREAD) not in names]
    index = {kind: number for number, kind in enumerate(names)}
    results = [_result(found, index, outcome) for found in [*outcome.mismatches, *outcome.reviews]]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "pacer-checker",
                "version": __version__,
                "rules": [_descriptor(kind, rules) for kind in names],
            }
        },
        "invocations": [_invocation(outcome)],
        "results": results,
        "properties": {
            "ruleset": outcome.ruleset,
            "read": len(outcome.files),
            "suppressed": outcome.suppressed,
            "staleBaseline": outcome.stale_baseline,
        },
    }
    if not outcome.live:
        # What %SRCROOT% stands for: the folder the command ran in (paths are relative to it).
        run["originalUriBaseIds"] = {SOURCE_ROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}}
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=1) + "\n"


def _descriptor(name: str, rules: RuleSet) -> dict[str, Any]:
    from checker.verify.kinds import KINDS

    kind = next((kind for kind in KINDS if kind.name == name), None)
    members = list(kind.rule_ids) if kind else []
    stated = [rules.rule(rule).text() for rule in members if rule in rules.rule_ids]
    if kind is None:
        short = "A passage that looks like a PACER rule statement of no known kind"
        full = (
            "The passage has a number with a unit, a character class, or a repeat, expiry or "
            "personal-data word, with the password, username or PACER as its subject, and no "
            "reader made a statement of it. Read it; record it in a baseline or mark it "
            "'pacer-checker: ignore' once it is right."
        )
    else:
        short = f"{kind.title} ({', '.join(members)})"
        full = (
            f"A statement of PACER's rules on {kind.title[0].lower()}{kind.title[1:]}: an error "
            "when it disagrees with the rule set, a warning when it looks like such a statement "
            "but could not be read (read it yourself)."
        )
    descriptor: dict[str, Any] = {
        "id": rule_id(name),
        "name": name.title().replace("-", "").replace("_", ""),
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "defaultConfiguration": {"level": "error" if kind else "warning"},
        "properties": {"rules": members, "tags": ["pacer", "documentation"]},
    }
    if stated:
        descriptor["help"] = {"text": f"{rules.title}: " + " ".join(stated)}
    return descriptor


def _result(found: Mismatch | Review, index: dict[str, int], outcome: Outcome) -> dict[str, Any]:
    """A mismatch as an error, a passage to review as a warning, under its kind's rule."""
    if isinstance(found, Mismatch):
        kind, level = kind_of(found.rule_id), "error"
        text = f"{found.excerpt} (says {found.says}; {outcome.ruleset} says {found.expected})"
        properties = {"rule": found.rule_id, "says": found.says, "expected": found.expected}
    else:
        kind, level = found.kind or UNREAD, "warning"
        text = f"{found.excerpt} (looks like a rule: {found.why}; review it)"
        properties = {"why": found.why}
    return {
        "ruleId": rule_id(kind),
        "ruleIndex": index[kind],
        "level": level,
        "message": {"text": text},
        "locations": [_location(found.file, found.unit, found.location, outcome.live)],
        # The baseline's fingerprint (document and words, never the line): code scanning keeps
        # an alert as one alert when text above it moves it, as the baseline does.
        "partialFingerprints": {FINGERPRINT: fingerprint(found)},
        "properties": properties,
    }


def _location(name: str, unit: str, number: int, live: bool) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": _artifact(name, live)}
    location: dict[str, Any] = {"physicalLocation": physical}
    if number and unit == "line":
        physical["region"] = {"startLine": number}
    elif number:
        physical["properties"] = {unit: number}
        location["message"] = {"text": f"{unit} {number}"}
    return location


def _artifact(name: str, live: bool = False) -> dict[str, str]:
    """A file's URI: an address as it is; a path percent-encoded, relative under ``%SRCROOT%``."""
    if live or name.lower().startswith(("http://", "https://")):
        return {"uri": name}
    path = PurePosixPath(name)
    if path.is_absolute():
        return {"uri": "file://" + quote(path.as_posix())}
    return {"uri": quote(path.as_posix()), "uriBaseId": SOURCE_ROOT}


def _invocation(outcome: Outcome) -> dict[str, Any]:
    notes: list[dict[str, Any]] = []
    for name, reason in outcome.unreadable:
        notes.append(_note("error", f"{name}: unreadable: {reason}", name, outcome.live))
    for url, reason in outcome.errors:
        notes.append(_note("warning", f"{url}: not read: {reason}", url, True))
    notes += [_note("warning", limit) for limit in outcome.limits]
    notes += [_note("note", note) for note in outcome.notes]
    notes += [_note("note", f"baseline entry no longer found: {entry}")
              for entry in outcome.stale_baseline]  # fmt: skip
    invocation: dict[str, Any] = {"executionSuccessful": not outcome.unreadable}
    if notes:
        invocation["toolExecutionNotifications"] = notes
    return invocation


def _note(level: str, text: str, name: str = "", live: bool = False) -> dict[str, Any]:
    note: dict[str, Any] = {"level": level, "message": {"text": text}}
    if name:
        note["locations"] = [{"physicalLocation": {"artifactLocation": _artifact(name, live)}}]
    return note
