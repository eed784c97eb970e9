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
import signal
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from html import unescape
from typing import BinaryIO, TextIO

from checker.rulesets import DEFAULT_RULESET, RuleSet, get_ruleset
from checker.verify.findings import Found, Mismatch, Passage, Review
from checker.verify.kinds import may_state_rules
from checker.verify.passages import BULLETS, PRESCAN_LIMIT, check_passages

BLOCKS = {
    "p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "caption",
    "figcaption", "blockquote", "summary", "label", "legend", "title", "div", "section",
    "article", "main", "body", "header", "footer", "nav", "aside", "details", "form", "ol", "ul",
    "table", "tr", "tbody", "thead", "figure", "fieldset",
}  # fmt: skip
# Not prose: code (blocks, inline code, keys and sample output) and scripts; and struck-out text
# (<del>, <s>), which says what no longer holds.
SKIPPED = {
    "script", "style", "pre", "code", "kbd", "samp", "template", "textarea", "svg", "del", "s",
    "strike",
}  # fmt: skip
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


# Seconds to read one page or PDF. A 35 KB PDF took pypdf 63 s to extract text from; pages of
# this site read in milliseconds.
READ_BUDGET = 30.0


class OverBudget(BaseException):
    """A read took longer than its budget. A BaseException, as KeyboardInterrupt is, so that no
    ``except Exception`` in a library (pypdf has many, for damaged files) can swallow it."""


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise :class:`OverBudget` in the block once ``seconds`` have passed (by the clock).

    A timer signal, so a library's loop is cut short wherever it is (a thread cannot be stopped,
    and a page read in a process of its own would cost a fork per page). Signals reach the main
    thread only: elsewhere the block runs without a budget.
    """
    if threading.current_thread() is not threading.main_thread() or seconds <= 0:
        yield
        return

    def alarm(signum, frame):
        raise OverBudget(seconds)

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Links:
    """Where a page links to, as written in it: ``<base href>`` (if any) and each target."""

    base: str | None = None
    targets: list[str] = field(default_factory=list)


def verify_html(html: str, page: str, ruleset: str | RuleSet = DEFAULT_RULESET) -> list[Mismatch]:
    """Every mismatch in one HTML page, named ``page``."""
    return [found for found in findings_html(html, page, ruleset) if isinstance(found, Mismatch)]


def verify_text(text: str, name: str, ruleset: str | RuleSet = DEFAULT_RULESET) -> list[Mismatch]:
    """Plain text or Markdown, as one string (tests; files are streamed)."""
    return [found for found in findings_text(text, name, ruleset) if isinstance(found, Mismatch)]


def findings_html(
    html: str, page: str, ruleset: str | RuleSet = DEFAULT_RULESET
) -> list[Mismatch | Review]:
    """Every mismatch and review in one HTML page (what was silenced left out)."""
    found = check_html(html, page, get_ruleset(ruleset))
    return [item for item in found if isinstance(item, (Mismatch, Review))]


def findings_text(
    text: str, name: str, ruleset: str | RuleSet = DEFAULT_RULESET
) -> list[Mismatch | Review]:
    """Every mismatch and review in plain text or Markdown, as one string."""
    found = check_text(io.StringIO(text), name, get_ruleset(ruleset))
    return [item for item in found if isinstance(item, (Mismatch, Review))]


def check_html(
    html: str | TextIO, name: str, rules: RuleSet, links: Links | None = None
) -> Iterator[Found]:
    """Each finding in one HTML page, a string or an open file (read :data:`WINDOW` characters
    at a time); with ``links``, where the page links to is added to it."""
    more = None
    if not isinstance(html, str):
        more, html = html, html.read(PRESCAN_LIMIT + 1)
        if len(html) <= PRESCAN_LIMIT:
            more = None  # the whole file
    if more is None and len(html) <= PRESCAN_LIMIT and not may_state_rules(html, markup=True):
        if links is not None:
            for _ in html_passages(html, links):
                pass
        return
    yield from check_passages(_HtmlReader(html, links, more).passages(), name, rules)


def check_text(lines: Iterable[str], name: str, rules: RuleSet) -> Iterator[Found]:
    """Each finding in plain text or Markdown, read line by line."""
    yield from check_passages(text_passages(line.rstrip("\r\n") for line in lines), name, rules)


# A passage longer than this is read in parts, each ending at a sentence if one ends near its
# end: one paragraph as long as a file would otherwise be held whole.
MAX_PASSAGE = 1 << 20
# A line of a text file is read at most this long (the rest is the next line), for the same reason.
MAX_LINE = 1 << 20
# An HTML file is read this many characters at a time; markup still open at the end of a window
# (a tag, a comment, a script) is carried into the next, up to MAX_CARRY characters, and past that
# passed over a window at a time, never held whole.
WINDOW = 1 << 18
MAX_CARRY = 1 << 20


def bounded_lines(handle: TextIO) -> Iterator[str]:
    """The lines of a text file, none longer than :data:`MAX_LINE` characters."""
    return iter(partial(handle.readline, MAX_LINE), "")


def check_pdf(handle: BinaryIO, name: str, rules: RuleSet) -> Iterator[Found]:
    """Each finding in a PDF's text layer, page by page; raises :class:`Unreadable`."""
    for number, text in pdf_pages(handle):
        if may_state_rules(text, markup=False):
            passages = text_passages(text.splitlines(), page=number)
            yield from check_passages(passages, name, rules, unit="page")


