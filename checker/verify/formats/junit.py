"""``--format junit``: the run as JUnit XML, the test report CI systems show (GitLab, Jenkins,
Azure Pipelines, CircleCI).

One test case per file read (per page, for a live site), named by its path or URL:

- a mismatch is a ``<failure type="mismatch">``, its body one line per mismatch;
- a review is a failure too (``type="review"``) only under ``--fail-on review``; otherwise it is
  listed in the test case's ``<system-out>``. The report agrees with the exit code: a run that
  exits 0 shows no red test, and the reviews are still there to read beside their file;
- a file that could not be read is an ``<error type="unreadable">`` (the run exits 2);
- a page of a crawl that could not be fetched is ``<skipped>``: it was not tested, and does not
  change the exit code.

One failure element per test case: the Ant schema most readers follow allows no more.
The suite's ``<properties>`` hold the rule set and what was silenced; crawl limits, notes and
stale baseline entries go in its ``<system-out>``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from checker.verify.findings import Mismatch, Outcome, Review

# XML 1.0 allows no C0 control characters but tab, line feed and carriage return (nor U+FFFE/F);
# a hostile file's text may hold them, and one would make the whole report unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def as_junit(outcome: Outcome, fail_on: str = "mismatch") -> str:
    mismatches: dict[str, list[Mismatch]] = defaultdict(list)
    reviews: dict[str, list[Review]] = defaultdict(list)
    for m in outcome.mismatches:
        mismatches[m.file].append(m)
    for r in outcome.reviews:
        reviews[r.file].append(r)
    unreadable = dict(outcome.unreadable)
    errors = dict(outcome.errors)
    names = list(dict.fromkeys([*outcome.files, *mismatches, *reviews, *unreadable, *errors]))

    suite = ET.Element("testsuite", name=f"pacer-checker verify ({outcome.ruleset})")
    properties = ET.SubElement(suite, "properties")
    for key, value in (("ruleset", outcome.ruleset), ("suppressed", str(outcome.suppressed)),
                       ("stale-baseline", str(len(outcome.stale_baseline)))):  # fmt: skip
        ET.SubElement(properties, "property", name=key, value=value)
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for name in names:
        case = ET.SubElement(suite, "testcase", classname=f"pacer-checker.{outcome.ruleset}",
                             name=_clean(name))  # fmt: skip
        if not outcome.live:
            case.set("file", _clean(name))
        counts["tests"] += 1
        failing = [str(m) for m in mismatches[name]]
        listed = [str(r) for r in reviews[name]]
        if fail_on == "review":
            failing, listed = failing + listed, []
        if name in unreadable:
            counts["errors"] += 1
            _child(case, "error", f"unreadable: {unreadable[name]}", "unreadable")
        elif name in errors:
            counts["skipped"] += 1
            _child(case, "skipped", f"not read: {errors[name]}")
        elif failing:
            counts["failures"] += 1
            what = [f"{len(mismatches[name])} mismatch(es)"] if mismatches[name] else []
            if fail_on == "review" and reviews[name]:
                what.append(f"{len(reviews[name])} review(s)")
            kind = "mismatch" if mismatches[name] else "review"
            _child(case, "failure", ", ".join(what), kind, "\n".join(failing))
        if listed:
            ET.SubElement(case, "system-out").text = _clean(
                "".join(f"review: {line}\n" for line in listed)
            )
    for key, value in counts.items():
        suite.set(key, str(value))
    told = [*outcome.limits, *outcome.notes]
    told += [f"baseline entry no longer found: {entry}" for entry in outcome.stale_baseline]
    if told:
        ET.SubElement(suite, "system-out").text = _clean("".join(f"{line}\n" for line in told))
    root = ET.Element("testsuites", name="pacer-checker", **{k: str(v) for k, v in counts.items()})
    root.append(suite)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _child(case: ET.Element, tag: str, message: str, kind: str = "", body: str = "") -> None:
    element = ET.SubElement(case, tag, message=_clean(message))
    if kind:
        element.set("type", kind)
    if body:
        element.text = _clean(body)


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
