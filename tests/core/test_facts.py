"""Dated facts: records validate, render for the build date, and stop the build once stale."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import markdown
import pytest

from checker import facts
from checker.facts import FACTS_TOML, REVIEW_DAYS, FactsError, build_date, load, us_date
from checker.site.checks.facts_due import stale_facts_report
from checker.site.cli import main as site_main
from checker.site.courts.registry import load_registry
from checker.site.markdown import facts as render_facts
from checker.site.markdown import render
from checker.site.markdown.facts import StaleFactError

CONTRACT_IDS = (
    "mfa-enrollment-began",
    "mfa-deadline",
    "mfa-prompt",
    "password-rules-announced",
    "password-enforcement",
    "self-service-reset",
    "psc-hours",
    "psc-contact",
    "upgrades-began",
    "court-data",
    "nextgen-all-courts",
    "site-reviewed",
)
DEADLINE = facts.get_fact("mfa-deadline")


def freeze(monkeypatch, day: dt.date) -> None:
    """Set the build date the way a reproducible build does: SOURCE_DATE_EPOCH, in seconds."""
    midnight = dt.datetime.combine(day, dt.time(12), dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(midnight.timestamp())))


def html(text: str) -> str:
    return markdown.markdown(text, extensions=["checker.site.markdown.extension"])


# ---- records -------------------------------------------------------------------------------


def test_the_packaged_records_validate_and_hold_the_contract_ids():
    book = load(FACTS_TOML)
    assert set(CONTRACT_IDS) <= set(book.facts)
    for fact in book:
        assert fact.kind in REVIEW_DAYS
        assert fact.sources or fact.kind == "review", fact.id
        assert all(source.url.startswith("https://") for source in fact.sources), fact.id
        assert fact.review_by == fact.checked_on + dt.timedelta(days=REVIEW_DAYS[fact.kind])
    assert book.get("mfa-deadline").date == dt.date(2025, 12, 31)
    assert book.get("password-enforcement").dates() == (dt.date(2025, 8, 25), dt.date(2025, 9, 15))


GOOD = """
[sources.s]
title = "A notice"
url = "https://example.uscourts.gov/notice"

