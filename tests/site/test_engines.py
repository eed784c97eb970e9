"""Three engines, one site: MkDocs 1.6, ProperDocs and Zensical build the same generated sources.

Nothing the site needs runs inside an engine's hooks or plugins (checker.site.pipeline.generate
writes court pages, the picker and the widget script first), so each engine's output must have
the same pages, the same rule statements, all 188 court pages and a clean ``checker verify``.
The widget is exercised on each output in tests/browser/test_engines_widget.py.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from builds import ENGINES

from checker.site.courts.registry import load_registry

OTHERS = ENGINES[1:]


def html_pages(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html")}


def statements(path: Path) -> list[tuple[str, str, str]]:
    """Each rendered rule statement in a page's article: rule id, rule set, text."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article") or soup
    return [
        (span["data-rule"], span.get("data-ruleset", ""), " ".join(span.get_text().split()))
        for span in article.select("[data-rule]")
    ]


@pytest.mark.parametrize("engine", OTHERS)
def test_same_pages(engine_sites, engine):
    assert html_pages(engine_sites[engine]) == html_pages(engine_sites["mkdocs"])


@pytest.mark.parametrize("engine", OTHERS)
def test_same_rule_statements(engine_sites, engine):
    reference = engine_sites["mkdocs"]
    different = [
        page
        for page in sorted(html_pages(reference))
        if statements(engine_sites[engine] / page) != statements(reference / page)
    ]
    assert different == []
    assert statements(reference / "rules" / "index.html"), "the rules page states the rules"


@pytest.mark.parametrize("engine", ENGINES)
def test_every_court_has_its_page(engine_sites, engine):
    site = engine_sites[engine]
    registry = load_registry()
    pages = sorted(path.parent.name for path in (site / "courts").glob("*/index.html"))
    pages.remove("checklist")  # the checklist for several courts, built by every engine too
    assert pages == sorted(court.id for court in registry) and len(pages) == 188
    checklist = (site / "courts" / "checklist" / "index.html").read_text(encoding="utf-8")
    assert checklist.count('class="checklist-court"') == 188 and "court-checklist.js" in checklist
    mnd = (site / "courts" / "mnd" / "index.html").read_text(encoding="utf-8")
    assert "https://ecf.mnd.uscourts.gov" in mnd and "pacer:court" not in mnd


@pytest.mark.parametrize("engine", ENGINES)
def test_verify_is_clean(engine_sites, engine):
    result = subprocess.run(
        [sys.executable, "-m", "checker", "verify", str(engine_sites[engine])],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("engine", ENGINES)
def test_widget_script_only_where_the_widget_is(engine_sites, engine):
    site = engine_sites[engine]
    assert (site / "assets" / "pacer-checker.js").is_file()
    loads = {
        page
        for page in html_pages(site)
        if "assets/pacer-checker.js" in (site / page).read_text(encoding="utf-8")
    }
    assert "rules/index.html" in loads
    assert "index.html" not in loads and "courts/mnd/index.html" not in loads


def test_zensical_keeps_court_pages_out_of_search(engine_sites):
    # Zensical writes its own index (search.json) but honors the same front matter.
    index = json.loads((engine_sites["zensical"] / "search.json").read_text(encoding="utf-8"))
    locations = [item["location"] for item in index["items"]]
    assert any(location.startswith("link/") for location in locations)
    assert not [loc for loc in locations if re.match(r"courts/[a-z]+/", loc)]
