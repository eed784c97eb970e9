"""Zero broken internal links and anchors across the built site (links to other hosts are not
followed: the site must not depend on them, and CI has no internet)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from builds import append_to_article
from site_gates import broken_links, html_files

ROOT = Path(__file__).resolve().parents[2]


def _site_host() -> str | None:
    # site_url is the only host whose absolute links count as internal (canonical links use it).
    found = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(), re.MULTILINE)
    return urlsplit(found.group(1).strip("'\"")).netloc or None if found else None


def test_every_internal_link_and_anchor_resolves(built_site):
    pages = list(html_files(built_site))
    assert len(pages) > 5, "the built site has suspiciously few pages"
    problems = broken_links(built_site, _site_host())
    assert not problems, f"{len(problems)} broken internal links:\n" + "\n".join(problems)


def test_gate_reports_a_missing_page_and_a_missing_anchor(site_copy):
    append_to_article(
        site_copy / "index.html",
        '<p><a href="upgrade/no-such-page/">gone</a> <a href="rules/#no-such-anchor">gone</a>'
        ' <a href="#nor-here">gone</a> <a href="https://www.pacer.gov/missing">external</a></p>',
    )
    problems = broken_links(site_copy, _site_host(), only={"/"})
    assert any("upgrade/no-such-page/" in p and "no such file" in p for p in problems), problems
    assert any("no-such-anchor" in p for p in problems), problems
    assert any("nor-here" in p for p in problems), problems
    assert not any("pacer.gov" in p for p in problems), "external links must not be followed"
