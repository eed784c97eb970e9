"""The verifier's readers: HTML, PDF (text layer) and plain text or Markdown, as passages.

Each reader keeps where a passage starts (a line for HTML and text, a page for PDF), and marks list
items, table cells and bullet lines, which may take their subject from a lead-in (see
:mod:`checker.verify`). PDFs are read a page at a time through an open file, so a long guide is
never held whole in memory; a PDF that is encrypted, or has no text on any page (a scan), raises
:class:`Unreadable`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from bs4 import BeautifulSoup, NavigableString, Tag

from .rulesets import RuleSet
from .verify import BULLETS, Mismatch, Passage, check_passages, may_state_rules

KINDS = {".html": "html", ".htm": "html", ".pdf": "pdf", ".txt": "text", ".md": "text"}

BLOCKS = {
    "p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "caption",
    "figcaption", "blockquote", "summary", "label", "legend", "title", "div", "section",
    "article", "main", "body", "header", "footer", "nav", "aside", "details", "form", "ol", "ul",
    "table", "tr", "tbody", "thead", "figure", "fieldset",
}  # fmt: skip
SKIPPED = {"script", "style", "pre", "template", "textarea", "svg"}
ITEMS = {"li", "dd", "td", "th"}
LEADS = {"h1", "h2", "h3", "h4", "h5", "h6", "dt", "caption", "legend", "summary", "label"}
_BULLET_LINE = re.compile(rf"^\s*(?:[-*+o{BULLETS}]|\d{{1,2}}[.)]|[a-z][.)])(?:\s+|$)")
_FENCE = ("```", "~~~")


class Unreadable(Exception):
    """A file the verifier cannot read text from; the message says why."""


def find_files(root: Path) -> list[Path]:
    """The files under ``root`` the verifier reads, in a stable order."""
    return sorted(p for p in root.rglob("*") if p.suffix.lower() in KINDS and p.is_file())


def check_file(path: Path, name: str, rules: RuleSet) -> Iterator[Mismatch]:
    """Each mismatch in one file, named ``name``; raises :class:`Unreadable`."""
    kind = KINDS[path.suffix.lower()]
    if kind == "pdf":
        with path.open("rb") as handle:
            for number, text in pdf_pages(handle):
                if may_state_rules(text, markup=False):
                    passages = text_passages(text.splitlines(), page=number)
                    yield from check_passages(passages, name, rules, unit="page")
        return
    text = path.read_text(encoding="utf-8", errors="replace")
    if not may_state_rules(text, markup=kind == "html"):
        return
    passages = html_passages(text) if kind == "html" else text_passages(text.splitlines())
    yield from check_passages(passages, name, rules)


def html_passages(html: str) -> Iterator[Passage]:
    """One passage per run of prose under one block and one rule-set marker, in page order."""
    soup = BeautifulSoup(html, "html.parser")
    for br in soup.find_all("br"):
        br.replace_with("\n")  # a line break inside a sentence, not the end of a word
    groups: dict[tuple[int, str | None], tuple[Tag, list[str]]] = {}
    for node in soup.find_all(string=True):
        if type(node) is not NavigableString:
            continue  # comments, doctypes, CDATA
        if any(parent.name in SKIPPED for parent in node.parents):
            continue
        block = next((p for p in node.parents if p.name in BLOCKS), soup)
        marked = next((p for p in node.parents if p.has_attr("data-ruleset")), None)
        key = (id(block), marked["data-ruleset"] if marked else None)
        groups.setdefault(key, (block, []))[1].append(str(node))
    for (_, ruleset), (block, texts) in groups.items():
        text = "".join(texts)
        if text.strip():
            yield Passage(
                text,
                block.sourceline or 1,
                ruleset,
                item=block.name in ITEMS,
                lead=block.name in LEADS or _first_cell(block),
            )


def _first_cell(block: Tag) -> bool:
    """A row's label cell ("Password" in "Password | 14-45 characters")."""
    return block.name in ("td", "th") and block.find_previous_sibling(["td", "th"]) is None


def text_passages(lines: Iterable[str], page: int | None = None) -> Iterator[Passage]:
    """Passages of plain text, Markdown or a PDF page.

    A blank line ends a paragraph; a line starting with a bullet or number starts a list item;
    any other line continues the passage before it (a line break inside a sentence). Markdown
    headings are lead-ins, table rows are cells, fenced code is skipped.
    """
    text: list[str] = []
    start, item, fence = 0, False, False
    for number, line in enumerate(lines, 1):
        where = page or number
        stripped = line.strip()
        bullet = _BULLET_LINE.match(line)
        starts = not stripped or fence or stripped.startswith(("#", "|", *_FENCE)) or bullet
        if starts and text:
            yield Passage("\n".join(text), start, item=item)
            text = []
        if stripped.startswith(_FENCE):
            fence = not fence
        elif fence or not stripped:
            continue
        elif stripped.startswith("#"):
            yield Passage(stripped.lstrip("#"), where, lead=True)
        elif stripped.startswith("|"):
            for index, cell in enumerate(stripped.strip("|").split("|")):
                yield Passage(cell, where, item=True, lead=index == 0)
        else:
            if not text:
                start, item = where, bool(bullet)
            text.append(line[bullet.end() :] if bullet else line)
    if text:
        yield Passage("\n".join(text), start, item=item)


def pdf_pages(handle: BinaryIO) -> Iterator[tuple[int, str]]:
    """(page number, text) for each page of a PDF, one page at a time."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(handle)
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("encrypted PDF (it needs a password to open)")
        pages = reader.pages
        count = len(pages)
    except Unreadable:
        raise
    except Exception as error:  # pypdf raises many types for a damaged or odd file
        raise Unreadable(f"not a readable PDF ({type(error).__name__}: {error})") from None
    any_text = False
    for number in range(1, count + 1):
        try:
            text = pages[number - 1].extract_text() or ""
        except Exception as error:
            raise Unreadable(f"page {number} cannot be read ({type(error).__name__})") from None
        any_text = any_text or bool(text.strip())
        yield number, text
    if not any_text:
        raise Unreadable("no text layer (a scanned or image-only PDF?)")
