"""The verifier's readers: HTML, PDF (text layer) and plain text or Markdown, as passages.

Each reader keeps where a passage starts (a line for HTML and text, a page for PDF), and marks list
items, table cells and bullet lines, which may take their subject from a lead-in (see
:mod:`.statements`). Passages are made as the input is read, so memory holds one passage, not the
whole document's text; and each reader does work in proportion to its input whatever its shape
(tags left open, deep nesting, comments never closed, one line as long as the file). PDFs are read
a page at a time through an open file; a PDF that is encrypted, or has no text on any page (a
scan), raises :class:`Unreadable`.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html import unescape
from typing import BinaryIO

from checker.rulesets import DEFAULT_RULESET, RuleSet, get_ruleset
from checker.verify.findings import Mismatch, Passage
from checker.verify.passages import BULLETS, PRESCAN_LIMIT, check_passages
from checker.verify.statements import may_state_rules

BLOCKS = {
    "p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "caption",
    "figcaption", "blockquote", "summary", "label", "legend", "title", "div", "section",
    "article", "main", "body", "header", "footer", "nav", "aside", "details", "form", "ol", "ul",
    "table", "tr", "tbody", "thead", "figure", "fieldset",
}  # fmt: skip
# Not prose: code and scripts; and struck-out text (<del>, <s>), which says what no longer holds.
SKIPPED = {"script", "style", "pre", "template", "textarea", "svg", "del", "s", "strike"}
ITEMS = {"li", "dd", "td", "th"}
LEADS = {"h1", "h2", "h3", "h4", "h5", "h6", "dt", "caption", "legend", "summary", "label"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "frame"}  # fmt: skip
# A start tag of these closes an open one of the same name (HTML's implied end tags: <li>a<li>b).
SELF_CLOSING = {"p", "li", "dt", "dd", "td", "th", "tr", "option"}
# Where a page links to another: the attribute that holds the address, by element.
LINK_ATTRIBUTES = {"a": "href", "area": "href", "frame": "src", "iframe": "src", "base": "href"}
# Chromium's parser nests elements at most 512 deep, and puts any deeper one beside the last it
# nested; so does this reader, which keeps memory flat on tags that are never closed.
MAX_DEPTH = 512
_BULLET_LINE = re.compile(rf"^\s*(?:[-*+o>{BULLETS}]|\d{{1,2}}[.)]|[a-z][.)])(?:\s+|$)")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}")
_FENCE = ("```", "~~~")
_STARTS = ("#", "|", *_FENCE)  # lines that start a passage of their own


class Unreadable(Exception):
    """A document the verifier cannot read text from; the message says why."""


@dataclass
class Links:
    """Where a page links to, as written in it: ``<base href>`` (if any) and each target."""

    base: str | None = None
    targets: list[str] = field(default_factory=list)


def verify_html(html: str, page: str, ruleset: str | RuleSet = DEFAULT_RULESET) -> list[Mismatch]:
    """Every mismatch in one HTML page, named ``page``."""
    return list(check_html(html, page, get_ruleset(ruleset)))


def verify_text(text: str, name: str, ruleset: str | RuleSet = DEFAULT_RULESET) -> list[Mismatch]:
    """Plain text or Markdown, as one string (tests; files are streamed)."""
    return list(check_text(io.StringIO(text), name, get_ruleset(ruleset)))


def check_html(
    html: str, name: str, rules: RuleSet, links: Links | None = None
) -> Iterator[Mismatch]:
    """Each mismatch in one HTML page; with ``links``, where the page links to is added to it."""
    if len(html) <= PRESCAN_LIMIT and not may_state_rules(html, markup=True):
        if links is not None:
            for _ in html_passages(html, links):
                pass
        return
    yield from check_passages(html_passages(html, links), name, rules)


def check_text(lines: Iterable[str], name: str, rules: RuleSet) -> Iterator[Mismatch]:
    """Each mismatch in plain text or Markdown, read line by line."""
    yield from check_passages(text_passages(line.rstrip("\r\n") for line in lines), name, rules)


def check_pdf(handle: BinaryIO, name: str, rules: RuleSet) -> Iterator[Mismatch]:
    """Each mismatch in a PDF's text layer, page by page; raises :class:`Unreadable`."""
    for number, text in pdf_pages(handle):
        if may_state_rules(text, markup=False):
            passages = text_passages(text.splitlines(), page=number)
            yield from check_passages(passages, name, rules, unit="page")


