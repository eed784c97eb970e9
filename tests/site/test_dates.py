"""Hand-typed dates of dated facts in built HTML are findings; rendered or code dates are not."""

from __future__ import annotations

import datetime as dt

import markdown
import pytest

from checker.site.checks.dates import check_dates
from checker.site.cli import main as site_main


def page(tmp_path, body: str, name: str = "page.html"):
    (tmp_path / name).write_text(f"<html><body><main>{body}</main></body></html>")
    return tmp_path


@pytest.fixture(autouse=True)
def build_date(monkeypatch):
    """Within every fact's review period, so the shortcodes render."""
    midday = dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(midday.timestamp())))


@pytest.mark.parametrize(
    "written",
    ["December 31, 2025", "Dec. 31, 2025", "31 December 2025", "12/31/2025", "2025-12-31"],
)
def test_a_hand_typed_fact_date_in_prose_is_a_finding(tmp_path, written):
    site = page(tmp_path, f"<p>Intro.</p><p>You must enroll in MFA by {written}. Then log in.</p>")
    [finding] = check_dates(site)
    assert finding.page == "page.html" and finding.fact_ids == ("mfa-deadline",)
    assert finding.says == written
    assert str(finding).startswith(f"page.html: You must enroll in MFA by {written}.: says")
    assert "<!-- pacer:date mfa-deadline -->" in str(finding)


def test_the_same_date_rendered_by_shortcode_passes(tmp_path):
    body = markdown.markdown(
        "Enroll by <!-- pacer:date mfa-deadline -->.\n\n<!-- pacer:fact mfa-deadline -->\n\n"
        "Source: <!-- pacer:sources password-rules-announced -->",
        extensions=["checker.site.markdown.extension"],
    )
    assert "December 31, 2025" in body and "June 27, 2025" in body
    assert check_dates(page(tmp_path, body)) == []


def test_dates_in_code_and_other_dates_pass(tmp_path):
    body = (
        "<pre><code>deadline = 2025-12-31</code></pre>"
        "<p>Type <code>12/31/2025</code> in the field.</p>"
        "<p>On December 30, 2025 and in 2025-12-310 nothing is a fact date.</p>"
        "<script>var d = 'December 31, 2025';</script>"
    )
    assert check_dates(page(tmp_path, body)) == []


def test_a_date_among_params_counts_too(tmp_path):
    site = page(tmp_path, "<li>Some courts paused enforcement on September 15, 2025.</li>")
    [finding] = check_dates(site)
    assert finding.fact_ids == ("password-enforcement",)


def test_the_command_exit_codes(tmp_path, capsys):
    site = page(tmp_path, "<p>PACER began upgrades on August 11, 2014.</p>")
    assert site_main(["dates", str(site)]) == 1
    assert "upgrades-began" in capsys.readouterr().out
    (site / "page.html").write_text("<p>Nothing dated.</p>")
    assert site_main(["dates", str(site)]) == 0
    assert site_main(["dates", str(tmp_path / "missing")]) == 2


@pytest.mark.parametrize(
    "written",
    ["December\n      31,\n  2025", "Sept. 15, 2025", "Sep 15, 2025", "september 15 2025"],
)
def test_line_breaks_abbreviations_and_case_do_not_hide_a_date(tmp_path, written):
    site = page(tmp_path, f"<p>Intro.</p>\n<p>It happened on {written}, they say.</p>")
    [finding] = check_dates(site)
    assert finding.fact_ids in (("mfa-deadline",), ("password-enforcement",))


def test_impossible_days_are_not_dates(tmp_path):
    site = page(tmp_path, "<p>On February 30, 2025 and 13/31/2025 and 2025-02-30.</p>")
    assert check_dates(site) == []


def test_the_check_command_runs_every_drift_check(tmp_path, capsys):
    """``checker.site check``: rule statements, hand-typed dates and examples, one exit code."""
    site, docs = tmp_path / "site", tmp_path / "docs"
    site.mkdir(), docs.mkdir()
    (docs / "page.md").write_text("```pycon\n>>> 1 + 1\n2\n```\n")
    (site / "index.html").write_text("<p>Nothing dated, no rules.</p>")
    assert site_main(["check", str(site), "--docs", str(docs)]) == 0
    assert "1 pages agree with pacer-2025; no hand-typed fact dates; 1 examples pass" in (
        capsys.readouterr().err
    )

    (site / "index.html").write_text(
        "<p>Your password must be at least 8 characters long.</p>"
        "<p>PACER began upgrades on August 11, 2014.</p>"
    )
    (docs / "page.md").write_text("```pycon\n>>> 1 + 1\n3\n```\n")
    assert site_main(["check", str(site), "--docs", str(docs)]) == 1
    out = capsys.readouterr().out
    assert "pages state rules the checker disagrees with" in out and "index.html" in out
    assert "upgrades-began" in out
    assert "page.md: 1 of 1 examples failed" in out

    assert site_main(["check", str(tmp_path / "missing")]) == 2
    assert site_main(["check", str(site), "--docs", str(tmp_path / "missing")]) == 2