def html_passages(html: str, links: Links | None = None) -> Iterator[Passage]:
    """One passage per run of prose under one block and one rule-set marker, in page order."""
    return _HtmlReader(html, links).passages()


class _Block:
    """A block element, as its passages need it: its tag, whether it is a row's first cell, and
    for a table cell (table, column, heading?). Held by the open elements inside it and the
    passage being read, and by nothing else: memory stays flat however many blocks a page has."""

    __slots__ = ("tag", "first_cell", "cell")

    def __init__(
        self, tag: str, first_cell: bool = False, cell: tuple[_Table, int, bool] | None = None
    ) -> None:
        self.tag, self.first_cell, self.cell = tag, first_cell, cell


class _Open:
    """An open element: its tag, the innermost block it is in, its rule set, its table and row."""

    __slots__ = ("tag", "block", "ruleset", "row", "table", "cells", "number", "ignored", "key")

    def __init__(
        self, tag: str, block: _Block, ruleset: str | None, row: _Open | None,
        table: _Table | None, ignored: bool = False,
    ) -> None:  # fmt: skip
        self.tag, self.block, self.ruleset, self.row, self.table = tag, block, ruleset, row, table
        self.ignored = ignored  # in an element a person marked reviewed (pacer-checker: ignore)
        self.key = (block, ruleset, ignored)  # the passage its text belongs to (made once)
        self.cells = 0  # for a table row: cells seen so far
        self.number = 0  # for a table row: which row of its table


# Column headings kept per table. Every cell carries its table's headings, and reading a cell looks
# at each of them (which column is dated, which names the subject): a bound keeps a table of any
# width linear (a 0.8 MB page of one wide table took 61 s before issue 26). A table of rules has a
# handful of columns.
MAX_COLUMNS = 64


class _Table:
    """A table's column headings (its first row), by column: the first :data:`MAX_COLUMNS`."""

    __slots__ = ("rows", "headings", "listed")

    def __init__(self) -> None:
        self.rows = 0
        self.headings: dict[int, str] = {}
        self.listed: tuple[str, ...] | None = None

    def add_heading(self, column: int, text: str) -> None:
        if column <= MAX_COLUMNS:
            self.headings[column] = text
            self.listed = None

    def columns(self) -> tuple[str, ...]:
        """The headings in column order; made again only after a heading is added (at most
        :data:`MAX_COLUMNS` times), not for every cell."""
        if self.listed is None:
            self.listed = tuple(self.headings[column] for column in sorted(self.headings))
        return self.listed


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
_TAG_STOP = re.compile(r"""[>"']""")
_OPEN = (-1, None, False, "")  # token(): markup still open at the end of a window


