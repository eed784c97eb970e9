"""Which lines of a Markdown text are code: fence lines and the lines between them.

Shortcodes, court variants and headings inside a code block are examples, not instructions; the
modules that scan Markdown line by line use this so they all agree on where code is.
"""

from __future__ import annotations

import re

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def code_lines(lines: list[str]) -> list[bool]:
    """For each line, True when it opens, closes or sits inside a fenced code block."""
    flags, fence = [], None
    for line in lines:
        opener = FENCE.match(line)
        if opener and (fence is None or opener.group(1).startswith(fence)):
            flags.append(True)
            fence = opener.group(1) if fence is None else None
        else:
            flags.append(fence is not None)
    return flags
