"""Screen drawings in the pages: ``<!-- pacer:screen ID [host=H] [court_type=T] -->``, and the
check that keeps each step and its drawings in agreement.

The shortcode renders a ``<figure>`` with the inline SVG and its caption
(:func:`checker.site.screens.figure`). A court's page gets ``host`` and ``court_type`` written into
each screen shortcode by :func:`checker.site.markdown.tailoring.tailor_screens`; the generic guide
has neither, so its drawings show a neutral host and every court-type variant.

The check (:func:`check_steps`) reads a page's Markdown before anything renders. For each section
under a heading with at least one screen shortcode, it fails the build naming both sides when

- the step names a control in **bold** that none of its drawings shows (a renamed button), or
- a drawing outlines a control that the step does not name in bold, or
- a drawing shows a label (a field, button, link, tab, menu, heading or row; not an example
  value) that neither the step nor the text before it on the page says: everything drawn is also
  in the words, so nothing is lost without the picture.

Bold text in indented blocks (admonitions, nested lists) is an aside, not the step's action, and
keyboard keys (**F5**) are not on any screen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.site.markdown.fences import INLINE_CODE, code_lines
from checker.site.markdown.render import ShortcodeError, shortcode_args
from checker.site.screens import Drawing, ScreenError, draw, figure

SCREEN_SHORTCODE = re.compile(r"<!--\s*pacer:screen(?P<args>(?:\s+[^\s>]+)*)\s*-->")
_HEADING = re.compile(r"^(#{1,6})\s+(?P<title>.+?)\s*(?:\{[^}]*\})?\s*#*\s*$")
_BOLD = re.compile(r"\*\*(?P<text>[^*\n]+?)\*\*")
_KEY = re.compile(r"^(?:F\d{1,2}|Enter|Tab|Esc)$")


def screen(screen_id: str, host: str = "", court_type: str = "") -> str:
    """The shortcode's rendering: the drawing in a ``<figure>``."""
    return figure(_drawing(screen_id, host, court_type))


def _drawing(screen_id: str, host: str = "", court_type: str = "") -> Drawing:
    try:
        return draw(screen_id, host=host or None, court_type=court_type or None)
    except ScreenError as error:
        raise ShortcodeError(str(error)) from None


@dataclass
class _Section:
    line: int
    title: str
    bold: dict[str, int]  # bold text -> the line it is on (first)
    drawings: list[Drawing]
    text: list[str] = field(default_factory=list)  # its lines, bold marks removed


def _sections(text: str) -> list[_Section]:
    lines = text.split("\n")
    sections = [_Section(1, "(top of the page)", {}, [])]
    for number, (line, code) in enumerate(zip(lines, code_lines(lines), strict=True), 1):
        if code:
            continue
        line = INLINE_CODE.sub("", line)  # a shortcode or bold shown as code is an example
        sections[-1].text.append(line.replace("**", ""))
        heading = _HEADING.match(line)
        if heading:
            sections.append(_Section(number, heading.group("title"), {}, []))
            continue
        for match in SCREEN_SHORTCODE.finditer(line):
            args, options = shortcode_args(match.group("args"))
            if len(args) != 1 or set(options) - {"host", "court_type"}:
                raise ShortcodeError(
                    f"line {number}: {match.group(0)!r}: expected one screen id and at most "
                    "host=... and court_type=..."
                )
            try:
                sections[-1].drawings.append(_drawing(args[0], **options))
            except ShortcodeError as error:
                raise ShortcodeError(f"line {number}: {match.group(0)!r}: {error}") from None
        if line.startswith((" ", "\t")):
            continue  # an admonition's body or a nested block: an aside, not the step
        for match in _BOLD.finditer(line):
            words = match.group("text").strip()
            if not _KEY.match(words):
                sections[-1].bold.setdefault(words, number)
    return sections


def check_steps(text: str) -> None:
    """Fail (:class:`ShortcodeError`, naming the step and the drawing) when a step and its
    drawings disagree; see the module's docstring."""
    if "pacer:screen" not in text:
        return  # most pages draw nothing
    read = ""  # the page's text so far: what a reader without the pictures has been told
    for section in _sections(text):
        read += "\n".join(section.text).casefold() + "\n"
        if not section.drawings:
            continue
        ids = ", ".join(repr(d.screen_id) for d in section.drawings)
        where = ", ".join(f"[screens.{d.screen_id}]" for d in section.drawings)
        shown = {
            label.casefold()
            for drawing in section.drawings
            for label in (*drawing.controls, *drawing.texts)
        }
        for words, line in section.bold.items():
            if words.casefold() not in shown:
                raise ShortcodeError(
                    f"line {line}: step {section.title!r} names **{words}**, which its "
                    f"drawing {ids} does not show (screens.toml {where}). Rename the control "
                    "in one place, [labels] in checker/site/data/screens.toml, or fix the step"
                )
        for drawing in section.drawings:
            for label in drawing.labels:
                if label.casefold() not in read:
                    raise ShortcodeError(
                        f"line {section.line}: drawing {drawing.screen_id!r} shows {label!r}, "
                        f"which neither step {section.title!r} nor a step before it says "
                        f"(screens.toml [screens.{drawing.screen_id}]): say it in the step, or "
                        "leave it out of the drawing"
                    )
        named = {words.casefold() for words in section.bold}
        for drawing in section.drawings:
            for label in drawing.highlights:
                if label.casefold() not in named:
                    raise ShortcodeError(
                        f"line {section.line}: drawing {drawing.screen_id!r} outlines "
                        f"{label!r}, which step {section.title!r} does not name in bold "
                        f"(screens.toml [screens.{drawing.screen_id}] highlight)"
                    )
