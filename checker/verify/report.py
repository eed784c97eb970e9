"""The verifier's report formats: text, JSON and GitHub workflow annotations, and the summary.

Every format names where each finding is: the file and line, or the page's address (URL) and line;
for a PDF, its page. A crawl's fetch errors are listed per URL: a section in text, ``errors`` in
JSON, warnings in GitHub's format.
"""

from __future__ import annotations

import json

from checker.verify.findings import Outcome

FORMATS = ("text", "json", "github")


def summary(outcome: Outcome) -> str:
    count, what = len(outcome.files), "page" if outcome.live else "file"
    read = f"{count} {what}{'' if count == 1 else 's'}"
    if outcome.mismatches:
        text = f"{len(outcome.mismatches)} mismatch(es) in {read}"
    else:
        text = f"{read} {'agrees' if count == 1 else 'agree'} with {outcome.ruleset}"
    if outcome.unreadable:
        text += f"; {len(outcome.unreadable)} file(s) could not be read"
    if outcome.errors:
        text += f"; {len(outcome.errors)} page(s) could not be read"
    if outcome.limits:
        text += "; stopped at a limit"
    return text


def as_text(outcome: Outcome) -> str:
    """One line per mismatch (each ending in a newline); for a crawl, then its errors and notes."""
    lines = [str(mismatch) for mismatch in outcome.mismatches]
    if outcome.errors:
        lines += ["", f"Pages that could not be read ({len(outcome.errors)}):"]
        lines += [f"{url}: {reason}" for url, reason in outcome.errors]
    if outcome.limits or outcome.notes:
        lines += ["", *outcome.limits, *outcome.notes]
    if lines and not lines[0]:
        lines = lines[1:]
    return "".join(f"{line}\n" for line in lines)


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
    if outcome.live:
        data["errors"] = [{"url": url, "reason": reason} for url, reason in outcome.errors]
        data["limits"] = outcome.limits
        data["notes"] = outcome.notes
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def as_github(outcome: Outcome) -> str:
    """GitHub workflow commands: one ``::error`` per mismatch and per unreadable file; for a
    crawl, one ``::warning`` per page not read and per limit reached.

    Annotations take a file and line, not a page or an address: a PDF's page goes into the title,
    and a page's address (which is no file of the repository) starts the message.
    """
    lines = []
    for m in outcome.mismatches:
        properties = {} if outcome.live else {"file": m.file}
        title = f"PACER rule {m.rule_id}"
        if m.unit == "line" and m.location and not outcome.live:
            properties["line"] = str(m.location)
        elif m.unit == "page" and m.location:
            title += f" (page {m.location})"
        properties["title"] = title
        where = f"{m.where}: " if outcome.live else ""
        message = f"{where}{m.excerpt} (says {m.says}; {outcome.ruleset} says {m.expected})"
        lines.append(_command("error", properties, message))
    for name, reason in outcome.unreadable:
        lines.append(_command("error", {"file": name, "title": "unreadable"}, reason))
    for url, reason in outcome.errors:
        lines.append(_command("warning", {"title": "page not read"}, f"{url}: {reason}"))
    for limit in outcome.limits:
        lines.append(_command("warning", {"title": "crawl stopped at a limit"}, limit))
    for note in outcome.notes:
        lines.append(_command("notice", {"title": "crawl"}, note))
    return "".join(f"{line}\n" for line in lines)


def _command(level: str, properties: dict[str, str], message: str) -> str:
    listed = ",".join(f"{key}={_escape(value, True)}" for key, value in properties.items())
    return f"::{level} {listed}::{_escape(message)}"


def _escape(value: str, property_value: bool = False) -> str:
    """Escaping as GitHub's runner does (toolkit/core command.ts)."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


FORMATTERS = {"text": as_text, "json": as_json, "github": as_github}
