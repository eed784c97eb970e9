"""Drift against the calendar fails like drift against the rules: whole builds at frozen dates.

``SOURCE_DATE_EPOCH`` (the reproducible-builds convention, which MkDocs honors too) sets the
build date. Built before a dated fact's date, the site states it as upcoming; after it, as in
effect; past any fact's review-by date, the build stops and names each stale fact, its sources
and the pages that state it. A fact's date typed by hand into a page fails the build too.
"""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path

import pytest
from builds import copy_project, mkdocs_build, small_court_data

from checker.facts import book, us_date


def epoch(day: dt.date) -> str:
    return str(calendar.timegm(day.timetuple()))


def build_on(day: dt.date, project: Path, tmp_path: Path):
    env = {**small_court_data(tmp_path / "courts"), "SOURCE_DATE_EPOCH": epoch(day)}
    site = tmp_path / "site"
    return mkdocs_build(site, config=project / "mkdocs.yml", cwd=project, env=env), site


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def mfa_page(site: Path) -> str:
    return " ".join((site / "mfa" / "index.html").read_text(encoding="utf-8").split())


@pytest.mark.parametrize(
    "day, upcoming",
    [(dt.date(2025, 6, 1), True), (dt.date(2026, 11, 23), False)],
    ids=["before the deadline", "after the deadline"],
)
def test_the_mfa_deadline_reads_in_the_tense_of_the_build_date(project, tmp_path, day, upcoming):
    fact = book().get("mfa-deadline")
    result, site = build_on(day, project, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    page = mfa_page(site)
    before, after = (text.format(date=us_date(fact.date)) for text in (fact.before, fact.after))
    assert (before in page, after in page) == (upcoming, not upcoming)


def test_a_build_past_review_by_dates_fails_naming_the_stale_facts(project, tmp_path):
    result, _ = build_on(dt.date(2030, 1, 1), project, tmp_path)
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "past their review-by date" in log
    deadline = book().get("mfa-deadline")
    line = next(line for line in log.splitlines() if line.startswith("mfa-deadline:"))
    assert deadline.sources[0].url in line and "mfa.md" in line
    for fact in book().stale(dt.date(2030, 1, 1)):
        assert f"{fact.id}: review by" in log


def test_a_hand_typed_fact_date_fails_the_build(project, tmp_path):
    deadline = us_date(book().get("mfa-deadline").date)
    with (project / "docs" / "account.md").open("a", encoding="utf-8") as page:
        page.write(f"\n\nRemember the deadline of {deadline}.\n")
    result, _ = build_on(dt.date(2026, 11, 23), project, tmp_path)
    assert result.returncode != 0
    assert f"account/index.html: Remember the deadline of {deadline}." in result.stdout
