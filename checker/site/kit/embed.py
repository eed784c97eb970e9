"""The password checker for a court's own pages: versioned files, a standalone page, snippets.

A CMS that strips scripts (Drupal's Basic HTML) cannot hold the checker itself, so the kit has a
standalone page, ``checker.html``, to embed with an ``<iframe>`` or to link to; where a template
or a Full HTML format can hold a script, the snippet loads the versioned script by its
Subresource Integrity hash. Everything here works under
:data:`checker.widget.CONTENT_SECURITY_POLICY`: no inline script, no inline event handler.
"""

from __future__ import annotations

import html

from checker.rulesets import DEFAULT_RULESET, get_ruleset
from checker.site.markdown.render import render_widget
from checker.widget import sri, versioned_names

CHECKER_PAGE = "checker.html"
PAGE_STYLES = "checker-page.css"
_PAGE_CSS = """\
body { font: 1rem/1.5 system-ui, "Liberation Sans", Arial, sans-serif; color: #1f2328;
  margin: 0 auto; max-width: 46rem; padding: 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 0.5rem; }
"""


def pinned_tags(files: dict[str, bytes], base: str = "") -> str:
    """The stylesheet and the script, each pinned by its hash, from the folder ``base``."""
    script, stylesheet = versioned_names()
    return (
        f'<link rel="stylesheet" href="{base}{stylesheet}" integrity="{sri(files[stylesheet])}"'
        ' crossorigin="anonymous">\n'
        f'<script src="{base}{script}" integrity="{sri(files[script])}" crossorigin="anonymous"'
        " defer></script>"
    )


def script_snippet(files: dict[str, bytes], base: str = "") -> str:
    """What a page that may hold a script adds: the stylesheet, the script and the element."""
    return pinned_tags(files, base) + "\n<div data-checker></div>"


def iframe_snippet(address: str = CHECKER_PAGE) -> str:
    return (
        f'<iframe src="{html.escape(address)}" title="PACER password checker" width="100%" '
        'height="1100" loading="lazy"></iframe>'
    )


def checker_page(files: dict[str, bytes]) -> str:
    """The checker alone, with its fallback text (the rules, for a reader without JavaScript)."""
    rules = get_ruleset(DEFAULT_RULESET)
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Check a new PACER password</title>
<link rel="stylesheet" href="{PAGE_STYLES}">
{pinned_tags(files)}
</head>
<body>
<main>
<h1>Check a new PACER password</h1>
<p>Type a new username and password to see which of PACER's rules they meet.
Do not type your current password. The check runs only in your browser.
Nothing you type is sent or saved.</p>
{render_widget(rules.name)}
</main>
</body>
</html>
"""


def page_styles() -> str:
    return _PAGE_CSS
