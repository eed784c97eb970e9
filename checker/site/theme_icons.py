"""Material's icons as files, so pages load no ``data:`` images.

Material's stylesheet sets its icons (admonitions, the copy button, the footer's arrows, ...) as
``data:image/svg+xml`` URLs in custom properties on ``:root``. Under a court's
Content-Security-Policy of ``default-src 'self'`` with no ``img-src``, Chromium blocks every one
of them, and the icons vanish, the copy button's among them. The generator writes each icon as an
SVG file (``assets/icons/<property>.svg``) and the site's stylesheet sets the same properties to
those files; it reads the icons from the installed Material, so an upgrade of Material brings
its own icons.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

ICONS_DIR = "assets/icons"
_DATA_ICON = re.compile(
    r"(?P<name>--[a-z0-9-]+):url\((?P<quote>[\"']?)data:image/svg\+xml;charset=utf-8,"
    r"(?P<svg>.*?)(?P=quote)\)"
)


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


def icon_files(css: str) -> tuple[dict[str, str], str]:
    """(files under docs/, by path; the CSS that points the properties at them).

    The stylesheet that carries the CSS sits in ``assets/``, so its URLs are relative to it.
    """
    found = icons(css)
    files = {f"{ICONS_DIR}/{name.lstrip('-')}.svg": svg for name, svg in found.items()}
    rules = "".join(
        f'{name}:url("icons/{name.lstrip("-")}.svg");' for name in found
    )
    return files, f":root{{{rules}}}\n" if rules else ""
