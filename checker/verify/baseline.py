"""A baseline: the findings a person has reviewed, kept in a file, so a run reports only what is
new or changed (``--write-baseline FILE``, then ``--baseline FILE``).

Each entry is a fingerprint of a finding's sentence, by its words (case, spacing and punctuation
do not count) and its document (the path or URL as the report names it; never the line, so an
edit above a passage does not wake it). A reviewed passage stays quiet until its words change.
An entry whose document was read but which matched nothing is stale: it is listed, so the file
can be written again.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from checker.verify.findings import Mismatch, Outcome, Review, VerifyUsageError

FORMAT = "pacer-checker baseline"
VERSION = 1
_FIELDS = {"fingerprint", "file", "excerpt", "finding"}


_WORD = re.compile(r"[^\W_]+")


def fingerprint(finding: Mismatch | Review) -> str:
    """The finding's fingerprint: its document and its sentence's words (lower case, one space
    apart: spacing, case, punctuation and markup do not count), hashed."""
    words = " ".join(word.group(0) for word in _WORD.finditer(finding.words.lower()))
    return hashlib.sha256(f"{finding.file}\n{words}".encode()).hexdigest()[:20]


@dataclass(frozen=True)
class Entry:
    fingerprint: str
    file: str
    excerpt: str
    finding: str  # "mismatch" or "review"


def entries(outcome: Outcome) -> list[Entry]:
    """One entry per fingerprint of the outcome's mismatches and reviews, in report order."""
    found: dict[str, Entry] = {}
    for finding in [*outcome.mismatches, *outcome.reviews]:
        key = fingerprint(finding)
        kind = "mismatch" if isinstance(finding, Mismatch) else "review"
        found.setdefault(key, Entry(key, finding.file, finding.excerpt, kind))
    return list(found.values())


def write(path: Path, outcome: Outcome) -> int:
    """Write every finding of ``outcome`` to the baseline file ``path``; the number of entries."""
    listed = entries(outcome)
    data = {
        "format": FORMAT,
        "version": VERSION,
        "ruleset": outcome.ruleset,
        "entries": [entry.__dict__ for entry in listed],
    }
    try:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as error:
        raise VerifyUsageError(f"{path}: cannot write the baseline ({error.strerror})") from None
    return len(listed)


def read(path: Path) -> list[Entry]:
    """The entries of the baseline file ``path``; a bad file is a usage error naming what is
    wrong in it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise VerifyUsageError(f"{path}: no such baseline file (write one with "
                               "--write-baseline)") from None  # fmt: skip
    except (OSError, UnicodeDecodeError) as error:
        raise VerifyUsageError(f"{path}: cannot read the baseline ({error})") from None
    except json.JSONDecodeError as error:
        message = f"{path}: not a baseline: line {error.lineno}: {error.msg}"
        raise VerifyUsageError(message) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise VerifyUsageError(f"{path}: not a baseline (expected \"format\": \"{FORMAT}\")")
    if data.get("version") != VERSION:
        raise VerifyUsageError(f"{path}: baseline version {data.get('version')!r}, expected "
                               f"{VERSION}")  # fmt: skip
    listed = data.get("entries")
    if not isinstance(listed, list):
        raise VerifyUsageError(f"{path}: \"entries\" must be a list")
    result = []
    for number, entry in enumerate(listed, 1):
        if not isinstance(entry, dict) or set(entry) != _FIELDS or not all(
            isinstance(value, str) for value in entry.values()
        ):
            raise VerifyUsageError(f"{path}: entry {number} must have exactly the text fields "
                                   f"{', '.join(sorted(_FIELDS))}")  # fmt: skip
        result.append(Entry(**entry))
    return result


def apply(outcome: Outcome, baseline: list[Entry]) -> None:
    """Silence the outcome's findings the baseline lists (counted in ``suppressed``), and list
    as stale each entry whose document was read but which matched nothing."""
    listed = {entry.fingerprint: entry for entry in baseline}
    matched: set[str] = set()

    def keep(finding: Mismatch | Review) -> bool:
        key = fingerprint(finding)
        if key in listed:
            matched.add(key)
            outcome.suppressed += 1
            return False
        return True

    outcome.mismatches = [finding for finding in outcome.mismatches if keep(finding)]
    outcome.reviews = [finding for finding in outcome.reviews if keep(finding)]
    read = set(outcome.files)
    outcome.stale_baseline = [
        f"{entry.file}: {entry.excerpt}"
        for entry in baseline
        if entry.fingerprint not in matched and entry.file in read
    ]
