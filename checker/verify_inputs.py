"""The verifier's readers: HTML, PDF (text layer) and plain text or Markdown, as passages.

Each reader keeps where a passage starts (a line for HTML and text, a page for PDF), and marks list
items, table cells and bullet lines, which may take their subject from a lead-in (see
:mod:`checker.verify`). PDFs are read a page at a time through an open file, so a long guide is
never held whole in memory; a PDF that is encrypted, or has no text on any page (a scan), raises
:class:`Unreadable`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import BinaryIO

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


def find_files(root: Path) -> Iterator[Path]:
    """The files under ``root`` the verifier reads, in a stable order, found as they are read.

    A walk, not a sorted list of the whole tree: memory stays flat however large the site.
    """
    for folder, subfolders, names in os.walk(root):
        subfolders.sort()
        for name in sorted(names):
            path = Path(folder, name)
            if path.suffix.lower() in KINDS and path.is_file():
                yield path


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
    reader = _HtmlReader()
    reader.read(html)
    for group in reader.groups.values():
        text = "".join(group.texts)
        if text.strip():
            yield Passage(text, group.line, group.ruleset, item=group.item, lead=group.lead)


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip
# A start tag of these closes an open one of the same name (HTML's implied end tags: <li>a<li>b).
SELF_CLOSING = {"p", "li", "dt", "dd", "td", "th", "tr", "option"}
# Markup, in the order HTML's tokenizer tries it: comments, doctype or CDATA, processing
# instructions, then tags (attribute values may hold ">").
_MARKUP = re.compile(
    r"<!--.*?(?:-->|$)|<![^>]*>|<\?[^>]*>"
    r"|<(/?)([a-zA-Z][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.DOTALL,
)
_RULESET_ATTR = re.compile(r"""\bdata-ruleset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


@dataclass
class _Group:
    line: int
    ruleset: str | None
    item: bool
    lead: bool
    texts: list[str] = field(default_factory=list)


@dataclass
class _Open:
    tag: str
    block: int | None  # a number for a block element, else None
    ruleset: str | None
    cells: int = 0  # for a table row: cells seen so far


class _HtmlReader:
    """Collects text by (innermost block, nearest data-ruleset), with the line it starts on.

    A small tokenizer (one regular expression for markup), not a tree: most of the verifier's time
    on a page that states a rule went into building BeautifulSoup's tree and then Python's
    html.parser calls. Entities are decoded per run of text; script, style and the other skipped
    elements are jumped over to their end tag, as a browser does.
    """

    def __init__(self) -> None:
        self.stack: list[_Open] = [_Open("#root", 0, None)]
        self.groups: dict[tuple[int, str | None], _Group] = {}
        self.block_tags = {0: "#root"}
        self.first_cell: set[int] = set()
        self.html = ""
        self.line, self.counted = 1, 0

    def read(self, html: str) -> None:
        self.html = html
        position = 0
        while True:
            markup = _MARKUP.search(html, position)
            end = markup.start() if markup else len(html)
            if end > position:
                self.text(position, html[position:end])
            if markup is None:
                return
            position = markup.end()
            name = markup.group(2)
            if name is None:
                continue  # a comment, doctype or processing instruction
            tag = name.lower()
            if markup.group(1):
                self.end(tag)
            elif tag in SKIPPED:  # jump to the end tag: their content is not prose
                close = re.compile(rf"</{tag}\s*>", re.IGNORECASE).search(html, position)
                position = close.end() if close else len(html)
            else:
                self.start(tag, markup.group(3))

    def start(self, tag: str, attributes: str) -> None:
        if tag == "br":
            self.text(0, "\n")  # whitespace: never starts a passage, so the position is unused
            return
        if tag in VOID:
            return
        if tag in SELF_CLOSING and any(o.tag == tag for o in self.stack[-3:]):
            self.end(tag)
        ruleset = self.stack[-1].ruleset
        if "data-ruleset" in attributes:
            found = _RULESET_ATTR.search(attributes)
            if found:
                ruleset = unescape(next(value for value in found.groups() if value is not None))
        block = None
        if tag in BLOCKS:
            block = len(self.block_tags)
            self.block_tags[block] = tag
            if tag in ("td", "th"):
                row = next((o for o in reversed(self.stack) if o.tag == "tr"), None)
                if row is not None:
                    row.cells += 1
                    if row.cells == 1:
                        self.first_cell.add(block)
        self.stack.append(_Open(tag, block, ruleset))

    def end(self, tag: str) -> None:
        if not any(o.tag == tag for o in self.stack[1:]):
            return  # a stray end tag
        while self.stack.pop().tag != tag:
            pass

    def text(self, position: int, data: str) -> None:
        here = self.stack[-1]
        block = next(o.block for o in reversed(self.stack) if o.block is not None)
        key = (block, here.ruleset)
        group = self.groups.get(key)
        if group is None:
            if not data.strip():
                return  # whitespace between blocks starts no passage
            start = position + len(data) - len(data.lstrip())
            self.line += self.html.count("\n", self.counted, start)
            self.counted = start
            name = self.block_tags[block]
            group = self.groups[key] = _Group(
                self.line, here.ruleset, name in ITEMS, name in LEADS or block in self.first_cell
            )
            data = data.lstrip()
        group.texts.append(unescape(data) if "&" in data else data)


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
