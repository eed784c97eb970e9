"""The kit's printable guides: one HTML document of all the kit's guides, and one of each guide,
each printed to a tagged PDF.

Chromium prints it (through Playwright's ``page.pdf`` with ``tagged`` and ``outline``), chosen by
measuring (``benchmarks/pdf_renderers.py``): on this document it keeps all the text, tags headings,
lists and tables with header cells, writes ``/MarkInfo``, ``/Lang`` from ``<html lang>``, the title
with ``/DisplayDocTitle`` and an outline from the headings. We call the file "tagged", not PDF/UA:
no validator here proves more.

What the document does for paper, and why:

- one ``<h1>`` (the court's edition) and each guide one level down, so the outline and the
  structure tree nest the guides under the title; a guide printed alone keeps its own ``<h1>``,
  with the edition and the dates under it (a court posts the one guide its page is about);
- ids prefixed with the guide's name, so the guides share one document without clashes, and links
  between guides stay inside the PDF;
- a link's address printed after it as real text (CSS generated content would come out untagged);
- ``<details>`` open (a closed one prints only its summary);
- a drawing of a screen printed as the page shows it, beside its step (floated right; each block
  of a guide is its own stacking context, so Chromium paints, and the PDF's text runs, in the
  order of the page: a float is otherwise painted before the text around it), its inline SVG
  styled by the drawings' stylesheet, so Chromium tags it as a ``Figure`` with its accessible
  name as ``/Alt``; its ``<figure>`` has ``role="group"`` (tagged as a ``Div`` holding the
  ``Figure`` and the ``Caption``: a ``<figure>`` alone would be a second ``Figure``, with no
  ``/Alt``), and is not split across pages;
- table rows kept whole on a page and table heads repeated (``break-inside: avoid``);
- "Page i of N" in the footer, and the build date and the date the facts were last checked on
  the first page.
"""

from __future__ import annotations

import datetime as dt
import html
import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from checker.facts import us_date
from checker.site.kit.drawings import figures
from checker.site.kit.guides import KIT_LINK, Guide, page_anchor, published_url
from checker.site.screens import STYLE as DRAWING_CSS

# Without these, Chromium tries to reach Google's hosts at start and on a timer.
CHROMIUM_ARGS = (
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
FOOTER = (
    '<div style="font: 9pt Liberation Sans, DejaVu Sans, sans-serif; width: 100%; '
    'text-align: center; color: #333;">Page <span class="pageNumber"></span> of '
    '<span class="totalPages"></span></div>'
)
PRINT_CSS = """
html { font: 10.5pt/1.4 "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: #000; }
h1 { font-size: 20pt; margin: 0 0 0.4em; }
h2 { font-size: 16pt; break-before: page; margin: 0 0 0.5em; }
.one-guide h2 { break-before: auto; margin-top: 1.2em; }
h3 { font-size: 13pt; margin: 1.2em 0 0.4em; }
h4, h5, h6 { font-size: 11pt; margin: 1em 0 0.3em; }
h1, h2, h3, h4, h5, h6 { break-after: avoid; }
p, li { orphans: 2; widows: 2; }
a { color: #000; }
.address { overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.75pt solid #555; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #eee; }
.admonition, details { border: 0.75pt solid #555; padding: 0 8pt; margin: 0.8em 0; }
.admonition-title, summary { font-weight: bold; margin: 0.5em 0; display: block; }
summary::marker, summary::-webkit-details-marker { content: ""; display: none; }
figure.pacer-screen { float: right; clear: right; width: 240pt; margin: 0 0 0.8em 1.2em;
  break-inside: avoid; }
h2, h3, h4, h5, h6, .admonition, details, table, pre { clear: both; }
section > * { isolation: isolate; }
figure.pacer-screen svg { display: block; max-width: 100%; height: auto; }
figure.pacer-screen .ps { font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; }
figure.pacer-screen rect { rx: 0; ry: 0; }
figcaption { font-size: 9pt; margin-top: 0.3em; }
dt { font-weight: bold; margin: 0.5em 0 0.1em; break-after: avoid; }
dd { margin: 0 0 0 1.5em; }
code { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 95%; }
.cover p { margin: 0.4em 0; }
nav ol { padding-left: 1.4em; }
"""


@dataclass(frozen=True)
class Edition:
    """What the first page says: whose edition it is, when it was made, how fresh its facts are."""

    title: str  # "PACER Help for the United States District Court for the District of Minnesota"
    audience: str  # who the guides are for, one sentence
    built: dt.date
    facts_checked: dt.date | None


def document(edition: Edition, guides: Sequence[Guide]) -> str:
    """The kit's guides in one printable document, as HTML for Chromium to print."""
    contents = "".join(
        f'<li><a href="#{page_anchor(guide.name)}">{html.escape(guide.title)}</a></li>'
        for guide in guides
    )
    held = {guide.name for guide in guides}
    sections = "\n".join(
        f'<section id="{page_anchor(guide.name)}">{_for_print(guide, held)}</section>'
        for guide in guides
    )
    cover = f"""<header class="cover">
<h1>{html.escape(edition.title)}</h1>
<p>{html.escape(edition.audience)}</p>
<p>{_dates(edition)}</p>
<nav aria-label="Contents"><p><strong>In this guide</strong></p><ol>{contents}</ol></nav>
</header>"""
    return _page(edition.title, cover, sections)


def guide_document(edition: Edition, guide: Guide, site_url: str = "") -> str:
    """One guide as a printable document of its own: its title the document's ``<h1>``, whose
    edition it is and its dates under it, and no page break before its sections. Its links to
    the kit's other guides go to the published site when there is one, else are text."""
    soup = BeautifulSoup(_for_print(guide, {guide.name}, site_url, demote=False), "html.parser")
    heading = soup.find("h1")
    lines = f"<p>{html.escape(edition.title)}. {html.escape(edition.audience)}</p>"
    lines += f"<p>{_dates(edition)}</p>"
    cover = BeautifulSoup(f'<div class="cover">{lines}</div>', "html.parser")
    if heading is None:
        soup.insert(0, cover)
    else:
        heading.insert_after(cover)
    section = f'<section id="{page_anchor(guide.name)}">{soup}</section>'
    return _page(f"{guide.title}: {edition.title}", "", section, "one-guide")


def _dates(edition: Edition) -> str:
    checked = (
        f" Facts last checked against their sources: <strong>{us_date(edition.facts_checked)}"
        "</strong> (the oldest check of any fact in this guide)."
        if edition.facts_checked
        else ""
    )
    return f"Made on <strong>{us_date(edition.built)}</strong>.{checked}"


def _page(title: str, cover: str, sections: str, body_class: str = "") -> str:
    classes = f' class="{body_class}"' if body_class else ""
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}</title>
<style>{PRINT_CSS}{DRAWING_CSS}</style>
</head>
<body{classes}>
{cover}
<main>
{sections}
</main>
</body>
</html>
"""


def _for_print(guide: Guide, held: set[str], site_url: str = "", demote: bool = True) -> str:
    """The guide's HTML for paper; ``held`` names the guides the same document holds."""
    soup = BeautifulSoup(guide.html, "html.parser")
    if demote:
        demote_headings(soup)
    for tag in soup.find_all(id=True):
        tag["id"] = page_anchor(guide.name, str(tag["id"]))
    for details in soup.find_all("details"):
        details["open"] = ""
    for element, _ in figures(soup):
        element["role"] = "group"
    for link in soup.find_all("a", href=True):
        href = str(link["href"])
        kit = KIT_LINK.match(href)
        if kit and kit["page"] in held:
            link["href"] = "#" + page_anchor(kit["page"], kit["fragment"])
        elif kit and site_url:
            href = link["href"] = published_url(site_url, kit["page"], kit["fragment"])
            _print_address(soup, link, href)
        elif kit:
            link.unwrap()
        elif href.startswith("#"):
            link["href"] = "#" + page_anchor(guide.name, href[1:])
        elif href.startswith(("http://", "https://")):
            _print_address(soup, link, href)
    return str(soup)


