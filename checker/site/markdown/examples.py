"""Run the ``>>>`` examples in the pages' code fences, as doctests.

Our own small collector rather than ``--doctest-glob`` (which reads a closing fence as expected
output) or Sybil's default lexer (which silently skips fences whose info string is not exactly
``python``): every fenced block whose first line starts with ``>>>`` runs, whatever its info
string, and :func:`count_prompts` lets a test prove that none was skipped. Examples on one page
share a namespace, in page order, like a reader typing them into one session.
"""

from __future__ import annotations

import doctest
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from checker.site.markdown.fences import fences

OPTIONS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@dataclass(frozen=True)
class Block:
    page: str
    line: int  # 1-based line of the first line inside the fence
    source: str


@dataclass(frozen=True)
class Outcome:
    page: str
    examples: int
    failures: int
    report: str


def fenced_blocks(text: str, page: str) -> Iterator[Block]:
    """Every fenced code block in a Markdown text, dedented to its fence's indentation."""
    for fence in fences(text.split("\n")):
        yield Block(page, fence.start + 2, fence.source())


def example_blocks(text: str, page: str) -> list[Block]:
    return [b for b in fenced_blocks(text, page) if b.source.lstrip().startswith(">>>")]


def count_prompts(text: str, page: str = "") -> int:
    """``>>>`` lines inside fences: what a reader sees as examples, to compare with what ran."""
    return sum(
        1
        for block in fenced_blocks(text, page)
        for line in block.source.split("\n")
        if line.lstrip().startswith(">>>")
    )


def run_page(text: str, page: str) -> Outcome:
    """Run a page's examples in one shared namespace; the report says what failed and where."""
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=OPTIONS)
    globs: dict = {"__name__": "__page__"}
    out = io.StringIO()
    examples = failures = 0
    for block in example_blocks(text, page):
        test = parser.get_doctest(block.source, globs, f"{page}:{block.line}", page, block.line - 1)
        result = runner.run(test, out=out.write, clear_globs=False)
        globs.update(test.globs)  # DocTest works on a copy; carry names to the next block
        examples += result.attempted
        failures += result.failed
    return Outcome(page, examples, failures, out.getvalue())


def run_docs(docs_dir: Path | str) -> list[Outcome]:
    root = Path(docs_dir)
    outcomes = []
    for path in sorted(root.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if count_prompts(text):
            outcomes.append(run_page(text, path.relative_to(root).as_posix()))
    return outcomes
