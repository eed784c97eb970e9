"""The password checker widget's one script: the rules JSON and ``widget.js`` in one file.

The bundle carries :func:`checker.export.widget_export` (the rules without sources and
interpretations) and ``widget.min.js``, which terser writes from ``widget.js`` (``npm run widget``;
committed, and tests/test_widget_min.py fails when it is older than ``widget.js``), so a page
downloads only what runs while ``widget.js`` stays commented for people. A minifier that renames
variables needs a JavaScript parser: terser is a well-kept one, and only a developer needs it.

The script replaces a page's ``data-checker`` element (its no-JavaScript HTML comes from
:func:`checker.site.render.render_widget`) with the live checklist and the fields; the DOM contract
is in ``widget.js`` and docs/webmasters.md.

``python -m checker widget > pacer-checker.js`` writes the script for a court webmaster, and
``python -m checker widget --css > pacer-checker.css`` its optional stylesheet (``widget.css``:
the checker works without it, showing each rule's state in words).
"""

from __future__ import annotations

import json
from pathlib import Path

from .export import widget_export

SCRIPT = Path(__file__).with_name("widget.js")
MINIFIED = Path(__file__).with_name("widget.min.js")
STYLES = Path(__file__).with_name("widget.css")
# Where the site generator (checker.site.generate) writes the bundle and the styles, under docs/.
SCRIPT_PATH = "assets/pacer-checker.js"
STYLES_PATH = "assets/pacer-checker.css"
_PLACEHOLDER = '"@@PACER_RULES@@"'
# The policy the checker, its standalone page and the whole site are tested under (a government
# baseline: no inline scripts, no plugins, no form posts). docs/webmasters.md gives it to send.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "object-src 'none'; base-uri 'self'; form-action 'none'"
)


def rules_json() -> str:
    """The rules JSON as a JavaScript literal that is safe inside an HTML ``<script>`` too."""
    text = json.dumps(widget_export(), ensure_ascii=True, separators=(",", ":"))
    # "</script>" or "<!--" in a sentence must not end an inline script early.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def bundle() -> str:
    """One self-contained script: the rules JSON and the widget's algorithm and wiring."""
    source = MINIFIED.read_text(encoding="utf-8")
    if source.count(_PLACEHOLDER) != 1:
        raise RuntimeError(f"{MINIFIED.name} must contain {_PLACEHOLDER!r} exactly once")
    return source.replace(_PLACEHOLDER, rules_json())


def styles() -> str:
    """The checker's stylesheet: state by icon and words, colors for both of Material's palettes."""
    return STYLES.read_text(encoding="utf-8")