def demote_headings(soup: BeautifulSoup) -> None:
    """Each heading one level down (h1 becomes h2; h6 stays h6)."""
    for level in range(5, 0, -1):
        for heading in soup.find_all(f"h{level}"):
            heading.name = f"h{level + 1}"


def _print_address(soup: BeautifulSoup, link, href: str) -> None:
    """The address after the link, as text, unless the link's text already shows it."""
    text = link.get_text(" ", strip=True)
    bare = href.split("://", 1)[1].rstrip("/")
    if bare in text or href in text:
        return
    address = soup.new_tag("span", attrs={"class": "address"})
    address.string = href
    link.insert_after(" (", address, ")")


class Printer:
    """One Chromium for many documents (starting it costs more than printing a guide), and one
    tab: a new tab for each of a kit's seven documents cost more than printing them."""

    def __init__(self, browser) -> None:
        self._browser = browser
        self._page = None

    def print(self, document_html: str, path: Path) -> None:
        if self._page is None or self._page.is_closed():
            self._page = self._browser.new_page()
        page = self._page
        page.set_content(document_html, wait_until="load")
        printed = page.pdf(
            format="Letter",
            tagged=True,
            outline=True,
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=FOOTER,
            margin={"top": "0.7in", "bottom": "0.8in", "left": "0.75in", "right": "0.75in"},
        )
        compact(printed, path)


def compact(pdf: bytes, path: Path) -> None:
    """Write ``pdf`` with its objects packed into compressed object streams.

    Chromium writes each of a tagged PDF's structure elements (thousands in a guide) as a plain
    object; packed, the guide takes about 40% of the bytes, and its structure, outline and text
    are unchanged (qpdf rewrites the file's layout, not its content).
    """
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document_pdf:
        document_pdf.save(
            path,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            compress_streams=True,
            deterministic_id=True,
        )


@contextmanager
def printer(chromium: str) -> Iterator[Printer]:
    """A Chromium to print with (``chromium``: its path; the project's settings give Debian's
    ``chromium`` or ``$CHROMIUM``). Playwright's own browser is never downloaded here."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=list(CHROMIUM_ARGS)
        )
        try:
            yield Printer(browser)
        finally:
            browser.close()
