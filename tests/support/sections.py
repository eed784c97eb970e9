"""A built guide page as sections, and the source addresses the site lists.

A section is an h2 or h3 with content of its own before the next heading (a heading that only
introduces sub-sections is not one). The traceability test (tests/site/test_traceability.py) maps
each section of the 2026 guides to its sources; the content test (tests/site/
test_content_agreement.py) asks each section of the newer pages to link at least one listed source.
Both read sections, and break one on purpose, with these functions.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from urllib.parse import unquote

from bs4 import BeautifulSoup, Tag

ROOT = Path(__file__).resolve().parents[2]
FACTS_FILE = ROOT / "checker" / "data" / "facts.toml"


def built_page(site: Path, page: str) -> Path:
    """The HTML file MkDocs writes for a Markdown page ('index.md' -> index.html)."""
    return site / ("index.html" if page == "index.md" else page[:-3] + "/index.html")


def page_soup(site: Path, page: str) -> BeautifulSoup:
    file = built_page(site, page)
    assert file.exists(), f"{page} was not built ({file})"
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def section_content(heading: Tag) -> list[Tag]:
    """What follows a heading up to the next h1, h2 or h3."""
    content = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h1", "h2", "h3"):
            break
        content.append(sibling)
    return content


def section_links(soup: BeautifulSoup) -> dict[str, set[str]]:
    """Each section's heading id and the addresses on other hosts it links."""
    article = soup.select_one("article") or soup
    sections: dict[str, set[str]] = {}
    for heading in article.find_all(["h2", "h3"]):
        content = section_content(heading)
        if content:
            sections[heading["id"]] = {
                unquote(link["href"])
                for element in content
                for link in element.find_all("a", href=True)
                if link["href"].startswith(("http://", "https://"))
            }
    return sections


def unlink_section(soup: BeautifulSoup, section_id: str) -> None:
    """Drop every link from one section, keeping its text (to prove a check sees it)."""
    for element in section_content(soup.find(id=section_id)):
        for link in element.find_all("a"):
            link.unwrap()


def fact_source_urls(fact_id: str | None = None) -> set[str]:
    """Source addresses in facts.toml: of one fact, or of every source record."""
    records = tomllib.loads(FACTS_FILE.read_text(encoding="utf-8"))
    sources = records.get("sources", {})
    if fact_id is None:
        return {unquote(source["url"]) for source in sources.values()}
    return {unquote(sources[name]["url"]) for name in records["facts"][fact_id]["sources"]}


def listed_sources(site: Path) -> set[str]:
    """Every address the built Sources page links, and every source address of the fact records."""
    page = page_soup(site, "sources.md")
    return {unquote(a["href"]) for a in page.find_all("a", href=True)} | fact_source_urls()
