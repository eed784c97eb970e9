"""The password checker widget's one script: the rules JSON and ``widget.js`` in one file.

The bundle carries :func:`checker.export.widget_export` (the rules without sources and
interpretations) and ``widget.js`` without its comments and indentation (:func:`minified`), so a
page downloads only what runs; ``widget.js`` itself stays commented for people.

The script replaces a page's ``data-checker`` element (its no-JavaScript HTML comes from
:func:`checker.site.render.render_widget`) with the live checklist and the fields; the DOM contract
is in ``widget.js`` and docs/webmasters.md.

``python -m checker.widget > pacer-checker.js`` writes the script for a court webmaster.
"""

from __future__ import annotations

import json
from pathlib import Path

from .export import widget_export

SCRIPT = Path(__file__).with_name("widget.js")
# Where the MkDocs hook (overrides/hooks/widget.py) publishes the bundle in the built site.
SCRIPT_PATH = "assets/pacer-checker.js"
_PLACEHOLDER = "/*@rules@*/ null"


def rules_json() -> str:
    """The rules JSON as a JavaScript literal that is safe inside an HTML ``<script>`` too."""
    text = json.dumps(widget_export(), ensure_ascii=True, separators=(",", ":"))
    # "</script>" or "<!--" in a sentence must not end an inline script early.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def minified(source: str) -> str:
    """``source`` without comment lines, indentation or blank lines.

    Deliberately small, so it can be trusted: it only drops whole lines and leading whitespace.
    That is safe because widget.js keeps each comment on lines of its own and no string spans
    lines; a comment after code, or a line with an odd number of backticks, is refused.
    """
    kept, in_comment = [], False
    for number, line in enumerate(source.splitlines(), 1):
        text = line.strip()
        if in_comment or text.startswith("/*"):
            in_comment = not text.endswith("*/")
            continue
        if not text or text.startswith("//"):
            continue
        code = text.replace(_PLACEHOLDER, "null")
        if "//" in code or "/*" in code or code.count("`") % 2:
            raise RuntimeError(
                f"{SCRIPT.name} line {number}: a comment after code or a string across lines; "
                "put comments on lines of their own"
            )
        kept.append(text)
    return "\n".join(kept) + "\n"


def bundle() -> str:
    """One self-contained script: the rules JSON and the widget's algorithm and wiring."""
    source = minified(SCRIPT.read_text(encoding="utf-8"))
    if source.count(_PLACEHOLDER) != 1:
        raise RuntimeError(f"{SCRIPT.name} must contain {_PLACEHOLDER!r} exactly once")
    return source.replace(_PLACEHOLDER, rules_json())


if __name__ == "__main__":
    print(bundle(), end="")
