"""The verifier's report formats: text, JSON and GitHub workflow annotations, and the summary;
SARIF and JUnit XML live in :mod:`.formats` and are registered here.

Every format names where each finding is: the file and line, or the page's address (URL) and line;
for a PDF, its page. A finding is a mismatch (a rule stated wrongly) or a review (a passage that
looks like a rule statement but was not read as one): a "review" section after the mismatches in
text, ``reviews`` in JSON, ``::warning`` in GitHub's format. What inline comments or a baseline
silenced is counted, and stale baseline entries are listed. A crawl's fetch errors are listed per
URL: a section in text, ``errors`` in JSON, warnings in GitHub's format.
"""

from __future__ import annotations

import json
import re

from checker.verify.baseline import fingerprint
from checker.verify.findings import MAX_LISTED, Mismatch, Outcome, Review

FORMATS = ("text", "json", "github", "sarif", "junit")


def summary(outcome: Outcome) -> str:
    count, what = len(outcome.files), "page" if outcome.live else "file"
    read = f"{count} {what}{'' if count == 1 else 's'}"
    if outcome.mismatches:
        text = f"{outcome.count('mismatch')} mismatch(es) in {read}"
    elif outcome.reviews:
        text = f"no mismatch with {outcome.ruleset} in {read}"
    else:
        text = f"{read} {'agrees' if count == 1 else 'agree'} with {outcome.ruleset}"
    if outcome.reviews:
        text += f"; {outcome.count('review')} passage(s) to review"
    if outcome.suppressed:
        text += f"; {outcome.suppressed} silenced (inline or baseline)"
    if outcome.stale_baseline:
        text += f"; {len(outcome.stale_baseline)} stale baseline entr"
        text += "y" if len(outcome.stale_baseline) == 1 else "ies"
    if outcome.unreadable:
        text += f"; {len(outcome.unreadable)} file(s) could not be read"
    if outcome.errors:
        text += f"; {len(outcome.errors)} page(s) could not be read"
    if outcome.limits:
        text += "; stopped at a limit"
    return text


