"""``verify --format junit``: one test case per file or page, whose counts add up; a mismatch is a
failure, a passage to review is one only under ``--fail-on review``."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from verify_ci import FILES, STALE_AT, court_folder, outcome_with_reviews, verify

from checker.verify.findings import Mismatch, Outcome
from checker.verify.formats.junit import as_junit


def suite_of(text: str) -> ET.Element:
    """The one test suite, after checking that every count matches what it holds."""
    root = ET.fromstring(text.encode())
    assert root.tag == "testsuites"
    [suite] = root.findall("testsuite")
    cases = suite.findall("testcase")
    counted = {
        "tests": len(cases),
        "failures": sum(case.find("failure") is not None for case in cases),
        "errors": sum(case.find("error") is not None for case in cases),
        "skipped": sum(case.find("skipped") is not None for case in cases),
    }
    for key, value in counted.items():
        assert int(suite.get(key)) == value == int(root.get(key)), key
    for case in cases:  # at most one outcome element a test case (the Ant schema's rule)
        assert len([c for c in case if c.tag in ("failure", "error", "skipped")]) <= 1
    return suite


def test_a_court_folder_as_junit(tmp_path):
    result = verify(".", "--format", "junit", cwd=court_folder(tmp_path))
    assert result.returncode == 1, result.stderr
    suite = suite_of(result.stdout)
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert sorted(cases) == FILES
    assert suite.get("failures") == str(len(STALE_AT))
    for name, (unit, number) in STALE_AT.items():
        failure = cases[name].find("failure")
        assert failure.get("type") == "mismatch"
        assert failure.get("message") == "1 mismatch(es)"
        where = f"{name}:{number}" if unit == "line" else f"{name}:page {number}"
        assert failure.text.startswith(f"{where}: ")
    assert list(cases["index.htm"]) == []  # a clean file is a passing test
    assert cases["index.htm"].get("file") == "index.htm"


def test_reviews_fail_a_test_only_under_fail_on_review():
    outcome = outcome_with_reviews()
    plain = {case.get("name"): case for case in suite_of(as_junit(outcome)).iter("testcase")}
    assert plain["a.html"].find("failure").get("type") == "mismatch"
    assert plain["a.html"].find("failure").text.count("\n") == 0  # the mismatch alone
    assert "repeat a character" in plain["a.html"].find("system-out").text
    assert plain["b.pdf"].find("failure") is None
    assert plain["b.pdf"].find("system-out").text.startswith("review: b.pdf:page 2: PACER")
    assert plain["c.pdf"].find("error").get("type") == "unreadable"

    strict = suite_of(as_junit(outcome, fail_on="review"))
    cases = {case.get("name"): case for case in strict.iter("testcase")}
    assert strict.get("failures") == "2"
    assert cases["a.html"].find("failure").get("message") == "1 mismatch(es), 1 review(s)"
    assert cases["b.pdf"].find("failure").get("type") == "review"
    assert cases["b.pdf"].find("system-out") is None
    properties = {p.get("name"): p.get("value") for p in strict.iter("property")}
    assert properties == {"ruleset": "pacer-2025", "suppressed": "2", "stale-baseline": "1"}
    assert "Passwords expire every 90 days" in strict.find("system-out").text


def test_a_crawl_has_a_case_per_page_and_skips_pages_not_read():
    outcome = Outcome(
        "pacer-2025", files=["https://court.example/", "https://court.example/a"], live=True,
        errors=[("https://court.example/gone", "HTTP 404")], limits=["stopped at 2 pages"],
    )  # fmt: skip
    suite = suite_of(as_junit(outcome))
    assert suite.get("tests") == "3" and suite.get("skipped") == "1"
    assert all(case.get("file") is None for case in suite.iter("testcase"))
    assert suite.find("system-out").text == "stopped at 2 pages\n"


def test_characters_xml_forbids_do_not_break_the_report():
    bad = "Pass\x00words must be 8\x0b-20 characters \ufffe."
    outcome = Outcome(
        "pacer-2025",
        files=["a\x01.txt"],
        mismatches=[Mismatch("a\x01.txt", bad, "x", "y", "password.length", 1)],
    )
    suite = suite_of(as_junit(outcome))
    assert suite.find("testcase").get("name") == "a\ufffd.txt"
    assert "Pass\ufffdwords must be 8\ufffd-20" in suite.find("testcase/failure").text


def test_fail_on_review_from_the_settings_file_fails_the_test_case(tmp_path):
    (tmp_path / "help.md").write_text("# Help\n\nPassword length for PACER: 8 minimum.\n")
    plain = verify("help.md", "--format", "junit", cwd=tmp_path)
    assert plain.returncode == 0
    suite = suite_of(plain.stdout)
    assert suite.get("failures") == "0"
    assert suite.find("testcase/system-out").text.startswith("review: help.md:3: Password")
    (tmp_path / ".pacer-checker.toml").write_text('fail-on = "review"\n')
    strict = verify("help.md", "--format", "junit", cwd=tmp_path)
    assert strict.returncode == 1
    failure = suite_of(strict.stdout).find("testcase/failure")
    assert failure.get("type") == "review" and failure.get("message") == "1 review(s)"
