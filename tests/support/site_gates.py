"""Gate logic over a built site directory (no browser): internal links and anchors, a cheap static
accessibility check, resources from other hosts, readability.

The real gates (tests/site/test_links.py, tests/site/test_readability.py, tests/browser/*) and the
tests that inject a violation into a copy of the site call these same functions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from readability import PageReadability, analyse_html

SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "blob:")
# Elements whose URL the browser fetches on load (a link to another host is fine; a load is not).
_LOADED = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
}
_LOADED_LINK_RELS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest",
                     "apple-touch-icon", "preconnect", "dns-prefetch"}
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")
_CSS_IMPORT = re.compile(r"@import\s+['\"]([^'\"]+)")


def html_files(site_dir: Path) -> Iterator[tuple[str, Path]]:
    """(URL path, file) for every HTML page in the built site, in a stable order."""
    for file in sorted(site_dir.rglob("*.html")):
        relative = file.relative_to(site_dir).as_posix()
        if relative == "index.html":
            yield "/", file
        elif relative.endswith("/index.html"):
            yield "/" + relative[: -len("index.html")], file
        else:
            yield "/" + relative, file


# Pages under courts/ that are not one court's page.
COURT_TOOLS = frozenset({"/courts/", "/courts/checklist/"})


def is_court_page(path: str) -> bool:
    return path.startswith("/courts/") and path not in COURT_TOOLS


@lru_cache(maxsize=512)
def _soup(file: Path, mtime: float) -> BeautifulSoup:
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def soup(file: Path) -> BeautifulSoup:
    """Parsed page, cached per file version (parsing 200 pages is the slow part of these gates)."""
    return _soup(file, file.stat().st_mtime)


def _ids(file: Path) -> set[str]:
    page = soup(file)
    return {tag["id"] for tag in page.find_all(id=True)} | {
        tag["name"] for tag in page.find_all("a", attrs={"name": True})
    }


def _target_file(site_dir: Path, page_path: str, href_path: str) -> Path | None:
    """The file a relative or root-relative URL path resolves to, or None outside the site."""
    directory = page_path if page_path.endswith("/") else page_path.rsplit("/", 1)[0] + "/"
    base = PurePosixPath(directory)
    joined = PurePosixPath(href_path) if href_path.startswith("/") else base / href_path
    parts: list[str] = []
    for part in joined.parts[1:]:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part not in (".", ""):
            parts.append(part)
    target = site_dir.joinpath(*parts)
    if href_path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def _internal(href: str, site_host: str | None) -> bool:
    if href.startswith(SKIPPED_SCHEMES):
        return False
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return site_host is not None and parts.netloc == site_host
    return True


def broken_links(
    site_dir: Path, site_host: str | None = "127.0.0.1:8000", only: set[str] | None = None
) -> list[str]:
    """Every internal link, resource or anchor in the built site (or on the pages whose URL paths
    are in ``only``) that points at nothing.

    Links to other hosts are ignored (they are allowed; test_network.py checks nothing loads).
    """
    problems = []
    for page_path, file in html_files(site_dir):
        if only is not None and page_path not in only:
            continue
        page = soup(file)
        references = [(tag.name, tag.get("href")) for tag in page.find_all(("a", "link"))]
        references += [(tag.name, tag.get("src")) for tag in page.find_all(("script", "img"))]
        for tag_name, href in references:
            if not href or not _internal(href, site_host):
                continue
            parts = urlsplit(href)
            if parts.path:
                target = _target_file(site_dir, page_path, unquote(parts.path))
                if target is None or not target.is_file():
                    problems.append(f"{page_path}: <{tag_name}> {href!r} -> no such file")
                    continue
            else:
                target = file
            fragment = unquote(parts.fragment)
            if tag_name == "a" and fragment and target.suffix == ".html" and (
                fragment not in _ids(target)
            ):
                problems.append(f"{page_path}: <a> {href!r} -> no element with id {fragment!r}")
    return problems


def _srcset_urls(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]


def foreign_loads(
    site_dir: Path,
    only: set[str] | None = None,
    allowed_hosts: frozenset[str] = frozenset({"127.0.0.1"}),
) -> list[str]:
    """Static check of every page (or the URL paths in ``only``) and every stylesheet: URLs the
    browser would fetch from another host. Cheap enough for all court pages; the browser gate
    confirms it on real page loads."""
    problems = []

    def check(where: str, url: str) -> None:
        url = url.strip()
        if url.startswith("//") or urlsplit(url).scheme in ("http", "https", "ws", "wss"):
            host = urlsplit(url if not url.startswith("//") else "http:" + url).hostname
            if host not in allowed_hosts:
                problems.append(f"{where}: loads {url}")

    for page_path, file in html_files(site_dir):
        if only is not None and page_path not in only:
            continue
        page = soup(file)
        for name, attributes in _LOADED.items():
            for tag in page.find_all(name):
                for attribute in attributes:
                    value = tag.get(attribute)
                    if not value:
                        continue
                    urls = _srcset_urls(value) if attribute == "srcset" else [value]
                    for url in urls:
                        check(f"{page_path} <{name} {attribute}>", url)
        for tag in page.find_all("link", href=True):
            if _LOADED_LINK_RELS & {rel.lower() for rel in tag.get("rel", [])}:
                check(f"{page_path} <link rel={' '.join(tag.get('rel'))}>", tag["href"])
        for tag in page.find_all(style=True):
            for url in _CSS_URL.findall(tag["style"]):
                check(f"{page_path} style attribute", url)
        for tag in page.find_all("style"):
            for url in _CSS_URL.findall(tag.get_text()) + _CSS_IMPORT.findall(tag.get_text()):
                check(f"{page_path} <style>", url)
    for stylesheet in sorted(site_dir.rglob("*.css")):
        text = stylesheet.read_text(encoding="utf-8", errors="replace")
        for url in _CSS_URL.findall(text) + _CSS_IMPORT.findall(text):
            check(stylesheet.relative_to(site_dir).as_posix(), url)
    return problems


def structure_signature(file: Path) -> str:
    """The page's element skeleton inside the article, text left out.

    Generated court pages that share a skeleton differ only in text, so axe gives them the same
    result; the browser gate runs axe on one page per skeleton (see test_accessibility.py).
    """
    article = soup(file).select_one("article") or soup(file)
    names = []
    for tag in article.find_all(True):
        classes = ".".join(sorted(c for c in tag.get("class", []) if not c.startswith("md-nav")))
        names.append(f"{tag.name}.{classes}" if classes else tag.name)
    return " ".join(names)


def court_sample(site_dir: Path) -> tuple[list[str], int]:
    """One court page per element skeleton, and how many court pages there are."""
    skeletons: dict[str, str] = {}
    count = 0
    for path, file in html_files(site_dir):
        if is_court_page(path):
            count += 1
            skeletons.setdefault(structure_signature(file), path)
    return list(skeletons.values()), count


def static_accessibility(file: Path) -> list[str]:
    """Cheap checks on one page's HTML, for pages axe does not load (axe covers far more)."""
    page = soup(file)
    problems = []
    html = page.find("html")
    if html is None or not html.get("lang"):
        problems.append("<html> has no lang")
    title = page.find("title")
    if title is None or not title.get_text(strip=True):
        problems.append("no <title>")
    for image in page.find_all("img"):
        if image.get("alt") is None and image.get("role") not in ("presentation", "none"):
            problems.append(f"<img src={image.get('src')!r}> has no alt")
    ids = [tag["id"] for tag in page.find_all(id=True)]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        problems.append(f"duplicate ids: {duplicates}")
    article = page.select_one("article") or page
    for link in article.find_all("a", href=True):
        name = link.get_text(strip=True) or link.get("aria-label") or link.get("title")
        if not name and not link.find("img", alt=True):
            problems.append(f"link {link['href']!r} has no text")
    headings = [int(tag.name[1]) for tag in article.find_all(re.compile(r"^h[1-6]$"))]
    if headings and headings.count(1) != 1:
        problems.append(f"{headings.count(1)} <h1> elements in the article")
    for previous, current in zip(headings, headings[1:], strict=False):
        if current > previous + 1:
            problems.append(f"heading level jumps from h{previous} to h{current}")
    for field in page.find_all(("input", "select", "textarea")):
        if field.get("type") in ("hidden", "radio", "checkbox", "submit", "button", "reset"):
            continue
        labelled = field.get("aria-label") or field.get("aria-labelledby") or field.get("title")
        if not labelled and field.get("id"):
            labelled = page.find("label", attrs={"for": field["id"]})
        if not labelled and field.find_parent("label") is None:
            problems.append(f"<{field.name} name={field.get('name')!r}> has no label")
    return problems


