"""Material's icons as files, so pages load no ``data:`` images.

Material's stylesheet sets its icons (admonitions, the copy button, the footer's arrows, ...) as
``data:image/svg+xml`` URLs in custom properties on ``:root``. Under a court's
Content-Security-Policy of ``default-src 'self'`` with no ``img-src``, Chromium blocks every one
of them, and the icons vanish, the copy button's among them. The generator writes each icon as an
SVG sprite (``assets/icons.svg``, one request for them all) and the site's stylesheet sets the
same properties to the icons in it; it reads the icons from the installed Material, so an upgrade
of Material brings its own icons.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

# Where the sprite is written: beside our stylesheet and beside Material's. A url() in a custom
# property resolves against the stylesheet that declares it (the spec; Firefox) or the one that
# uses it (Chromium 156, which asked for assets/stylesheets/icons.svg); both must find it.
SPRITES = ("assets/icons.svg", "assets/stylesheets/icons.svg")
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


def sprite(css: str) -> tuple[str, str]:
    """(one SVG holding every icon, the CSS that points each property at its icon in it).

    One file, so a page costs one request however many icons it shows: each icon sits in its own
    cell, named by a ``<view>`` whose viewBox is that cell, and ``icons.svg#NAME`` shows that view
    alone (SVG fragment identifiers). The stylesheet that carries the CSS is in ``assets/``.
    """
    cells, rules, top, width = [], [], 0.0, 0.0
    for name, svg in icons(css).items():
        match, box = _SVG.match(svg.strip()), _VIEWBOX.search(svg)
        if not match or not box:
            raise ValueError(f"{material_stylesheet()}: {name} is not an SVG with a viewBox")
        w, h = float(box.group(3)), float(box.group(4))
        view = name.lstrip("-")
        cells.append(
            f'<view id="{view}" viewBox="0 {top:g} {w:g} {h:g}"/>'
            f'<svg y="{top:g}" width="{w:g}" height="{h:g}" viewBox="{" ".join(box.groups())}">'
            f"{match['body']}</svg>"
        )
        rules.append(f'{name}:url("icons.svg#{view}");')
        top, width = top + h + 1, max(width, w)
    image = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {top:g}">'
        + "".join(cells) + "</svg>\n"
    )
    return image, f":root{{{''.join(rules)}}}\n" if rules else ""
