"""The password checker widget's one script: the rules JSON and ``widget.js`` in one file.

The bundle carries :func:`checker.export.widget_export` (the rules without sources and
interpretations) and ``widget.js`` without its comments and indentation (:func:`minified`), so a
page downloads only what runs; ``widget.js`` itself stays commented for people.

The script replaces a page's ``data-checker`` element (its no-JavaScript HTML comes from
:func:`checker.site.render.render_widget`) with the live checklist and the fields; the DOM contract
is in ``widget.js`` and docs/webmasters.md.

``python -m checker widget > pacer-checker.js`` writes the script for a court webmaster.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .export import widget_export

SCRIPT = Path(__file__).with_name("widget.js")
# Where the site generator (checker.site.generate) writes the bundle, under docs/.
SCRIPT_PATH = "assets/pacer-checker.js"
_PLACEHOLDER = "/*@rules@*/ null"


def rules_json() -> str:
    """The rules JSON as a JavaScript literal that is safe inside an HTML ``<script>`` too."""
    text = json.dumps(widget_export(), ensure_ascii=True, separators=(",", ":"))
    # "</script>" or "<!--" in a sentence must not end an inline script early.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def minified(source: str) -> str:
    """``source`` without comments, indentation, blank lines or spaces that separate nothing.

    Deliberately small, so it can be trusted: it drops whole comment lines, and within a line it
    only removes spaces in code, never inside a string, template or regular expression, and keeps
    one wherever two words or two ``+``/``-`` would otherwise join. A line break goes only where it
    cannot end a statement, so automatic semicolon insertion sees what the source says. That needs
    each comment on lines of its own and no string across lines; anything else is refused with its
    line number.
    """
    kept, in_comment = [], False
    for number, line in enumerate(source.splitlines(), 1):
        text = line.strip()
        if in_comment or text.startswith("/*"):
            in_comment = not text.endswith("*/")
            continue
        if text and not text.startswith("//"):
            try:
                kept.append(_squeezed(text))
            except (ValueError, IndexError):
                raise RuntimeError(
                    f"{SCRIPT.name} line {number}: a comment after code or a string across "
                    "lines; put comments on lines of their own"
                ) from None
    return "".join(
        line + ("" if line.endswith(_JOINS_NEXT) or nxt.startswith(_JOINS_PREVIOUS) else "\n")
        for line, nxt in zip(kept, [*kept[1:], ""], strict=True)
    )


# A line break after these, or before those, can never end a statement, so it can go.
_JOINS_NEXT = tuple(";{,([=>?:&|+")
_JOINS_PREVIOUS = tuple("})].?:")
_WORD = re.compile(r"[\w$]")
# After one of these, "/" starts a regular expression (there is no division in widget.js).
_BEFORE_REGEX = "(,=:[!&|?{};"


def _squeezed(line: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(line):
        char = line[i]
        if line.startswith(_PLACEHOLDER, i):
            end = i + len(_PLACEHOLDER)
        elif char in "'\"`":
            end = _literal_end(line, i)
        elif line.startswith(("//", "/*"), i):
            raise ValueError("a comment after code")
        elif char == "/" and (not out or out[-1][-1] in _BEFORE_REGEX):
            end = _regex_end(line, i)
        elif char == " ":
            end = i
            while end < len(line) and line[end] == " ":
                end += 1
            before, after = out[-1][-1] if out else "", line[end : end + 1]
            joins = bool(_WORD.match(before) and _WORD.match(after))
            if joins or (before == after and before in "+-"):
                out.append(" ")
            i = end
            continue
        else:
            end = i + 1
        out.append(line[i:end])
        i = end
    return "".join(out)


def _literal_end(line: str, start: int) -> int:
    """The index after the string or template literal that opens at ``start``."""
    quote, i = line[start], start + 1
    while line[i] != quote:
        if line[i] == "\\":
            i += 2
        elif quote == "`" and line.startswith("${", i):
            i = _substitution_end(line, i + 2)
        else:
            i += 1
    return i + 1


def _substitution_end(line: str, i: int) -> int:
    """The index after the ``}`` that closes a template's ``${`` (literals inside skipped)."""
    depth = 0
    while True:
        char = line[i]
        if char in "'\"`":
            i = _literal_end(line, i)
            continue
        if char == "}":
            if not depth:
                return i + 1
            depth -= 1
        elif char == "{":
            depth += 1
        i += 1


def _regex_end(line: str, start: int) -> int:
    """The index after the regular expression literal (and its flags) that opens at ``start``."""
    i, in_class = start + 1, False
    while in_class or line[i] != "/":
        if line[i] == "\\":
            i += 1
        elif line[i] in "[]":
            in_class = line[i] == "["
        i += 1
    i += 1
    while i < len(line) and line[i].isalpha():
        i += 1
    return i


def bundle() -> str:
    """One self-contained script: the rules JSON and the widget's algorithm and wiring."""
    source = minified(SCRIPT.read_text(encoding="utf-8"))
    if source.count(_PLACEHOLDER) != 1:
        raise RuntimeError(f"{SCRIPT.name} must contain {_PLACEHOLDER!r} exactly once")
    return source.replace(_PLACEHOLDER, rules_json())