def _text_end(html: str, start: int) -> int:
    """Where text at the end of a window may be cut: before a "&" whose entity may go on."""
    amp = html.rfind("&", max(start, len(html) - 40))
    return amp if amp >= 0 and ";" not in html[amp:] else len(html)


def _cut_point(text: str) -> int:
    """Where to cut a long passage: after the last sentence end in its last quarter, else the
    last space there, else its end."""
    near = len(text) * 3 // 4
    for mark, after in ((". ", 2), ("\n", 1), (" ", 1)):
        found = text.rfind(mark, near)
        if found >= 0:
            return found + after
    return len(text)
# What a person writes to record a passage as reviewed: a comment before it, or an attribute on
# its element (in Markdown also an attribute list, "{: data-pacer-checker="ignore" }").
_IGNORE_COMMENT = re.compile(r"<!--\s*pacer-checker:\s*ignore\s*-->", re.IGNORECASE)
_IGNORE_ATTR = re.compile(r"""\bdata-pacer-checker\s*=\s*(?:"ignore"|'ignore'|ignore\b)""",
                          re.IGNORECASE)  # fmt: skip
_INLINE_COMMENT = re.compile(r"<!--.*?-->")
_ATTR_LIST = re.compile(r"\{:?[^{}]*\}\s*$")
_MARKUP_START = re.compile(r"<([a-zA-Z][\w-]*)")


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

    def __init__(self, html: str, links: Links | None, more: TextIO | None = None) -> None:
        self.html = html
        self.more = more  # the rest of the file, read a window at a time
        self.final = more is None
        self.size = 0  # characters in the passage being read
        self.links = links
        self.stack = [_Open("#root", _Block("#root"), None, None, None)]
        self.open = Counter[str]()
        self.line, self.counted = 1, 0
        self.key: tuple[_Block, str | None, bool] | None = None
        self.pieces: list[str] = []
        self.chunks: list[str] = []
        self.passage_line = 0
        self.marked = "pacer-checker" in html  # whether the page marks anything as reviewed
        self.ignore_next = False  # an ignore comment was read: the next element is ignored
        self.ignored_block: _Block | None = None  # ...or, when text came first, this block

    def passages(self) -> Iterator[Passage]:
        text_start = scan = 0
        while True:
            html = self.html
            lt = html.find("<", scan)
            if lt < 0:
                if self.final:
                    break
                keep = _text_end(html, text_start)  # not inside an entity: "&am" + "p;"
                yield from self.run_text(text_start, html[text_start:keep])
                scan = len(html) - keep
                self.refill(keep)
                text_start = 0
                continue
            token = self.token(lt)
            if token is None:  # a "<" that starts no markup is text
                scan = lt + 1
                continue
            if lt > text_start:
                yield from self.run_text(text_start, html[text_start:lt])
            if token is _OPEN or (
                token[1] in SKIPPED and not token[2] and not token[3].endswith("/")
                and not self.final and _SKIPPED_END[token[1]].search(html, token[0]) is None
            ):  # markup still open at the end of the window
                if len(html) - lt > MAX_CARRY:
                    text_start = scan = self.pass_over(lt)
                else:
                    self.refill(lt)
                    text_start = scan = 0
                continue
            end, tag, closing, attributes = token
            if tag is None:  # a comment, doctype or processing instruction
                # Looked at only on a page that has the mark: a page may hold thousands of
                # comments, and few pages any of ours.
                if self.marked and _IGNORE_COMMENT.match(html, lt, end):
                    self.ignore_next = True
            elif closing:
                self.end(tag)
            elif tag in SKIPPED and not attributes.endswith("/"):
                close = _SKIPPED_END[tag].search(html, end)
                end = close.end() if close else len(html)
            else:
                self.start(tag, attributes)
            text_start = scan = end
        if text_start < len(self.html):
            yield from self.run_text(text_start, self.html[text_start:])
        passage = self.flush()
        if passage:
            yield passage

    def refill(self, cut: int) -> None:
        """Drop the window's text before ``cut`` (counting its lines) and read on."""
        html = self.html
        if self.counted < cut:
            self.line += html.count("\n", self.counted, cut)
        self.counted = max(0, self.counted - cut)
        more = self.more.read(WINDOW) if self.more is not None and not self.final else ""
        self.final = self.final or not more
        self.html = html[cut:] + more
        if not self.marked:  # a mark in this window (or cut by the last one)
            self.marked = "pacer-checker" in self.html

    def pass_over(self, lt: int) -> int:
        """Where markup at ``lt`` that is longer than :data:`MAX_CARRY` ends (in the window then
        read), read a window at a time and not kept. A tag's attributes are not read."""
        html = self.html
        if html.startswith("<!--", lt):
            return self.until("-->", lt + 4)
        if html.startswith(("<!", "<?"), lt):
            return self.until(">", lt + 2)
        closing = html.startswith("</", lt)
        name = _TAG_NAME.match(html, lt + 1 + closing)
        tag = name.group(0)[:64].lower()
        attributes = _ATTRIBUTES.match(html, name.end())
        if attributes.end() + 1 < len(html) and html[attributes.end()] == ">":
            end = attributes.end() + 1  # a script's or style's own tag; its content is long
        else:
            end = self.tag_end(attributes.end())
            if end < 0:
                return len(self.html)  # open at the end of the file: the rest is in it
        if closing:
            self.end(tag)
        elif tag in SKIPPED:
            return self.until(_SKIPPED_END[tag], end)
        else:
            self.start(tag, "")
        return end

    def until(self, needle: str | re.Pattern, position: int) -> int:
        """Where the next ``needle`` ends, reading on as needed; the end of the file if none."""
        overlap = len(needle) - 1 if isinstance(needle, str) else 64
        while True:
            html = self.html
            if isinstance(needle, str):
                found = html.find(needle, position)
                end = found + len(needle) if found >= 0 else -1
            else:
                match = needle.search(html, position)
                end = match.end() if match else -1
            if end >= 0 or self.final:
                return end if end >= 0 else len(html)
            keep = max(position, len(html) - overlap)
            self.refill(keep)
            position = 0

    def tag_end(self, position: int) -> int:
        """Where a tag ends (after its ">", quotes respected, as _ATTRIBUTES reads them), reading
        on as needed; -1 when the file ends first."""
        quote = None
        while True:
            html = self.html
            while True:
                if quote:
                    found = html.find(quote, position)
                    if found < 0:
                        break
                    quote, position = None, found + 1
                else:
                    stop = _TAG_STOP.search(html, position)
                    if stop is None:
                        break
                    if stop.group() == ">":
                        return stop.end()
                    quote, position = stop.group(), stop.end()
            if self.final:
                return -1
            self.refill(len(html))
            position = 0

    def run_text(self, position: int, data: str) -> Iterator[Passage]:
        """Add a run of text; the passages it ends or cuts."""
        ended = self.text(position, data)
        if ended:
            yield ended
        if self.size > MAX_PASSAGE:
            passage = self.cut()
            if passage:
                yield passage

    def token(self, lt: int) -> tuple[int, str | None, bool, str] | None:
        """The markup at ``lt``: (where it ends, tag or None, end tag?, attributes); None when the
        "<" is plain text."""
        html = self.html
        if not self.final and len(html) - lt < 4 and "<!--".startswith(html[lt:]):
            return _OPEN  # what this is shows in the next window
        if html.startswith("<!--", lt):
            end = html.find("-->", lt + 4)
            if end < 0 and not self.final:
                return _OPEN
            return (len(html) if end < 0 else end + 3), None, False, ""
        if html.startswith(("<!", "<?"), lt):  # a doctype, CDATA or processing instruction
            end = html.find(">", lt + 2)
            if end < 0 and not self.final:
                return _OPEN
            return (len(html) if end < 0 else end + 1), None, False, ""
        closing = html.startswith("</", lt)
        name = _TAG_NAME.match(html, lt + 1 + closing)
        if name is None:
            if not self.final and len(html) - lt <= 2:
                return _OPEN  # "<" or "</" at the end of the window: read on to see
            return None
        attributes = _ATTRIBUTES.match(html, name.end())
        if not html.startswith(">", attributes.end()):
            if not self.final:
                return _OPEN
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
        ignored = parent.ignored or self.ignore_next or (
            "pacer-checker" in attributes and _IGNORE_ATTR.search(attributes) is not None
        )
        self.ignore_next = False
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
            first, cell = False, None
            if tag in ("td", "th") and row is not None:
                row.cells += 1
                first = row.cells == 1
                if table is not None:
                    cell = (table, row.cells, row.number == 1 and tag == "th")
            block = _Block(tag, first, cell)
        if len(self.stack) >= MAX_DEPTH:
            return  # as deep as a browser nests: what is deeper belongs to the element at the cap
        opened = _Open(tag, block, ruleset, row, table, ignored)
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
        if self.ignore_next and data.strip():
            self.ignore_next, self.ignored_block = False, here.block  # the comment's own block
        key = here.key
        if here.block is self.ignored_block:
            key = (here.block, here.ruleset, True)
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
        self.size += len(data)
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
        self.size = 0
        key, self.key = self.key, None
        return self.passage(text, key, final=True)

    def cut(self) -> Passage | None:
        """The first part of a passage past :data:`MAX_PASSAGE` characters, up to the last
        sentence that ends near its end; the rest stays, to be read on."""
        text = "".join([*self.chunks, *self.pieces])
        self.chunks.clear()
        at = _cut_point(text)
        self.pieces[:] = [text[at:]]
        self.size = len(text) - at
        passage = self.passage(text[:at], self.key, final=False)
        self.passage_line += text.count("\n", 0, at)
        return passage

    def passage(
        self, text: str, key: tuple[_Block, str | None, bool], final: bool
    ) -> Passage | None:
        block, ruleset, ignored = key
        if not text.strip():
            return None
        name = block.tag
        lead = name in LEADS or block.first_cell
        level = int(name[1]) if name in HEADINGS else 0
        header, column, columns = False, None, ()
        cell = block.cell
        if final:
            block.cell = None  # a cell's heading is its first passage's
        if cell is not None:
            table, number, header = cell
            if header and final:
                table.add_heading(number, " ".join(text.split()))
            elif not header:
                column, columns = table.headings.get(number), table.columns()
        return Passage(
            text, self.passage_line, ruleset, item=name in ITEMS, lead=lead, level=level,
            header=header, column=column, columns=columns, html=True, ignored=ignored,
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
    start, item, fence, size = 0, False, False, 0
    marker: str | None = None  # the kind of marker of the list item just read, if one was
    leads = False  # whether the passage just read ends in ":" (it leads a list of another marker)
    table: list[str] | None = None  # the column headings of the table being read
    row: tuple[str, int] | None = None  # a table's first row, until the next line says what it is
    # What a person marked reviewed: after an ignore comment, the next block (``ignore_next``);
    # inside raw HTML with the attribute, every line up to its end tag (``ignore_until``); a
    # block with an attribute list holding it. A block is a run of lines with no blank line.
    ignore_next, ignore_until, block_ignored, after_blank = False, "", False, True
    for number, line in enumerate(lines, 1):
        where = page or number
        stripped = line.strip()
        if row is not None:
            first, first_at = row
            row = None
            heading = bool(_TABLE_RULE.match(stripped))
            table = _cells(first)[:MAX_COLUMNS] if heading else []
            yield from _row(first, first_at, table, heading, block_ignored)
            if heading:
                continue
        if not stripped.startswith("|"):
            table = None
        inside = bool(ignore_until)
        if "<" in line or "{" in line:  # markup, a comment or an attribute list: marks?
            marked = "pacer-checker" in line
            if "<!--" in line and not (marked and _IGNORE_COMMENT.fullmatch(stripped)):
                line = _INLINE_COMMENT.sub(" ", line)  # a comment in a line is no prose
                stripped = line.strip()
            if marked and _IGNORE_COMMENT.fullmatch(stripped):
                if text:
                    yield Passage("\n".join(text), start, item=item, ignored=block_ignored)
                    text = []
                ignore_next, after_blank = True, True
                continue
            if marked and stripped.startswith("<") and _IGNORE_ATTR.search(stripped):
                tag = _MARKUP_START.match(stripped)
                closing = f"</{tag.group(1).lower()}" if tag else ""
                inside, ignore_until = True, "" if closing in stripped.lower() else closing
            elif ignore_until and ignore_until in stripped.lower():
                ignore_until = ""  # its end tag: this line is the element's last
            attributes = _ATTR_LIST.search(line) if marked else None
            if attributes and _IGNORE_ATTR.search(attributes.group(0)):
                line = line[: attributes.start()]
                stripped = line.strip()
                if text:
                    block_ignored = True  # on its block's last line, or on the line after it
                else:
                    ignore_next = True  # on a heading's own line
        bullet = _BULLET_LINE.match(line)
        starts = not stripped or fence or stripped.startswith(_STARTS) or bullet
        if starts and text:
            yield Passage("\n".join(text), start, item=item, ignored=block_ignored)
            leads = text[-1].rstrip().endswith(":")
            text = []
        if stripped.startswith(_FENCE):
            fence = not fence
            continue
        if fence:
            continue
        if not stripped:
            after_blank = True
            continue
        if after_blank or stripped.startswith("#"):  # a block starts
            block_ignored, ignore_next = inside or ignore_next, False
        elif inside:
            block_ignored = True
        after_blank = False
        if stripped.startswith("#"):
            level = min(6, len(stripped) - len(stripped.lstrip("#")))
            yield Passage(stripped.lstrip("#"), where, lead=True, level=level,
                          ignored=block_ignored)  # fmt: skip
            after_blank = True  # a heading is a block of its own
        elif stripped.startswith("|"):
            if table is None:
                row = (stripped, where)
            else:
                yield from _row(stripped, where, table, False, block_ignored)
        else:
            if not text:
                kind = _marker_kind(bullet.group()) if bullet else None
                # Numbered steps after bullets: a new list. Bullets after a numbered item, or
                # after an item ending in ":", are its sub-list (the corpus has both).
                new_list = kind == "1" and marker not in (None, "1") and not leads
                start, item, size = where, bool(bullet) and not new_list, 0
                marker = kind
            text.append(line[bullet.end() :] if bullet else line)
            size += len(text[-1])
            if size > MAX_PASSAGE:  # a paragraph as long as the file: read in parts
                yield Passage("\n".join(text), start, item=item, ignored=block_ignored)
                text = []
            continue
        marker = None
    if row is not None:
        yield from _row(row[0], row[1], [], False, block_ignored)
    if text:
        yield Passage("\n".join(text), start, item=item, ignored=block_ignored)


def _marker_kind(marker: str) -> str:
    """"1" for a number, "a" for a letter, else the bullet itself ("-", "•")."""
    mark = marker.strip()
    if mark[:1].isdigit():
        return "1"
    return "a" if len(mark) > 1 and mark[0].isalpha() else mark


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip("|").split("|")]


def _row(
    row: str, where: int, headings: list[str], heading: bool, ignored: bool = False
) -> Iterator[Passage]:
    columns = tuple(headings)
    for index, cell in enumerate(_cells(row)):
        column = headings[index] if not heading and index < len(headings) else None
        yield Passage(cell, where, item=True, lead=index == 0, header=heading, column=column,
                      columns=() if heading else columns, ignored=ignored)  # fmt: skip


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