def readability(site_dir: Path, only: set[str] | None = None) -> list[PageReadability]:
    """Readability of every page, or of the URL paths in ``only`` (see checker/readability.py)."""
    return [
        analyse_html(file.read_text(encoding="utf-8"), page_path)
        for page_path, file in html_files(site_dir)
        if only is None or page_path in only
    ]


def readability_report(results: list[PageReadability]) -> str:
    """Per-page table; court pages (generated from one template) are summarised in one line."""
    lines = [f"{'page':<34} {'grade':>5} {'words':>6} {'procs':>5} {'worst':>5} {'>25w':>4}"]
    courts = [r for r in results if is_court_page(r.page)]
    for result in results:
        if is_court_page(result.page):
            continue
        worst = max((p.grade for p in result.procedures), default=0.0)
        lines.append(
            f"{result.page:<34} {result.grade:>5} {result.words:>6} {len(result.procedures):>5}"
            f" {worst:>5} {len(result.long_sentences):>4}"
        )
        for procedure in result.procedures:
            lines.append(f"    {procedure.grade:>5}  {procedure.words:>4} w  {procedure.heading}")
    if courts:
        worst = max(courts, key=lambda r: max((p.grade for p in r.procedures), default=0.0))
        worst_grade = max((p.grade for p in worst.procedures), default=0.0)
        long_total = sum(len(r.long_sentences) for r in courts)
        lines.append(
            f"{len(courts)} court pages: page grades {min(r.grade for r in courts)}"
            f"-{max(r.grade for r in courts)}, worst procedure {worst_grade} ({worst.page}),"
            f" {long_total} sentences > 25 words"
        )
    return "\n".join(lines)
