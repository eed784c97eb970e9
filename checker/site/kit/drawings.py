"""The screens' drawings in a kit: found in the guides, written as SVG files for the fragments.

A guide shows a drawing as the Markdown extension writes it for a page
(:func:`checker.site.screens.figure`): a ``<figure class="pacer-screen" data-screen="ID">`` with
the inline SVG (``role="img"``, its accessible name in ``aria-label``) and a ``<figcaption>``.

- The PDF prints that figure as it is (with the drawings' stylesheet), so Chromium tags each
  drawing as a ``Figure`` with the accessible name as its ``/Alt`` (:mod:`.pdf`).
- A CMS keeps no inline SVG, so a fragment shows each drawing as an ``<img src alt width
  height>`` of a file in the kit's ``drawings/`` folder, with the caption as a paragraph under it
  (:mod:`.fragments`); the files are the standalone SVGs :func:`checker.site.screens.draw` makes
  for the kit's court, checked against the figure's name and words, so a file cannot show
  another court's host or menus than the guide it belongs to.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from checker.site.courts.registry import Court
from checker.site.kit.guides import Guide, KitError

DRAWINGS_DIR = "drawings"
FIGURE = "figure.pacer-screen[data-screen]"


@dataclass(frozen=True)
class Figure:
    """One drawing as a guide shows it."""

    screen_id: str
    name: str  # the SVG's accessible name: the alt text
    caption: str
    width: str
    height: str

    @property
    def file_name(self) -> str:
        return f"{self.screen_id}.svg"


def figures(soup: BeautifulSoup | Tag) -> list[tuple[Tag, Figure]]:
    """The drawings in ``soup``, each with its ``<figure>`` element."""
    found = []
    for element in soup.select(FIGURE):
        svg = element.find("svg")
        caption = element.find("figcaption")
        if svg is None or not svg.get("aria-label"):
            raise KitError(
                f"drawing {element['data-screen']!r}: expected an <svg> with an aria-label "
                "(its accessible name) in its figure"
            )
        found.append((element, Figure(
            screen_id=str(element["data-screen"]),
            name=str(svg["aria-label"]),
            caption=" ".join(caption.get_text(" ").split()) if caption else "",
            width=str(svg.get("width", "")),
            height=str(svg.get("height", "")),
        )))  # fmt: skip
    return found


def drawing_files(guides: Iterable[Guide], court: Court | None) -> dict[str, str]:
    """The SVG file of each drawing the guides show (file name -> text), drawn for ``court``
    (its CM/ECF host and court type; for none, a neutral host and every variant)."""
    from checker.site.screens import draw

    files: dict[str, str] = {}
    for guide in guides:
        for element, shown in figures(BeautifulSoup(guide.html, "html.parser")):
            drawing = draw(shown.screen_id, court.ecf_host if court else None,
                           court.type if court else None)  # fmt: skip
            in_guide = _words(element.find("svg"))
            in_file = _words(BeautifulSoup(drawing.inline, "html.parser"))
            if (drawing.name, in_file) != (shown.name, in_guide):
                raise KitError(
                    f"{guide.name}: drawing {shown.screen_id!r}: the guide shows "
                    f"{shown.name!r} ({' '.join(in_guide)[:120]!r}), but drawn for the kit it "
                    f"is {drawing.name!r} ({' '.join(in_file)[:120]!r})"
                )
            files[shown.file_name] = drawing.svg
    return files


def _words(element: Tag) -> list[str]:
    return element.get_text(" ").split()
