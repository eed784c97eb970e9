"""Python-Markdown extension that expands rule shortcodes such as ``<!-- rule password.length -->``.

An extension rather than an MkDocs hook, so the pages render (and a bad shortcode fails the build)
under any engine that runs Markdown extensions, Zensical included (docs-tooling §1.4).

Syntax: ``<!-- NAME [ARG] [ruleset=NAME] -->``; see :data:`checker.render.SHORTCODES`. HTML comments
are invisible in other Markdown renderers, and shortcodes inside code fences are left alone.
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from . import (
    tailoring,  # noqa: F401  (registers the court shortcode)
    widget,  # noqa: F401  (registers the widget shortcode)
)
from .fences import code_lines
from .render import SHORTCODES, ShortcodeError

SHORTCODE = re.compile(r"<!--\s*(?P<name>[a-z][a-z-]*)(?P<args>(?:\s+[^\s>]+)*)\s*-->")


def expand(text: str) -> str:
    """Replace every shortcode outside code fences with its rendering."""
    lines = text.split("\n")
    return "\n".join(
        line if code else SHORTCODE.sub(_render, line)
        for line, code in zip(lines, code_lines(lines), strict=True)
    )


def _render(match: re.Match) -> str:
    name = match.group("name")
    if name not in SHORTCODES:
        return match.group(0)  # an ordinary HTML comment
    renderer, block = SHORTCODES[name]
    args, options = [], {}
    for token in match.group("args").split():
        key, eq, value = token.partition("=")
        if eq:
            options[key] = value
        else:
            args.append(token)
    try:
        rendered = renderer(*args, **options)
    except TypeError as error:
        raise ShortcodeError(f"bad shortcode {match.group(0)!r}: {error}") from None
    return f"\n\n{rendered}\n\n" if block else rendered


class _ShortcodePreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return expand("\n".join(lines)).split("\n")


class RulesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        # Before html_block (20) stashes comments and before fenced code (25) is parsed.
        md.preprocessors.register(_ShortcodePreprocessor(md), "checker_shortcodes", 30)


def makeExtension(**kwargs) -> RulesExtension:  # noqa: N802 (Markdown's API)
    return RulesExtension(**kwargs)