def html_passages(html: str, links: Links | None = None) -> Iterator[Passage]:
    """One passage per run of prose under one block and one rule-set marker, in page order."""
    return _HtmlReader(html, links).passages()


class _Open:
    """An open element: its tag, the innermost block it is in, its rule set, its table and row."""

    __slots__ = ("tag", "block", "ruleset", "row", "table", "cells", "number")

    def __init__(
        self, tag: str, block: int, ruleset: str | None, row: _Open | None, table: _Table | None
    ) -> None:
        self.tag, self.block, self.ruleset, self.row, self.table = tag, block, ruleset, row, table
        self.cells = 0  # for a table row: cells seen so far
        self.number = 0  # for a table row: which row of its table


class _Table:
    """A table's column headings (its first row), by column."""

    __slots__ = ("rows", "headings")

    def __init__(self) -> None:
        self.rows = 0
        self.headings: dict[int, str] = {}

    def columns(self) -> tuple[str, ...]:
        return tuple(self.headings[column] for column in sorted(self.headings))


_TAG_NAME = re.compile(r"[a-zA-Z][^\s/>]*")
# Attributes up to the tag's ">": possessive, so a tag that never closes is read once, to its
# end, and never again from a later position.
_ATTRIBUTES = re.compile(r"""(?:[^>"']++|"[^"]*+"|'[^']*+')*+""")
_SKIPPED_END = {tag: re.compile(rf"</{tag}\s*>", re.IGNORECASE) for tag in SKIPPED}
_RULESET_ATTR = re.compile(r"""\bdata-ruleset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_LINK_ATTR = {
    name: re.compile(rf"""(?:^|\s){name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
    for name in set(LINK_ATTRIBUTES.values())
}
_PIECES = 256  # text pieces kept before they are joined into one


class _HtmlReader:
    """Collects text by (innermost block, nearest data-ruleset), with the line it starts on.

    A small tokenizer, not a tree: ``str.find`` for the next "<", one regular expression for a
    tag's attributes. Every step moves forward through the page: the open elements are a stack
    whose entries carry what the text inside needs (the innermost block, the rule set, the row),
    so no step looks back through the stack, however deep it is or however many tags are never
    closed. Entities are decoded per run of text; script, style and the other skipped elements are
    jumped over to their end tag, as a browser does. A passage ends where text of another block or
    rule set starts.
    """

    def __init__(self, html: str, links: Links | None) -> None:
        self.html = html
        self.links = links
        self.stack = [_Open("#root", 0, None, None, None)]
        self.cells: dict[int, tuple[_Table, int, bool]] = {}  # a cell's table, column, heading?
        self.open = Counter[str]()
        self.block_names = ["#root"]
        self.first_cells: set[int] = set()
        self.line, self.counted = 1, 0
        self.key: tuple[int, str | None] | None = None
        self.pieces: list[str] = []
        self.chunks: list[str] = []
        self.passage_line = 0

    def passages(self) -> Iterator[Passage]:
        html, length = self.html, len(self.html)
        text_start = scan = 0
        while True:
            lt = html.find("<", scan)
            if lt < 0:
                break
            token = self.token(lt)
            if token is None:  # a "<" that starts no markup is text
                scan = lt + 1
                continue
            if lt > text_start:
                passage = self.text(text_start, html[text_start:lt])
                if passage:
                    yield passage
            end, tag, closing, attributes = token
            if tag is None:
                pass  # a comment, doctype or processing instruction
            elif closing:
                self.end(tag)
            elif tag in SKIPPED and not attributes.endswith("/"):
                close = _SKIPPED_END[tag].search(html, end)
                end = close.end() if close else length
            else:
                self.start(tag, attributes)
            text_start = scan = end
        if text_start < length:
            passage = self.text(text_start, html[text_start:])
            if passage:
                yield passage
        passage = self.flush()
        if passage:
            yield passage

    def token(self, lt: int) -> tuple[int, str | None, bool, str] | None:
        """The markup at ``lt``: (where it ends, tag or None, end tag?, attributes); None when the
        "<" is plain text."""
        html = self.html
        if html.startswith("<!--", lt):
            end = html.find("-->", lt + 4)
            return (len(html) if end < 0 else end + 3), None, False, ""
        if html.startswith(("<!", "<?"), lt):  # a doctype, CDATA or processing instruction
            end = html.find(">", lt + 2)
            return (len(html) if end < 0 else end + 1), None, False, ""
        closing = html.startswith("</", lt)
        name = _TAG_NAME.match(html, lt + 1 + closing)
        if name is None:
            return None
        attributes = _ATTRIBUTES.match(html, name.end())
        if not html.startswith(">", attributes.end()):
            return len(html), None, False, ""  # open at the end of the page: the rest is in it
        return attributes.end() + 1, name.group(0).lower(), closing, attributes.group(0)

    def start(self, tag: str, attributes: str) -> None:
        if self.links is not None and tag in LINK_ATTRIBUTES:
            found = _LINK_ATTR[LINK_ATTRIBUTES[tag]].search(attributes)
            if found:
                target = unescape(next(v for v in found.groups() if v is not None)).strip()
                if tag != "base":
                    self.links.targets.append(target)
                elif self.links.base is None:
                    self.links.base = target
        if tag == "br":
            self.text(0, "\u2028")  # a line break: ends a sentence, never starts a passage
            return
        if tag in VOID:
            return
        if tag in SELF_CLOSING and any(o.tag == tag for o in self.stack[-3:]):
            self.end(tag)
        parent = self.stack[-1]
        ruleset = parent.ruleset
        if "data-ruleset" in attributes:
            found = _RULESET_ATTR.search(attributes)
            if found:
                ruleset = unescape(next(value for value in found.groups() if value is not None))
        block, row, table = parent.block, parent.row, parent.table
        if tag == "table":
            table = _Table()
        elif tag == "tr" and table is not None:
            table.rows += 1
        if tag in BLOCKS:
            block = len(self.block_names)
            self.block_names.append(tag)
            if tag in ("td", "th") and row is not None:
                row.cells += 1
                if row.cells == 1:
                    self.first_cells.add(block)
                if table is not None:
                    self.cells[block] = (table, row.cells, row.number == 1 and tag == "th")
        if len(self.stack) >= MAX_DEPTH:
            return  # as deep as a browser nests: what is deeper belongs to the element at the cap
        opened = _Open(tag, block, ruleset, row, table)
        if tag == "tr":
            opened.row = opened
            opened.number = table.rows if table is not None else 0
        self.stack.append(opened)
        self.open[tag] += 1

    def end(self, tag: str) -> None:
        if not self.open[tag]:
            return  # a stray end tag
        while True:
            closed = self.stack.pop()
            self.open[closed.tag] -= 1
            if closed.tag == tag:
                return

    def text(self, position: int, data: str) -> Passage | None:
        """Add a run of text; the passage it ends, if it starts a new one."""
        here = self.stack[-1]
        key = (here.block, here.ruleset)
        ended = None
        if key != self.key:
            if not data.strip():
                return None  # whitespace between blocks starts no passage
            ended = self.flush()
            start = position + len(data) - len(data.lstrip())
            self.line += self.html.count("\n", self.counted, start)
            self.counted = start
            self.key, self.passage_line = key, self.line
            data = data.lstrip()
        self.pieces.append(unescape(data) if "&" in data else data)
        if len(self.pieces) >= _PIECES:
            self.chunks.append("".join(self.pieces))
            self.pieces.clear()
        return ended

    def flush(self) -> Passage | None:
        """The passage read so far, if it has any text; the reader then starts a new one."""
        if self.key is None:
            return None
        text = "".join([*self.chunks, *self.pieces])
        self.chunks.clear()
        self.pieces.clear()
        block, ruleset = self.key
        self.key = None
        if not text.strip():
            return None
        name = self.block_names[block]
        lead = name in LEADS or block in self.first_cells
        level = int(name[1]) if name in HEADINGS else 0
        header, column, columns = False, None, ()
        cell = self.cells.pop(block, None)
        if cell is not None:
            table, number, header = cell
            if header:
                table.headings[number] = " ".join(text.split())
            else:
                column, columns = table.headings.get(number), table.columns()
        return Passage(
            text, self.passage_line, ruleset, item=name in ITEMS, lead=lead, level=level,
            header=header, column=column, columns=columns, html=True,
        )  # fmt: skip


def text_passages(lines: Iterable[str], page: int | None = None) -> Iterator[Passage]:
    """Passages of plain text, Markdown or a PDF page.

    A blank line ends a paragraph; a line starting with a bullet or number starts a list item;
    any other line continues the passage before it (a line break inside a sentence). Numbered
    items right after bulleted ones ("1." after "-") are another list, unless the bulleted item
    before ends in ":" (it leads them): the first numbered item is read as a paragraph, so the
    lead-in of the bulleted list does not carry over (a PDF has
    no blank lines: without this, "The password cannot have:" in a drawing's note box would lead
    the numbered steps printed under the drawing). Markdown
    headings are lead-ins with their level, table rows are cells (the first row, over a rule of
    dashes, gives the column headings), fenced code is skipped.
    """
    text: list[str] = []
    start, item, fence = 0, False, False
    marker: str | None = None  # the kind of marker of the list item just read, if one was
    leads = False  # whether the passage just read ends in ":" (it leads a list of another marker)
    table: list[str] | None = None  # the column headings of the table being read
    row: tuple[str, int] | None = None  # a table's first row, until the next line says what it is
    for number, line in enumerate(lines, 1):
        where = page or number
        stripped = line.strip()
        if row is not None:
            first, first_at = row
            row = None
            heading = bool(_TABLE_RULE.match(stripped))
            table = _cells(first) if heading else []
            yield from _row(first, first_at, table, heading)
            if heading:
                continue
        if not stripped.startswith("|"):
            table = None
        bullet = _BULLET_LINE.match(line)
        starts = not stripped or fence or stripped.startswith(_STARTS) or bullet
        if starts and text:
            yield Passage("\n".join(text), start, item=item)
            leads = text[-1].rstrip().endswith(":")
            text = []
        if stripped.startswith(_FENCE):
            fence = not fence
        elif fence or not stripped:
            continue
        elif stripped.startswith("#"):
            level = min(6, len(stripped) - len(stripped.lstrip("#")))
            yield Passage(stripped.lstrip("#"), where, lead=True, level=level)
        elif stripped.startswith("|"):
            if table is None:
                row = (stripped, where)
            else:
                yield from _row(stripped, where, table, False)
        else:
            if not text:
                kind = _marker_kind(bullet.group()) if bullet else None
                # Numbered steps after bullets: a new list. Bullets after a numbered item, or
                # after an item ending in ":", are its sub-list (the corpus has both).
                new_list = kind == "1" and marker not in (None, "1") and not leads
                start, item = where, bool(bullet) and not new_list
                marker = kind
            text.append(line[bullet.end() :] if bullet else line)
            continue
        marker = None
    if row is not None:
        yield from _row(row[0], row[1], [], False)
    if text:
        yield Passage("\n".join(text), start, item=item)


def _marker_kind(marker: str) -> str:
    """"1" for a number, "a" for a letter, else the bullet itself ("-", "•")."""
    mark = marker.strip()
    if mark[:1].isdigit():
        return "1"
    return "a" if len(mark) > 1 and mark[0].isalpha() else mark


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip("|").split("|")]


def _row(row: str, where: int, headings: list[str], heading: bool) -> Iterator[Passage]:
    columns = tuple(headings)
    for index, cell in enumerate(_cells(row)):
        column = headings[index] if not heading and index < len(headings) else None
        yield Passage(cell, where, item=True, lead=index == 0, header=heading, column=column,
                      columns=() if heading else columns)  # fmt: skip


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
