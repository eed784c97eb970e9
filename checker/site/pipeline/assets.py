"""The assets every build writes: the password checker's script and stylesheet, and the site's one
stylesheet (Material's, its icons moved into a sprite, then the site's and the checker's styles).
"""

from __future__ import annotations

import re
from pathlib import Path

from checker.site.pipeline.theme_icons import SPRITE, material_stylesheet, theme_stylesheet
from checker.site.screens import STYLE as SCREEN_STYLE
from checker.widget import SCRIPT_PATH, STYLES_PATH, bundle, styles

SITE_STYLES = Path(__file__).resolve().parents[1] / "assets" / "site.css"
STYLESHEET = "assets/pacer-help.css"


def assets() -> dict[str, str]:
    """The checker's script and stylesheet, and the site's one stylesheet: Material's (its icons
    moved into a sprite, :mod:`.theme_icons`, so no page loads a ``data:`` image under a strict
    policy), then the site's styles, then the checker's own rules, written for any page, last,
    as on a webmaster's page. The screen drawings' classes sit among the site's styles, once for
    every drawing on a page."""
    site_styles = SITE_STYLES.read_text(encoding="utf-8")
    theme, icons = theme_stylesheet(material_stylesheet().read_text(encoding="utf-8"))
    return {
        SCRIPT_PATH: bundle(),
        STYLES_PATH: styles(),
        STYLESHEET: theme.rstrip("\n")
        + "\n"
        + compact_css(site_styles + "\n" + SCREEN_STYLE + "\n" + styles()),
        SPRITE: icons,
    }


# A comment, or a quoted string (kept as written: `content: " (" attr(href) ")"`).
_CSS_TOKENS = re.compile(r"/\*.*?\*/|\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'", re.DOTALL)


def compact_css(css: str) -> str:
    """The stylesheet without comments and with runs of whitespace as one space (none around
    braces and semicolons): the sources keep their comments, and pages load about half the bytes.
    Nothing else is rewritten, so the rules mean exactly what the sources say."""
    parts, last = [], 0
    for token in _CSS_TOKENS.finditer(css):
        parts.append(_squeeze(css[last : token.start()]))
        parts.append("" if token.group().startswith("/*") else token.group())
        last = token.end()
    parts.append(_squeeze(css[last:]))
    return "".join(parts).strip() + "\n"


def _squeeze(css: str) -> str:
    return re.sub(r"\s*([{};])\s*", r"\1", re.sub(r"\s+", " ", css))
