"""Import the courts' help contacts, researched one group of courts at a time, into the court data.

A research file (``contacts-<G>.json``) holds, for every court of its group's list
(``courts-<G>.csv`` beside it), either the court's ``contact`` or ``none`` (searched, nothing
found), and any court ``notes`` met on the way::

    {"group": "A", "checked_on": "2026-12-01",
     "courts": {"mnd": {"contact": {...}, "notes": [...]}, "xxb": {"none": "queries tried ..."}}}

A file is imported only when it covers every court of its list, so a file still being written is
never taken for a finished one. A file without a list of its own (``contacts-A2.json``, a second
pass over some courts) is a supplement: it updates the contacts of the courts it names, after
every group file, so the later research wins. A supplement's notes are remarks for a person
(what the second pass changed and why), not court facts: they are counted, not published.

A court note is published on the court's page as it is written, so it must be our own short
summary: one sentence of at most NOTE_WORDS words (the readability gate fails longer ones).
Every record is validated with the court data's own schema
(:func:`checker.site.courts.registry.parse_contact`), so the importer accepts exactly what a
build accepts.
The merged data is validated again before ``court_facts.json`` is replaced.

``python -m checker.site courts --import-contacts FILE [FILE ...] [--skip-invalid]``
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.site.courts.registry import (
    CourtDataError,
    Registry,
    court_fact,
    load_registry,
    on_court_host,
    parse_contact,
    read_courts_json,
    site_partners,
)


@dataclass
class GroupReport:
    """What happened to one research file."""

    path: Path
    contacts: int = 0
    none: int = 0
    notes: int = 0
    rejected: list[str] = field(default_factory=list)
    skipped: str = ""  # why the whole file was left out ('' when imported)
    supplement: bool = False
    remarks: int = 0  # a supplement's notes, left for a person to read

    def __str__(self) -> str:
        if self.skipped:
            return f"{self.path}: not imported: {self.skipped}"
        line = (
            f"{self.path}: imported {self.contacts} contacts, {self.none} courts without one, "
            f"{self.notes} notes"
        )
        if self.supplement:
            line += (
                f" (a supplement: it has no list of courts, so it updates only those it names;"
                f" {self.remarks} notes left unpublished as remarks for a person)"
            )
        return "\n  ".join([line, *(f"rejected: {r}" for r in self.rejected)])


def group_list(path: Path) -> Path:
    """A research file's list of courts: ``courts-<G>.csv`` beside ``contacts-<G>.json``."""
    return path.with_name(f"courts-{path.stem.removeprefix('contacts-')}.csv")


def group_courts(path: Path) -> list[str]:
    """The court ids of a research file's group list (see :func:`group_list`)."""
    listing = group_list(path)
    try:
        with listing.open(newline="", encoding="utf-8") as handle:
            return [row["id"].strip() for row in csv.DictReader(handle)]
    except (OSError, KeyError) as error:
        raise CourtDataError(
            f"{listing}: cannot read the group's list of courts ({error})"
        ) from None


def read_group(path: Path, registry: Registry, skip_invalid: bool) -> tuple[dict, GroupReport]:
    """The court entries of one research file, validated, as court_facts.json entries."""
    report = GroupReport(path)
    courts, checked_on = read_courts_json(path)
    report.supplement = not group_list(path).exists()
    listed = [] if report.supplement else group_courts(path)
    missing = [court_id for court_id in listed if court_id not in courts]
    if missing:
        report.skipped = (
            f"{len(missing)} courts of its list not done yet ({', '.join(missing[:8])}"
            f"{', ...' if len(missing) > 8 else ''})"
        )
        return {}, report
    entries = {}
    for court_id, raw in courts.items():
        try:
            entries[court_id] = _entry(path, court_id, raw, registry, checked_on, report)
        except CourtDataError as error:
            if not skip_invalid:
                raise
            report.rejected.append(str(error))
        if court_id in entries:
            entries[court_id]["notes"] = _published_notes(
                entries[court_id]["notes"], path, court_id, report, skip_invalid
            )
    return entries, report


NOTE_WORDS = 40


