"""Court-specific words in the link guide: ``<!-- pacer:court KEY -->`` shortcodes.

On the generic guide (``docs/link.md`` as written) each key renders as generic text through the
Markdown extension. A court's page is written by the generator
(:mod:`checker.site.pipeline.generate`),
which replaces each shortcode with that court's value before any engine sees the Markdown; so the
same prose serves all 188 courts, and no value passes through module state.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from checker.site.markdown.fences import code_lines
from checker.site.markdown.render import ShortcodeError

# Generic renderings, used when no court is selected. Values are HTML-safe Markdown fragments.
GENERIC: Mapping[str, str] = {
    "name": "your court",
    "ecf_link": "your court's CM/ECF site",
    "ecf_host": "ecf.<em>court</em>.uscourts.gov",
    "website_link": "your court's website",
    # Added for the court pages (values come from checker.site.courts.registry.Court.values).
    "court_type": "court",
    "menus": "Civil and Criminal (district courts) or Bankruptcy and Adversary (bankruptcy courts)",
    "entry_link": (
        "the link to CM/ECF, such as <strong>E-Filing (CM/ECF)</strong> or"
        " <strong>Document Filing System</strong>"
    ),
    "entry_page_link": "your court's website or its CM/ECF site",
    "utility_menu": "Utilities",
    "go_live": "the date your court went live on NextGen CM/ECF",
    "help_desk_link": "your court's CM/ECF help desk (its page under Find your court gives it)",
}

COURT_SHORTCODE = re.compile(r"<!--\s*pacer:court\s+(?P<key>[^\s>]+)\s*-->")


def court_value(key: str, values: Mapping[str, str] | None = None) -> str:
    """The text for ``key``: the court's own value when ``values`` has one, else the generic.

    Keys ending in ``_link`` are HTML already; other values are plain text and escaped here.
    """
    if key not in GENERIC:
        raise ShortcodeError(f"unknown court key {key!r}; valid: {', '.join(GENERIC)}")
    value = (values or {}).get(key)
    if not value:
        return GENERIC[key]
    return value if key.endswith("_link") else html.escape(value)


def fill_court_values(markdown: str, values: Mapping[str, str]) -> str:
    """``markdown`` with every court shortcode outside code fences replaced by its value."""
    lines = markdown.split("\n")
    return "\n".join(
        line if code else COURT_SHORTCODE.sub(lambda m: court_value(m.group("key"), values), line)
        for line, code in zip(lines, code_lines(lines), strict=True)
    )


SCREEN_SHORTCODE = re.compile(r"<!--\s*pacer:screen\s+(?P<args>[^>]*?)\s*-->")


def tailor_screens(markdown: str, host: str, court_type: str) -> str:
    """``markdown`` with each screen shortcode outside code fences drawn for one court: its
    CM/ECF ``host`` in the address bar and the menus of its ``court_type``. A shortcode that
    already names a court type keeps it (a variant block of the guide)."""

    def tailor(match: re.Match) -> str:
        args = match.group("args").split()
        keys = {token.partition("=")[0] for token in args if "=" in token}
        extra = [f"host={host}"] if "host" not in keys else []
        extra += [f"court_type={court_type}"] if "court_type" not in keys else []
        return f"<!-- pacer:screen {' '.join([*args, *extra])} -->"

    lines = markdown.split("\n")
    return "\n".join(
        line if code else SCREEN_SHORTCODE.sub(tailor, line)
        for line, code in zip(lines, code_lines(lines), strict=True)
    )