# C0 and C1 controls and DEL (a terminal's escape sequences start with ESC or CSI), and the
# characters that reorder or hide text (bidirectional overrides and isolates).
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` safe to print on a terminal: each control character as its Python escape
    (ESC as \\x1b), so a page or a file name can neither move the cursor, clear the screen,
    retitle the window nor hide text, and every line of a report stays one line. Lone
    surrogates (a file name's bytes that are not UTF-8) are written as escapes too."""
    if text.isprintable() and text.isascii():
        return text
    text = _CONTROLS.sub(lambda m: repr(m.group(0))[1:-1], text)
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def as_text(outcome: Outcome) -> str:
    """One line per mismatch (each ending in a newline), then the passages to review and stale
    baseline entries; for a crawl, then its errors and notes."""
    lines = [str(mismatch) for mismatch in outcome.mismatches]
    lines += _unlisted(outcome, "mismatch")
    if outcome.reviews:
        lines += ["", f"To review ({len(outcome.reviews)}): these look like rule statements but "
                      "were not read as one; fix the wording, or record them as reviewed"]
        lines += [str(review) for review in outcome.reviews]
        lines += _unlisted(outcome, "review")
    if outcome.stale_baseline:
        lines += ["", f"Stale baseline entries ({len(outcome.stale_baseline)}): no longer found; "
                      "write the baseline again"]
        lines += outcome.stale_baseline
    if outcome.errors:
        lines += ["", f"Pages that could not be read ({len(outcome.errors)}):"]
        lines += [f"{url}: {reason}" for url, reason in outcome.errors]
    if outcome.limits or outcome.notes:
        lines += ["", *outcome.limits, *outcome.notes]
    if lines and not lines[0]:
        lines = lines[1:]
    return "".join(f"{printable(line)}\n" for line in lines)


def _unlisted(outcome: Outcome, kind: str) -> list[str]:
    more = outcome.unlisted[kind]
    if not more:
        return []
    plural = "mismatches" if kind == "mismatch" else "reviews"
    return [f"... and {more:,} more {plural}, not listed (a report lists {MAX_LISTED:,})"]


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
                "fingerprint": fingerprint(m),
            }
            for m in outcome.mismatches
        ],
        "reviews": [
            {
                "file": r.file,
                "location": {r.unit: r.location} if r.location else {},
                "excerpt": r.excerpt,
                "kind": r.kind,
                "why": r.why,
                "fingerprint": fingerprint(r),
            }
            for r in outcome.reviews
        ],
        "suppressed": outcome.suppressed,
        "stale_baseline": outcome.stale_baseline,
        "unreadable": [{"file": name, "reason": reason} for name, reason in outcome.unreadable],
        # Found past the MAX_LISTED a report lists: counted by outcome, not listed.
        **({"unlisted": dict(outcome.unlisted)} if outcome.unlisted else {}),
    }
    if outcome.live:
        data["errors"] = [{"url": url, "reason": reason} for url, reason in outcome.errors]
        data["limits"] = outcome.limits
        data["notes"] = outcome.notes
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def as_github(outcome: Outcome) -> str:
    """GitHub workflow commands: one ``::error`` per mismatch and per unreadable file, one
    ``::warning`` per passage to review and per stale baseline entry; for a crawl, one
    ``::warning`` per page not read and per limit reached.

    Annotations take a file and line, not a page or an address: a PDF's page goes into the title,
    and a page's address (which is no file of the repository) starts the message.
    """
    lines = []
    for m in outcome.mismatches:
        properties, where = _annotated(m, f"PACER rule {m.rule_id}", outcome.live)
        message = f"{where}{m.excerpt} (says {m.says}; {outcome.ruleset} says {m.expected})"
        lines.append(_command("error", properties, message))
    for r in outcome.reviews:
        title = f"PACER rule? review ({r.kind})" if r.kind else "PACER rule? review"
        properties, where = _annotated(r, title, outcome.live)
        message = f"{where}{r.excerpt} (looks like a rule, {r.why}; not read as one)"
        lines.append(_command("warning", properties, message))
    for entry in outcome.stale_baseline:
        lines.append(_command("warning", {"title": "stale baseline entry"}, entry))
    for name, reason in outcome.unreadable:
        lines.append(_command("error", {"file": name, "title": "unreadable"}, reason))
    for url, reason in outcome.errors:
        lines.append(_command("warning", {"title": "page not read"}, f"{url}: {reason}"))
    for limit in outcome.limits:
        lines.append(_command("warning", {"title": "crawl stopped at a limit"}, limit))
    for note in outcome.notes:
        lines.append(_command("notice", {"title": "crawl"}, note))
    return "".join(f"{line}\n" for line in lines)


def _annotated(finding: Mismatch | Review, title: str, live: bool) -> tuple[dict[str, str], str]:
    """An annotation's properties (file, line, title) and what starts its message: a file's
    line is a property; a PDF's page goes into the title; a page's address starts the message."""
    properties = {} if live else {"file": finding.file}
    if finding.unit == "line" and finding.location and not live:
        properties["line"] = str(finding.location)
    elif finding.unit == "page" and finding.location:
        title += f" (page {finding.location})"
    properties["title"] = title
    return properties, f"{finding.where}: " if live else ""


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


def render(fmt: str, outcome: Outcome, fail_on: str = "mismatch") -> str:
    """The report in format ``fmt``. JUnit needs ``fail_on``: a passage to review is a failing
    test only when it fails the run."""
    if fmt == "sarif":
        from checker.verify.formats.sarif import as_sarif

        return as_sarif(outcome)
    if fmt == "junit":
        from checker.verify.formats.junit import as_junit

        return as_junit(outcome, fail_on)
    return FORMATTERS[fmt](outcome)