def _published_notes(
    notes: list[dict], path: Path, court_id: str, report: GroupReport, skip_invalid: bool
) -> list[dict]:
    """The notes to publish: none of a supplement's; a group's, each at most NOTE_WORDS words."""
    if report.supplement:
        report.remarks += len(notes)
        report.notes -= len(notes)
        return []
    kept = []
    for index, note in enumerate(notes):
        words = len(note["text"].split())
        if words <= NOTE_WORDS:
            kept.append(note)
            continue
        error = (
            f"{path}, court {court_id!r}, field 'notes[{index}].text': expected a summary of at "
            f"most {NOTE_WORDS} words for the court's page, got {words}"
        )
        if not skip_invalid:
            raise CourtDataError(error)
        report.rejected.append(error)
        report.notes -= 1
    return kept


def _entry(
    path: Path,
    court_id: str,
    raw: Any,
    registry: Registry,
    checked_on: dt.date,
    report: GroupReport,
) -> dict:
    where = f"{path}, court {court_id!r}"
    court = registry.get(court_id)
    if not isinstance(raw, dict) or ("contact" in raw) == ("none" in raw):
        raise CourtDataError(f"{where}: expected exactly one of 'contact' and 'none'")
    unknown = sorted(set(raw) - {"contact", "none", "notes"})
    if unknown:
        raise CourtDataError(f"{where}, field {unknown[0]!r}: expected contact, none or notes")
    if "none" in raw:
        contact = {"none": raw["none"], "checked_on": checked_on.isoformat()}
    else:
        contact = {**raw["contact"], "checked_on": raw["contact"].get("checked_on",
                                                                      checked_on.isoformat())}
    partners = site_partners(court, registry.courts)
    parsed = parse_contact(contact, where, court, checked_on, partners)
    notes = raw.get("notes", [])
    if not isinstance(notes, list):
        raise CourtDataError(f"{where}, field 'notes': expected a list")
    kept = []
    for index, note in enumerate(notes):
        note_where = f"{where}, field 'notes[{index}]'"
        if not isinstance(note, dict):
            raise CourtDataError(f"{note_where}: expected an object")
        note = {**note, "checked_on": note.get("checked_on", checked_on.isoformat())}
        fact = court_fact(note, note_where, f"{court_id}.notes.{index}", "procedure", checked_on)
        if not fact.text.strip():
            raise CourtDataError(f"{note_where}.text: expected our one-sentence summary")
        if not on_court_host(fact.source.url, court, partners):
            raise CourtDataError(
                f"{note_where}.source.url: expected an address on the court's own website, "
                f"got {fact.source.url!r}"
            )
        kept.append(note)
    if parsed.found:
        report.contacts += 1
    else:
        report.none += 1
    report.notes += len(kept)
    return {"contact": contact, "notes": kept}


def merge(facts: dict, entries: Mapping[str, dict]) -> dict:
    """``court_facts.json`` data with each court's contact replaced and new notes added (a note
    already there, by text and address, is not added twice)."""
    courts = facts.setdefault("courts", {})
    for court_id, entry in entries.items():
        court = courts.setdefault(court_id, {})
        court["contact"] = entry["contact"]
        notes = court.setdefault("notes", [])
        seen = {(n.get("text"), (n.get("source") or {}).get("url")) for n in notes}
        for note in entry["notes"]:
            key = (note.get("text"), (note.get("source") or {}).get("url"))
            if key not in seen:
                notes.append(note)
                seen.add(key)
        if not notes:
            del court["notes"]
    return facts


def import_contacts(
    files: Iterable[Path], csv_path: Path, skip_invalid: bool = False
) -> list[GroupReport]:
    """Merge every complete research file into the court facts beside ``csv_path``.

    Files not yet complete are reported and left out. With ``skip_invalid``, a bad record is
    reported and left out instead of stopping the import. Nothing is written unless the merged
    data loads.
    """
    registry = load_registry(csv_path)
    facts_path = csv_path.with_name("court_facts.json")
    facts = json.loads(facts_path.read_text(encoding="utf-8"))
    reports = []
    # Group files first, then supplements: a second pass over a court replaces the first.
    files = sorted(map(Path, files), key=lambda path: not group_list(path).exists())
    for path in files:
        entries, report = read_group(Path(path), registry, skip_invalid)
        merge(facts, entries)
        reports.append(report)
    staged = facts_path.with_name(facts_path.name + ".new")
    staged.write_text(json.dumps(facts, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    try:
        _load_staged(csv_path, staged)
    except CourtDataError:
        staged.unlink()
        raise
    staged.replace(facts_path)
    return reports


def _load_staged(csv_path: Path, staged: Path) -> None:
    """Load the registry with the staged facts file in place of the real one."""
    from checker.site.courts.registry import load_csv, load_facts

    load_facts(staged, load_csv(csv_path))
