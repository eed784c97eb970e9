"""Python-Markdown extension expanding shortcodes such as ``<!-- pacer:rule password.length -->``.

An extension rather than an MkDocs hook, so the pages render (and a bad shortcode fails the build)
under any engine that runs Markdown extensions: MkDocs, ProperDocs and Zensical alike.

Syntax: ``<!-- pacer:NAME [ARG] [key=value] -->``; :data:`SHORTCODES` lists the names. Only
comments that start with ``pacer:`` are shortcodes, so an editor's ``<!-- rule of thumb -->``
stays an ordinary comment; an unknown ``pacer:`` name stops the build with its line and the known
names.
Shortcodes inside code fences are examples and are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from checker.site.markdown import facts as render_facts
from checker.site.markdown import render, screens, tailoring
from checker.site.markdown.fences import INLINE_CODE, code_lines
from checker.site.markdown.render import ShortcodeError, shortcode_args

PREFIX = "pacer:"
SHORTCODE = re.compile(r"<!--\s*pacer:(?P<name>[^\s>]*)(?P<args>(?:\s+[^\s>]+)*)\s*-->")

# Shortcode name -> (renderer, renders a block?). Block shortcodes stand on their own line.
SHORTCODES: dict[str, tuple[Callable[..., str], bool]] = {
    "rule": (render.rule_sentence, False),
    "param": (render.param, False),
    "rules": (render.rules_list, True),
    "rules-table": (render.rules_table, True),
    "rules-changes": (render.changes_table, True),
    "facts": (render_facts.facts_list, True),
    "ruleset-status": (render_facts.ruleset_status, False),
    "widget": (render.render_widget, True),
    "court": (tailoring.court_value, False),
    "fact": (render_facts.fact, False),
    "date": (render_facts.date, False),
    "checked": (render_facts.checked, False),
    "sources": (render_facts.sources, False),
    "source": (render_facts.source, False),
    "passwordrules": (render_facts.passwordrules, False),
    "screen": (screens.screen, True),
}


def expand(text: str) -> str:
    """Replace every shortcode outside code fences and inline code with its rendering (a page
    that documents a shortcode writes it in backticks, and must show it as written)."""
    lines = text.split("\n")
    return "\n".join(
        line if code else _expand_line(line, number)
        for number, (line, code) in enumerate(zip(lines, code_lines(lines), strict=True), 1)
    )


def _expand_line(line: str, number: int) -> str:
    render = partial(_render, line=number)
    pieces, start = [], 0
    for span in INLINE_CODE.finditer(line):
        pieces.append(SHORTCODE.sub(render, line[start : span.start()]))
        pieces.append(span.group(0))
        start = span.end()
    pieces.append(SHORTCODE.sub(render, line[start:]))
    return "".join(pieces)


def _render(match: re.Match, line: int) -> str:
    name = match.group("name")
    if name not in SHORTCODES:
        known = ", ".join(PREFIX + known for known in SHORTCODES)
        raise ShortcodeError(
            f"line {line}: unknown shortcode {match.group(0)!r}; known shortcodes: {known}"
        )
    renderer, block = SHORTCODES[name]
    args, options = shortcode_args(match.group("args"))
    try:
        rendered = renderer(*args, **options)
    except TypeError as error:
        raise ShortcodeError(f"line {line}: bad shortcode {match.group(0)!r}: {error}") from None
    except ShortcodeError as error:  # keep the subclass (a stale fact is a StaleFactError)
        raise type(error)(f"line {line}: {match.group(0)!r}: {error}") from None
    return f"\n\n{rendered}\n\n" if block else rendered


class _ShortcodePreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        # A step and its drawings must agree before either renders (checker.site.markdown.screens).
        screens.check_steps(text)
        return expand(text).split("\n")


class RulesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        # Before html_block (20) stashes comments and before fenced code (25) is parsed.
        md.preprocessors.register(_ShortcodePreprocessor(md), "checker_shortcodes", 30)


def makeExtension(**kwargs) -> RulesExtension:  # noqa: N802 (Markdown's API)
    return RulesExtension(**kwargs)
