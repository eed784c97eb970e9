"""Attorney pages speak plain US English, not the project's internal language.

No seed numbers, rule-set ids, "our interpretation", ISO or day-month dates, British spelling or
court ids in parentheses on the pages written for attorneys. Provenance lives on the Sources page,
the checker reference and the webmasters page, which this test leaves alone.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]

# The pages written for attorneys, and the accessibility statement every reader may open. The
# generated court pages and the court picker are attorney pages too (test below).
ATTORNEY_PAGES = (
    "index.md",
    "upgrade.md",
    "link.md",
    "rules.md",
    "changes.md",
    "mfa.md",
    "password-change.md",
    "account.md",
    "firms.md",
    "other-filers.md",
    "troubleshooting.md",
    "accessibility.md",
)

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_COURT_IDS = sorted(
    row["id"]
    for row in csv.DictReader(
        (ROOT / "checker/site/data/courts.csv").open(encoding="utf-8", newline="")
    )
)
_COURT_ID = "|".join(_COURT_IDS)

# What each pattern catches, for the failure message.
JARGON = {
    "seed": re.compile(r"\bseeds?\b", re.IGNORECASE),
    "rule-set id": re.compile(r"\bpacer-20\d\d\b"),
    "our interpretation": re.compile(r"\bour interpretation\b", re.IGNORECASE),
    "this project's research": re.compile(r"this project['’]s research", re.IGNORECASE),
    "address not recorded": re.compile(r"address not recorded", re.IGNORECASE),
    "ISO date": re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    "day-month date": re.compile(rf"\b\d{{1,2}} (?:{_MONTHS}) \d{{4}}\b"),
    "British spelling": re.compile(
        r"\b(?:colour|behaviour|favour|organis|recognis|licence|centre)\w*", re.IGNORECASE
    ),
    "court id in parentheses": re.compile(rf"\((?:{_COURT_ID})(?:,\s*(?:{_COURT_ID}))*\)"),
}


def page_text(html: str) -> str:
    """The article's visible text, whitespace collapsed (attributes such as data-ruleset are not
    text, and the site's navigation is left out)."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article") or soup
    return " ".join(article.get_text(" ").split())


def jargon(text: str) -> list[str]:
    found = []
    for name, pattern in JARGON.items():
        for match in pattern.finditer(text):
            context = text[max(0, match.start() - 40) : match.end() + 40]
            found.append(f"{name}: {match.group(0)!r} in ...{context}...")
    return found


def built_page(site: Path, page: str) -> Path:
    return site / ("index.html" if page == "index.md" else page[:-3] + "/index.html")


@pytest.mark.parametrize("page", ATTORNEY_PAGES)
def test_attorney_page_has_no_project_jargon(built_site, page):
    file = built_page(built_site, page)
    assert file.exists(), f"{page} was not built"
    found = jargon(page_text(file.read_text(encoding="utf-8")))
    assert not found, f"{page}:\n" + "\n".join(found)


def test_court_pages_and_the_picker_have_no_project_jargon(built_site):
    pages = sorted((built_site / "courts").rglob("index.html"))
    assert len(pages) == 190  # the picker, the checklist and 188 court pages
    found = {
        page.relative_to(built_site).as_posix(): hits
        for page in pages
        if (hits := jargon(page_text(page.read_text(encoding="utf-8"))))
    }
    assert not found, "\n".join(f"{page}: {hits[0]}" for page, hits in found.items())


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("The upgrade screen (seed 000) lists them.", "seed"),
        ("Switch to pacer-2021 for the old rules.", "rule-set id"),
        ("Reading it this way is our interpretation.", "our interpretation"),
        ("As reported in this project's research.", "this project's research"),
        ("Source: a court page (address not recorded).", "address not recorded"),
        ("Announced on 2025-06-27.", "ISO date"),
        ("Last reviewed: 22 November 2026.", "day-month date"),
        ("Links are underlined, not shown by colour alone.", "British spelling"),
        ("Several courts (wvsd, orb, mnb) repeated it.", "court id in parentheses"),
        ("The court in Minnesota (mnd) went live.", "court id in parentheses"),
    ],
)
def test_each_kind_of_jargon_is_caught(sentence, kind):
    assert [f.split(":", 1)[0] for f in jargon(sentence)] == [kind]


@pytest.mark.parametrize(
    "sentence",
    [
        "Last reviewed: November 23, 2026.",
        "Links are underlined, not shown by color alone.",
        "Fill in any required field that is empty (such as the Middle Name field).",
        "PACER asks you to change it (see below).",
    ],
)
def test_plain_us_english_passes(sentence):
    assert jargon(sentence) == []


def test_a_jargon_sentence_on_a_built_page_fails(built_site):
    html = built_page(built_site, "mfa.md").read_text(encoding="utf-8")
    assert jargon(page_text(html)) == []
    note = "<p>Kept from the upgrade screen (seed 000).</p>"
    injected = html.replace("</article>", note + "</article>")
    assert [f.split(":", 1)[0] for f in jargon(page_text(injected))] == ["seed"]