[facts.f]
kind = "deadline"
date = 2025-12-31
before = "Due by {date}."
after = "Due since {date}."
sources = ["s"]
checked_on = 2026-11-23
"""


@pytest.mark.parametrize(
    "old, new, field, expected",
    [
        ('kind = "deadline"', 'kind = "soon"', "kind", "one of deadline"),
        ('sources = ["s"]', 'sources = ["t"]', "sources", "ids of [sources.*] tables"),
        ("checked_on = 2026-11-23", 'checked_on = "2026-11-23"', "checked_on", "a TOML date"),
        ('after = "Due since {date}."', 'after = "Since {when}."', "after", "placeholders"),
        ('before = "Due by {date}."', "", "before", "the sentence that states the fact"),
        ("date = 2025-12-31\n", 'text = "x"\n', "date", "a date, since the fact has"),
    ],
)
def test_a_bad_record_names_the_file_the_fact_and_the_field(tmp_path, old, new, field, expected):
    path = tmp_path / "facts.toml"
    path.write_text(GOOD.replace(old, new, 1))
    with pytest.raises(FactsError) as caught:
        load(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: fact 'f', field '{field}': expected")
    assert expected in message
    path.write_text(GOOD)
    assert load(path).get("f").sentence(dt.date(2025, 1, 1)) == "Due by December 31, 2025."


def test_a_bad_source_and_bad_toml_are_named(tmp_path):
    path = tmp_path / "facts.toml"
    path.write_text(GOOD.replace("https://example.uscourts.gov/notice", "example.gov"))
    with pytest.raises(FactsError, match=r"source 's', field 'url': expected an http\(s\)"):
        load(path)
    path.write_text(GOOD + "\n[facts.f]\n")
    with pytest.raises(FactsError, match=r"facts.toml: invalid TOML"):
        load(path)


# ---- the build date and the tenses ---------------------------------------------------------


def test_build_date_comes_from_source_date_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert build_date() == dt.datetime.now(dt.UTC).date()
    freeze(monkeypatch, dt.date(2030, 1, 1))
    assert build_date() == dt.date(2030, 1, 1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "next tuesday")
    with pytest.raises(FactsError, match="SOURCE_DATE_EPOCH: expected whole seconds"):
        build_date()


def test_us_date_style():
    assert us_date(dt.date(2025, 12, 31)) == "December 31, 2025"
    assert us_date(dt.date(2026, 3, 5)) == "March 5, 2026"


@pytest.mark.parametrize(
    "day, upcoming",
    [
        (DEADLINE.date - dt.timedelta(days=1), True),
        (DEADLINE.date, False),
        (DEADLINE.date + dt.timedelta(days=1), False),
    ],
)
def test_the_tense_flips_on_the_date(monkeypatch, day, upcoming):
    freeze(monkeypatch, day)
    out = html("<!-- pacer:fact mfa-deadline -->")
    expected = DEADLINE.before if upcoming else DEADLINE.after
    assert expected.format(date="December 31, 2025") in out
    assert '<span data-fact="mfa-deadline">' in out


def test_built_on_june_1_2025_the_mfa_deadline_is_upcoming(monkeypatch):
    freeze(monkeypatch, dt.date(2025, 6, 1))
    out = html("<!-- pacer:fact mfa-deadline -->\n\n<!-- pacer:facts -->")
    upcoming = "must be enrolled in multifactor authentication (MFA) by December 31, 2025"
    assert out.count(upcoming) == 2
    assert "Courts set a deadline" not in out
    status = html("<!-- pacer:ruleset-status -->")
    assert "plans to begin enforcing the new password standards on August 25, 2025" in status


def test_date_checked_and_sources_shortcodes(monkeypatch):
    freeze(monkeypatch, dt.date(2026, 11, 23))
    out = html(
        "By <!-- pacer:date mfa-deadline -->. Last reviewed: <!-- pacer:checked site-reviewed -->."
        "\n\nSource: <!-- pacer:sources password-enforcement -->"
    )
    assert '<span data-fact="mfa-deadline">December 31, 2025</span>' in out
    assert '<span data-fact="site-reviewed">November 23, 2026</span>' in out
    assert '<a href="https://www.mssd.uscourts.gov/node/437">' in out
    assert "June 27, 2025" in out and "2025-06-27" not in out
    with pytest.raises(render.ShortcodeError, match="'psc-hours' has no date"):
        html("<!-- pacer:date psc-hours -->")
    with pytest.raises(render.ShortcodeError, match="unknown fact 'mfa-deadlines'.*mfa-deadline"):
        html("<!-- pacer:fact mfa-deadlines -->")


def test_a_page_cites_one_source_by_its_record(monkeypatch):
    freeze(monkeypatch, dt.date(2026, 11, 23))
    out = html("Source: <!-- pacer:source mfa-tips-2026 -->.")
    url = "https://pacer.uscourts.gov/announcements/2026/02/05/mfa-tips-and-resources"
    assert f'<a href="{url}">' in out
    assert "<span data-source>February 5, 2026</span>" in out
    unknown = "unknown source 'mfa-tips-2062'.*mfa-tips-2026"
    with pytest.raises(render.ShortcodeError, match=unknown):
        html("<!-- pacer:source mfa-tips-2062 -->")


def test_rule_sources_are_dated_us_style():
    table = render.rules_table("pacer-2025")
    assert "June 27, 2025" in table
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", table)
    assert "seed" not in table and "our interpretation" not in table


# ---- staleness -----------------------------------------------------------------------------


def test_a_stale_fact_stops_the_page_naming_the_fact_its_source_and_review_by(monkeypatch):
    freeze(monkeypatch, DEADLINE.review_by + dt.timedelta(days=1))
    with pytest.raises(StaleFactError) as caught:
        html("Intro.\n\n<!-- pacer:fact mfa-deadline -->")
    message = str(caught.value)
    assert "'mfa-deadline'" in message and DEADLINE.review_by.isoformat() in message
    assert DEADLINE.source.url in message and "line 3" in message
    freeze(monkeypatch, DEADLINE.review_by)  # the review-by day itself is still fine
    assert "data-fact" in html("<!-- pacer:fact mfa-deadline -->")


def test_the_report_lists_each_stale_fact_with_its_source_and_pages(tmp_path):
    docs = tmp_path / "docs"
    (docs / "guides").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n\n<!-- pacer:fact mfa-deadline -->\n")
    (docs / "guides" / "rules.md").write_text(
        "<!-- pacer:ruleset-status -->\n\n```md\n<!-- pacer:fact psc-hours -->\n```\n"
    )
    courts = load_registry()
    assert stale_facts_report(docs, courts, on=dt.date(2026, 11, 23)) == []
    report = stale_facts_report(docs, courts, on=dt.date(2030, 1, 1))
    by_id = {item.fact.id: item for item in report}
    assert set(CONTRACT_IDS) <= set(by_id)
    assert by_id["mfa-deadline"].pages == ("index.md",)
    assert by_id["password-enforcement"].pages == ("guides/rules.md",)
    assert by_id["psc-hours"].pages == ()  # only inside a code fence: an example, not a use
    line = str(by_id["mfa-deadline"])
    assert us_date(DEADLINE.review_by) in line and DEADLINE.source.url in line
    assert "index.md" in line
    assert any(item.fact.id == "wawb.go_live" for item in report)  # court facts too


def test_the_report_command_exit_codes(tmp_path, capsys):
    (tmp_path / "page.md").write_text("<!-- pacer:fact psc-hours -->\n")
    assert site_main(["facts", str(tmp_path), "--on", "2026-11-23"]) == 0
    assert site_main(["facts", str(tmp_path), "--on", "2030-01-01"]) == 1
    assert "psc-hours: review by May 22, 2027 has passed" in capsys.readouterr().out
    assert site_main(["facts", str(tmp_path / "missing")]) == 2
    assert site_main(["facts", str(tmp_path), "--on", "soon"]) == 2
    assert "argument --on: invalid" in capsys.readouterr().err


def test_stale_facts_helper_matches_the_review_periods():
    assert facts.stale_facts(dt.date(2026, 11, 23)) == []
    for fact_id in ("mfa-deadline", "password-enforcement", "site-reviewed"):
        review_by = facts.get_fact(fact_id).review_by
        assert fact_id not in {f.id for f in facts.stale_facts(review_by)}
        assert fact_id in {f.id for f in facts.stale_facts(review_by + dt.timedelta(days=1))}
    stale = {fact.id for fact in facts.stale_facts(dt.date(2027, 3, 24))}
    assert "upgrades-began" not in stale  # events are re-checked yearly


# ---- the widget switch and the passwordrules shortcode -------------------------------------


def test_a_court_build_can_turn_the_widget_off(monkeypatch):
    assert "data-checker" in render.render_widget()
    monkeypatch.setenv("PACER_HELP_WIDGET", "off")
    plain = html("<!-- pacer:widget -->")
    assert "data-checker" not in plain and '<ul class="rule-list"' in plain
    monkeypatch.setenv("PACER_HELP_WIDGET", "maybe")
    with pytest.raises(render.ShortcodeError, match="PACER_HELP_WIDGET: expected 'on' or 'off'"):
        render.render_widget()


def test_passwordrules_shortcode_renders_the_string_in_code():
    out = html("Rules: <!-- pacer:passwordrules ruleset=pacer-2021 -->")
    assert '<code data-passwordrules data-ruleset="pacer-2021">minlength: 8;' in out
    assert render_facts.passwordrules().startswith("<code data-passwordrules")


def test_rulesets_take_their_facts_from_the_records():
    from checker import get_ruleset

    rules = get_ruleset("pacer-2025")
    assert [f.id for f in rules.facts] == ["password-change", "mfa-deadline"]
    assert rules.status.id == "password-enforcement"
    assert "could not confirm" not in rules.status.after.lower()
    assert Path(FACTS_TOML).name == "facts.toml"
