"""``verify --format sarif``: valid SARIF 2.1.0 (the OASIS schema), one rule per statement kind,
mismatches as errors and passages to review as warnings, each at its file and line or PDF page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft4Validator
from verify_ci import FILES, ROOT, STALE_AT, court_folder, outcome_with_reviews, verify

from checker.verify.findings import Outcome
from checker.verify.formats.sarif import as_sarif
from checker.verify.kinds import KIND_OF_RULE, KINDS


def schema_path() -> Path:
    """The SARIF 2.1.0 schema in the steering checkout's shared/data: ../shared beside the
    repository in CI, a folder further up beside a worktree."""
    for folder in ROOT.parents:
        candidate = folder / "shared" / "data" / "sarif-schema-2.1.0.json"
        if candidate.is_file():
            return candidate
    raise AssertionError(f"no shared/data/sarif-schema-2.1.0.json in a folder above {ROOT}")


@pytest.fixture(scope="module")
def validator() -> Draft4Validator:
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    assert schema["$schema"].startswith("http://json-schema.org/draft-04/")
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)


def valid(validator: Draft4Validator, text: str) -> dict:
    log = json.loads(text)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []
    return log


def test_the_schema_check_can_fail(validator):
    log = json.loads(as_sarif(outcome_with_reviews()))
    log["runs"][0]["results"][0]["level"] = "fatal"  # not one of SARIF's levels
    del log["runs"][0]["tool"]["driver"]["name"]
    assert len(list(validator.iter_errors(log))) == 2


def test_a_court_folder_as_sarif(tmp_path, validator):
    court = court_folder(tmp_path)
    result = verify(".", "--format", "sarif", cwd=court)
    assert result.returncode == 1, result.stderr
    run = valid(validator, result.stdout)["runs"][0]
    assert run["tool"]["driver"]["name"] == "pacer-checker"
    assert run["invocations"] == [{"executionSuccessful": True}]
    assert run["properties"]["read"] == len(FILES)
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": court.resolve().as_uri() + "/"}}
    rules = run["tool"]["driver"]["rules"]
    places = {}
    for found in run["results"]:
        assert found["level"] == "error"
        # ruleIndex points at the rule named by ruleId, and the rule is the statement's kind.
        assert rules[found["ruleIndex"]]["id"] == found["ruleId"]
        assert found["ruleId"] == "pacer-checker/" + KIND_OF_RULE[found["properties"]["rule"]]
        [location] = found["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        name = physical["artifactLocation"]["uri"]
        if "region" in physical:
            places[name] = ("line", physical["region"]["startLine"])
        else:  # a PDF's page: no region (none fits), the page in the property bag
            places[name] = ("page", physical["properties"]["page"])
            assert location["message"]["text"] == f"page {places[name][1]}"
    assert places == STALE_AT
    # The baseline's fingerprints, as JSON reports them.
    listed = json.loads(verify(".", "--format", "json", cwd=court).stdout)["mismatches"]
    prints = [found["partialFingerprints"]["pacerCheckerPassage/v1"] for found in run["results"]]
    assert sorted(prints) == sorted(m["fingerprint"] for m in listed)


def test_one_stable_rule_per_kind_from_the_kind_list():
    rules = json.loads(as_sarif(Outcome("pacer-2025")))["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [f"pacer-checker/{kind.name}" for kind in KINDS]
    for rule, kind in zip(rules, KINDS, strict=True):
        assert rule["properties"]["rules"] == list(kind.rule_ids)
        assert rule["shortDescription"]["text"].startswith(kind.title)
        assert rule["defaultConfiguration"]["level"] == "error"


def test_reviews_are_warnings_and_what_stopped_the_run_is_a_notification(validator):
    run = valid(validator, as_sarif(outcome_with_reviews()))["runs"][0]
    levels = [(found["ruleId"], found["level"]) for found in run["results"]]
    assert levels == [
        ("pacer-checker/length", "error"),
        ("pacer-checker/repeat", "warning"),
        ("pacer-checker/unread", "warning"),  # a review of no known kind has a rule of its own
    ]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert rules[-1] == "pacer-checker/unread"
    assert all("kind" not in found for found in run["results"])  # kind "review" forces level none
    review = run["results"][2]["locations"][0]["physicalLocation"]
    assert review["properties"] == {"page": 2} and "region" not in review
    [invocation] = run["invocations"]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [(note["level"], note["message"]["text"]) for note in notes] == [
        ("error", "c.pdf: unreadable: not a PDF"),
        ("note", "baseline entry no longer found: d.md: Passwords expire every 90 days."),
    ]
    assert notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "c.pdf"
    assert run["properties"]["suppressed"] == 2


def test_addresses_and_odd_paths_are_uris(validator):
    outcome = outcome_with_reviews()
    outcome.reviews = []
    outcome.mismatches[0] = outcome.mismatches[0].__class__(
        "court guides/50% off.html", "x", "a", "b", "password.length", 1
    )
    uri = json.loads(as_sarif(outcome))["runs"][0]["results"][0]["locations"][0]
    assert uri["physicalLocation"]["artifactLocation"]["uri"] == "court%20guides/50%25%20off.html"
    live = Outcome(
        "pacer-2025",
        files=["https://court.example/a b"],
        live=True,
        errors=[("https://court.example/gone", "HTTP 404")],
        limits=["max pages"],
    )
    run = valid(validator, as_sarif(live))["runs"][0]
    assert "originalUriBaseIds" not in run  # addresses are absolute
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert notes[0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "https://court.example/gone"
    }
    assert [note["level"] for note in notes] == ["warning", "warning"]


def test_a_review_the_readers_find_is_a_warning_at_its_line(tmp_path, validator):
    (tmp_path / "help.html").write_text(
        "<html>\n<body>\n<p>Password length for PACER: 8 minimum.</p>\n</body>"
    )
    result = verify("help.html", "--format", "sarif", cwd=tmp_path)
    assert result.returncode == 0, result.stderr  # a review alone does not fail the run
    [found] = valid(validator, result.stdout)["runs"][0]["results"]
    assert (found["ruleId"], found["level"]) == ("pacer-checker/length", "warning")
    assert found["locations"][0]["physicalLocation"]["region"] == {"startLine": 3}
    assert found["properties"]["why"] in found["message"]["text"]
    assert verify("help.html", "--format", "sarif", "--fail-on", "review",
                  cwd=tmp_path).returncode == 1  # fmt: skip
