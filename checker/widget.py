"""The password checker widget: its no-JavaScript HTML, and the one script that makes it live.

``<!-- widget -->`` (optionally ``ruleset=pacer-2021``) in a page renders :func:`render_widget`:
a root element with ``data-checker`` holding the rules as plain text. That text is what a reader
without JavaScript sees. The script, :func:`bundle` (the rules JSON plus ``widget.js``), replaces
it with the live checklist and the fields (DOM contract: ``widget.js`` and docs/webmasters.md).

Rule sentences in the fallback come from :mod:`checker.render`, so they carry ``data-rule`` and
``data-ruleset`` like any rendered statement and the drift verifier reads them. The live widget's
rule items carry ``data-rule`` *and* ``data-state``; rendered prose never has ``data-state``.

``python -m checker.widget > pacer-checker.js`` writes the script for a court webmaster.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from .export import export
from .render import SHORTCODES, rules_list
from .rulesets import DEFAULT_RULESET, get_ruleset

SCRIPT = Path(__file__).with_name("widget.js")
# Where the MkDocs hook (overrides/hooks/widget.py) publishes the bundle in the built site.
SCRIPT_PATH = "assets/pacer-checker.js"
_PLACEHOLDER = "/*@rules@*/ null"


def render_widget(ruleset: str = DEFAULT_RULESET) -> str:
    """The widget's HTML before its script runs: the rules of ``ruleset`` as text."""
    rules = get_ruleset(ruleset)
    return (
        f'<div class="pacer-checker" data-checker data-ruleset="{rules.name}">'
        f"<p><strong>{html.escape(rules.title)}</strong></p>"
        f"{rules_list(rules.name)}"
        '<p class="pacer-checker-noscript">To check a password against these rules on this page, '
        "turn on JavaScript in your browser. The check runs only in your browser.</p>"
        "</div>"
    )


def rules_json() -> str:
    """The rules JSON as a JavaScript literal that is safe inside an HTML ``<script>`` too."""
    text = json.dumps(export(), ensure_ascii=True, separators=(",", ":"))
    # "</script>" or "<!--" in a sentence must not end an inline script early.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def bundle() -> str:
    """One self-contained script: the rules JSON and the widget's algorithm and wiring."""
    source = SCRIPT.read_text(encoding="utf-8")
    if source.count(_PLACEHOLDER) != 1:
        raise RuntimeError(f"{SCRIPT.name} must contain {_PLACEHOLDER!r} exactly once")
    return source.replace(_PLACEHOLDER, rules_json())


SHORTCODES["widget"] = (render_widget, True)


if __name__ == "__main__":
    print(bundle(), end="")
