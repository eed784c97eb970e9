"""Fenced code blocks in Markdown, found the way CommonMark finds them.

One scanner for every module that reads Markdown line by line (shortcodes, court variants,
headings, page examples), so they all agree on where code is. CommonMark's rules that matter here:
a fence is three or more backticks or tildes; a backtick fence's info string holds no backtick; the
closing fence uses the same character, is at least as long as the opening one and has no info
string; anything else inside the block, a line that looks like another opening fence included, is
content. An unclosed fence runs to the end of the text.

Fences may be indented (lists, admonitions), so indentation is kept, not limited to three spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# An inline code span: a run of backticks, its content, the same run again (CommonMark). A page
# that documents a shortcode writes it in one, and it stays as written.
INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)")

_OPENER = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}(?=[^`]*$)|~{3,})(?P<info>.*)$")


@dataclass(frozen=True)
class Fence:
    """One fenced block: 0-based line numbers of its fences (``end`` is None if unclosed)."""

    start: int
    end: int | None
    indent: str
    info: str
    body: tuple[str, ...]

    def source(self) -> str:
        """The block's content, dedented by its opening fence's indentation."""
        indent = self.indent
        return "".join(
            (line[len(indent) :] if line.startswith(indent) else line.lstrip()) + "\n"
            for line in self.body
        )


def fences(lines: list[str]) -> Iterator[Fence]:
    """Every fenced code block in ``lines``, in order."""
    index = 0
    while index < len(lines):
        opener = _OPENER.match(lines[index])
        if not opener:
            index += 1
            continue
        fence = opener.group("fence")
        end = next(
            (i for i in range(index + 1, len(lines)) if _closes(lines[i], fence)),
            None,
        )
        stop = len(lines) if end is None else end
        yield Fence(
            index, end, opener.group("indent"), opener.group("info").strip(),
            tuple(lines[index + 1 : stop]),
        )
        index = stop + 1


def _closes(line: str, fence: str) -> bool:
    stripped = line.strip()
    return len(stripped) >= len(fence) and set(stripped) == {fence[0]}


def code_lines(lines: list[str]) -> list[bool]:
    """For each line, True when it opens, closes or sits inside a fenced code block."""
    flags = [False] * len(lines)
    for fence in fences(lines):
        stop = len(lines) - 1 if fence.end is None else fence.end
        for index in range(fence.start, stop + 1):
            flags[index] = True
    return flags
