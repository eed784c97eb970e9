"""The checklist page's Markdown and built HTML: one section per court, from the same records and
helpers as the court pages, nothing shown before the script runs, no inline script."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from checker.site.courts.checklist import (
    checklist_markdown,
    court_section,
    single_court_checklist_markdown,
)
from checker.site.courts.pages import contact_html
from checker.site.courts.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def test_every_court_has_one_hidden_section_with_its_own_facts(registry):
    page = checklist_markdown(registry)
    ids = re.findall(r'<section class="checklist-court" data-court="([a-z]+)"[^>]* hidden>', page)
    assert sorted(ids) == sorted(c.id for c in registry)
    assert len(ids) == len(set(ids)) == 188
    mnd = court_section(registry.get("mnd"), "../mnd/")
    assert contact_html(registry.get("mnd")) in mnd  # the panel's own words, not a copy
    assert "Document Filing System" in mnd and "ecf.mnd.uscourts.gov" in mnd
    assert "<strong>Civil</strong> and <strong>Criminal</strong>" in mnd
    mieb = court_section(registry.get("mieb"), "../mieb/")
    assert "June 1, 2021" in mieb and "NextGen Items" in mieb  # from the court's own guide
    assert "<strong>Bankruptcy</strong> and <strong>Adversary</strong>" in mieb


def test_the_built_page_shows_only_the_fallback_before_script_and_inlines_no_script(built_site):
    html = (built_site / "courts" / "checklist" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article")
    assert article.select_one("[data-checklist]").has_attr("hidden")
    assert not article.select_one("[data-checklist-fallback]").has_attr("hidden")
    assert len(article.select("section.checklist-court[hidden]")) == 188
    scripts = article.find_all("script")
    assert [s.get("src") for s in scripts] == ["../../assets/court-checklist.js"]
    assert all(not s.string for s in scripts)  # no inline script
    assert not re.search(r"\son[a-z]+=", str(article))  # no inline event handlers
    assert (built_site / "assets" / "court-checklist.js").exists()
    # The notice-address fact is rendered from its record, once, for every court.
    assert len(article.select('[data-fact="notice-extra-addresses"]')) == 1
    # Kept out of search, like the court pages it is written from.
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "courts/checklist/" not in index


def test_the_checklist_script_stores_and_loads_nothing():
    from pathlib import Path

    source = (Path(__file__).resolve().parents[2] / "docs/assets/court-checklist.js").read_text()
    script = re.sub(r"^\s*//.*$", "", source, flags=re.MULTILINE)  # the code, not its comments
    for forbidden in (r"localStorage", r"sessionStorage", r"indexedDB", r"document\.cookie",
                      r"\bfetch\b", r"XMLHttpRequest", r"\beval\b", r"new Function",
                      r"innerHTML", r"insertAdjacentHTML", r"history\.(push|replace)State"):
        assert not re.search(forbidden, script), forbidden


def test_a_one_court_edition_shows_its_court_without_script(registry):
    page = single_court_checklist_markdown(registry.get("mnd"))
    assert page.count('class="checklist-court"') == 1
    assert 'data-court="mnd"' in page and " hidden>" not in page
    assert "<script" not in page and 'href="../../link/"' in page
