"""Material's icons as files, so pages load no ``data:`` images.

Material's stylesheet sets its icons (admonitions, the copy button, the navigation's arrows, ...)
as ``data:image/svg+xml`` URLs in custom properties on ``:root``. Under a court's
Content-Security-Policy of ``default-src 'self'`` with no ``img-src``, Chromium blocks every one
of them, and the icons vanish, the copy button's among them. The generator writes the icons into
one SVG sprite (``assets/icons.svg``, one request for them all) and Material's stylesheet, with
each icon pointing into the sprite, into the site's one stylesheet (``assets/pacer-help.css``,
loaded instead of Material's own by ``overrides/main.html``): so pages make no more stylesheet
requests than stock Material's. It reads the installed Material, so an upgrade of Material brings
its own styles and icons.

Why not keep Material's stylesheet and only set the properties in ours: a ``url()`` in a custom
property resolves against the stylesheet that uses it in Chromium 156 (Material's, in
``assets/stylesheets/``) and against the one that declares it in the spec; in one stylesheet the
two are the same.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

SPRITE_NAME = "icons.svg"
SPRITE = f"assets/{SPRITE_NAME}"
_DATA_ICON = re.compile(
    r"(?P<name>--[a-z0-9-]+):url\((?P<quote>[\"']?)data:image/svg\+xml;charset=utf-8,"
    r"(?P<svg>.*?)(?P=quote)\)"
)
_SVG = re.compile(r"^<svg\b(?P<attributes>[^>]*)>(?P<body>.*)</svg>$", re.DOTALL)
_VIEWBOX = re.compile(r"""viewBox=["']([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)["']""")


def material_stylesheet() -> Path:
    """The installed Material's main stylesheet (its name carries a content hash)."""
    import material

    folder = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    found = sorted(folder.glob("main.*.min.css"))
    if len(found) != 1:
        raise FileNotFoundError(f"{folder}: expected one main.*.min.css, found {len(found)}")
    return found[0]


def icons(css: str) -> dict[str, str]:
    """Each custom property whose value is an inline SVG, with the SVG's text."""
    return {match["name"]: unquote(match["svg"]) for match in _DATA_ICON.finditer(css)}


def theme_stylesheet(css: str) -> tuple[str, str]:
    """(Material's stylesheet with each inline icon replaced by its place in the sprite, the
    sprite: one SVG holding every icon).

    One file, so a page costs one request however many icons it shows: each icon sits in its own
    cell, named by a ``<view>`` whose viewBox is that cell, and ``icons.svg#NAME`` shows that view
    alone (SVG fragment identifiers). The rewritten stylesheet must sit beside the sprite
    (``assets/``), so the relative URL means the same to every browser.
    """
    cells, top, width = [], 0.0, 0.0

    def cell(match: re.Match) -> str:
        nonlocal top, width
        name, svg = match["name"], unquote(match["svg"])
        shape, box = _SVG.match(svg.strip()), _VIEWBOX.search(svg)
        if not shape or not box:
            raise ValueError(f"{material_stylesheet()}: {name} is not an SVG with a viewBox")
        w, h = float(box.group(3)), float(box.group(4))
        view = name.lstrip("-")
        cells.append(
            f'<view id="{view}" viewBox="0 {top:g} {w:g} {h:g}"/>'
            f'<svg y="{top:g}" width="{w:g}" height="{h:g}" viewBox="{" ".join(box.groups())}">'
            f"{shape['body']}</svg>"
        )
        top, width = top + h + 1, max(width, w)
        return f'{name}:url("{SPRITE_NAME}#{view}")'

    rewritten = _DATA_ICON.sub(cell, css)
    image = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {top:g}">'
        + "".join(cells) + "</svg>\n"
    )
    return rewritten, image
