"""SVG drawings of the screen records: a schematic window, its address bar, then the parts.

The drawing is 320 units wide, one column, so its real text stays readable when a phone shows it
320 px wide and when a reader zooms to 200%. Highlights are a thick outline with a numbered badge
(not colour alone: both survive black-and-white print); everything else is drawn in grey. Colours
meet WCAG AA on white. The drawing is styled by classes (:data:`STYLE`): the site's stylesheet
holds them once for every inline drawing, and a standalone file carries its own copy.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass, field

from checker.site.screens.records import Part, Screen

WIDTH = 320
PAD = 10
INNER = WIDTH - 2 * PAD
# Average glyph width of Arial/Helvetica as a share of the font size, on the wide side, so
# estimated boxes hold the real text.
GLYPH = 0.56

STYLE = (
    ".ps{font-family:Arial,Helvetica,sans-serif;font-size:13px}"
    ".ps text{fill:#4d4d4d}"
    ".ps .bg{fill:#fff;stroke:#595959}"
    ".ps .bar{fill:#e6e6e6}"
    ".ps .adr{fill:#fff;stroke:#767676}"
    ".ps .box{fill:#fff;stroke:#767676}"
    ".ps .btn{fill:#ececec;stroke:#767676}"
    ".ps .tab{fill:#e6e6e6;stroke:#767676}"
    ".ps .on{fill:#fff;stroke:#767676}"
    ".ps .menu{fill:#e3eaf2}"
    ".ps .note{fill:#fff8d6;stroke:#8a6d00}"
    ".ps .dlg{fill:#dce6f0}"
    ".ps .qr{fill:#4d4d4d}"
    ".ps .ln{stroke:#c8c8c8}"
    ".ps .t{font-weight:bold;fill:#1a1a1a}"
    ".ps .h{font-size:15px;font-weight:bold;fill:#1a1a1a}"
    ".ps .s{font-size:12px}"
    ".ps .a{font-size:12px;fill:#1a1a1a}"
    ".ps .lk{fill:#1a4f8b;text-decoration:underline}"
    ".ps .hl{fill:#000;font-weight:bold}"
    ".ps .o{fill:none;stroke:#a30000;stroke-width:3}"
    ".ps .k{fill:#a30000}"
    ".ps .kn{fill:#fff;font-size:12px;font-weight:bold}"
)

NEUTRAL_ECF_HOST = "ecf.court.uscourts.gov"
HOSTS = {"pacer": "pacer.psc.uscourts.gov", "pacer-home": "pacer.uscourts.gov"}
COURT_TYPE_NAMES = {"bankruptcy": "Bankruptcy courts", "district": "District courts"}


def text_width(text: str, size: float = 13) -> float:
    return len(text) * size * GLYPH


def wrap(text: str, width: float, size: float = 13) -> list[str]:
    """``text`` in lines that fit ``width`` (a word longer than a line gets a line of its own)."""
    per_line = max(1, int(width // (size * GLYPH)))
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= per_line:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def fit(text: str, width: float, size: float = 12) -> str:
    """``text`` cut with an ellipsis to fit ``width`` (example values in narrow boxes only)."""
    most = max(1, int(width // (size * GLYPH)))
    return text if len(text) <= most else text[: most - 1] + "…"


@dataclass
class Canvas:
    """Shapes and text as they are laid out, top to bottom; ``y`` is the next free line."""

    marks: tuple[str, ...]
    y: float = 0
    body: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    boxes: dict[str, tuple[float, float, float, float]] = field(default_factory=dict)

    def rect(self, x: float, y: float, w: float, h: float, cls: str, r: float = 3) -> None:
        self.body.append(
            f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" rx="{r:g}" class="{cls}"/>'
        )

    def text(self, x: float, y: float, words: str, cls: str = "", anchor: str = "") -> None:
        attrs = f' class="{cls}"' if cls else ""
        attrs += ' text-anchor="middle"' if anchor else ""
        self.body.append(f'<text x="{x:g}" y="{y:g}"{attrs}>{html.escape(words)}</text>')
        if words:
            self.texts.append(words)

    def control(self, label: str, box: tuple[float, float, float, float]) -> str:
        """Note where ``label`` is drawn (the first place it appears), and its text class."""
        if label in self.marks and label not in self.boxes:
            self.boxes[label] = box
            return "hl"
        return ""


def layout(screen: Screen, host: str, court_type: str | None, rule_lines) -> Canvas:
    canvas = Canvas(marks=screen.highlight)
    canvas.rect(1, 1, WIDTH - 2, 27, "bar", 5)
    canvas.text(PAD, 18, fit(screen.title, INNER, 13), "t")
    canvas.rect(PAD, 34, INNER, 22, "adr", 11)
    canvas.text(PAD + 12, 49, host, "a")
    canvas.y = 66
    variants = [t for t in screen.court_types if court_type in (None, t)]
    labelled = court_type is None and len(variants) > 1
    for part in screen.parts:
        if part.only and part.only not in variants:
            continue
        if labelled and part.only:
            canvas.text(PAD, canvas.y + 13, COURT_TYPE_NAMES[part.only] + ":", "s")
            canvas.y += 24
        _PARTS[part.kind](canvas, part, screen, rule_lines)
        canvas.y += 8
    return canvas


def _heading(c: Canvas, part: Part, *_) -> None:
    for line in wrap(part.value, INNER, 15):
        cls = c.control(part.value, (PAD, c.y, text_width(line, 15), 20))
        c.text(PAD, c.y + 16, line, "h" + (" hl" if cls else ""))
        c.y += 20


def _sentences(c: Canvas, part: Part, *_) -> None:
    for line in wrap(part.value, INNER):
        c.text(PAD, c.y + 14, line)
        c.y += 18


def _note(c: Canvas, part: Part, *_) -> None:
    _boxed(c, wrap(part.value, INNER - 12, 12))


def _boxed(c: Canvas, lines: list[str]) -> None:
    height = 18 * len(lines) + 8
    c.rect(PAD, c.y, INNER, height, "note")
    for index, line in enumerate(lines):
        c.text(PAD + 6, c.y + 17 + 18 * index, line, "s")
    c.y += height


def _rules(c: Canvas, part: Part, _screen: Screen, rule_lines) -> None:
    lines: list[str] = []
    for line in rule_lines(part.value):
        lines.extend(wrap(line, INNER - 12, 12))
    _boxed(c, lines)


def _dialog(c: Canvas, part: Part, *_) -> None:
    c.rect(PAD, c.y, INNER, 26, "dlg")
    cls = c.control(part.value, (PAD, c.y, INNER, 26))
    c.text(PAD + 8, c.y + 18, fit(part.value, INNER - 16, 13), "t" + (" hl" if cls else ""))
    c.y += 26


def _field(c: Canvas, part: Part, screen: Screen, _rules) -> None:
    labels = [p.value for p in screen.parts if p.kind == "field"]
    column = min(max(text_width(label + " *") for label in labels) + 8, INNER * 0.56)
    label = part.value + (" *" if part.options.get("required") else "")
    box_x, box_w = PAD + column, INNER - column
    c.rect(box_x, c.y, box_w, 24, "box")
    if part.options.get("select"):
        # A drawn arrow, not a "▾" character: no font to embed in a PDF just for it.
        x, y = box_x + box_w - 13, c.y + 10
        c.body.append(f'<path d="M{x:g} {y:g}h8l-4 5z" class="qr"/>')
    value = part.options.get("value", "")
    if value:
        c.text(box_x + 5, c.y + 16, fit(value, box_w - 22), "s")
    cls = c.control(part.value, (PAD, c.y, INNER, 24))
    c.text(PAD, c.y + 16, fit(label, column - 4, 13), cls)
    c.y += 30


def _row_of(c: Canvas, labels: tuple[str, ...], cls: str, height: float, gap: float) -> None:
    """Boxes side by side, wrapping to a new line when the next one does not fit."""
    x = PAD
    for label in labels:
        width = text_width(label) + 18
        if x > PAD and x + width > PAD + INNER:
            x, c.y = PAD, c.y + height + 6
        c.rect(x, c.y, width, height, cls)
        mark = c.control(label, (x, c.y, width, height))
        c.text(x + width / 2, c.y + height / 2 + 5, label, mark, anchor="middle")
        x += width + gap
    c.y += height


def _buttons(c: Canvas, part: Part, *_) -> None:
    _row_of(c, part.value, "btn", 24, 12)


def _tabs(c: Canvas, part: Part, *_) -> None:
    active = part.options.get("active", part.value[0])
    x = PAD
    for label in part.value:
        width = text_width(label) + 20
        c.rect(x, c.y, width, 26, "on" if label == active else "tab")
        mark = c.control(label, (x, c.y, width, 26))
        cls = "t" if label == active else ""
        c.text(x + width / 2, c.y + 18, label, f"{cls} {mark}".strip(), anchor="middle")
        x += width + 2
    c.y += 26


def _menu(c: Canvas, part: Part, *_) -> None:
    top = c.y
    rows = 1
    x = PAD + 4
    placed = []
    for label in part.value:
        width = text_width(label) + 14
        if x > PAD + 4 and x + width > PAD + INNER - 4:
            rows += 1
            x = PAD + 4
        placed.append((label, x, top + 6 + (rows - 1) * 30, width))
        x += width + 10  # room for a highlight's badge between items
    c.rect(PAD, top, INNER, rows * 30 + 8, "menu", 2)
    for label, x, y, width in placed:
        mark = c.control(label, (x, y, width, 24))
        c.text(x + width / 2, y + 17, label, mark, anchor="middle")
    c.y = top + rows * 30 + 8


def _links(c: Canvas, part: Part, *_) -> None:
    for label in part.value:
        for line in wrap(label, INNER - 8):
            mark = c.control(label, (PAD, c.y, text_width(line) + 4, 20))
            c.text(PAD + 2, c.y + 15, line, f"lk {mark}".strip())
            c.y += 20


def _group(c: Canvas, part: Part, *_) -> None:
    mark = c.control(part.value, (PAD, c.y, text_width(part.value) + 4, 20))
    c.text(PAD, c.y + 15, part.value, f"t {mark}".strip())
    c.y += 20
    _links(c, Part("links", part.options["links"]))


def _rows(c: Canvas, part: Part, *_) -> None:
    column = min(max(text_width(row[0], 12) for row in part.value) + 10, INNER * 0.5)
    for label, value, *link in part.value:
        top = c.y
        # A highlighted row label outlines the whole row, its value with it.
        mark = c.control(label, (PAD, top, INNER, 22))
        c.text(PAD + 2, top + 15, label, f"s {mark}".strip() if mark else "s t")
        x = PAD + column
        if value:
            lines = wrap(value, INNER - column)
            for index, line in enumerate(lines):
                mark = c.control(value, (x, top + 20 * index, text_width(line) + 4, 20))
                c.text(x + 2, top + 15 + 20 * index, line, mark)
            x_end = x + text_width(lines[-1]) + 10
            line_y = top + 20 * (len(lines) - 1)
        else:
            x_end, line_y = x, top
        if link:
            if x_end + text_width(link[0]) > PAD + INNER:
                x_end, line_y = x, line_y + 20
            mark = c.control(link[0], (x_end, line_y, text_width(link[0]) + 4, 20))
            c.text(x_end + 2, line_y + 15, link[0], f"lk {mark}".strip())
        c.y = max(line_y + 22, top + 22)
        if label in c.boxes and c.boxes[label][1] == top:
            c.boxes[label] = (PAD, top, INNER, c.y - top - 2)
        c.body.append(f'<path d="M{PAD} {c.y - 1:g}h{INNER}" class="ln"/>')


# Finder squares at three corners and a fixed scatter of blocks: it looks like a QR code and
# encodes nothing, so no drawing can ever carry a secret.
_QR_BLOCKS = ((36, 8), (44, 16), (36, 28), (52, 36), (8, 40), (24, 44), (44, 52), (60, 44),
              (36, 60), (68, 60), (52, 68), (60, 76), (36, 76), (76, 36))  # fmt: skip


def _qr(c: Canvas, *_) -> None:
    size = 92
    c.rect(PAD, c.y, size, size, "box", 0)
    for x, y in ((6, 6), (size - 30, 6), (6, size - 30)):
        c.rect(PAD + x, c.y + y, 24, 24, "qr", 0)
        c.rect(PAD + x + 5, c.y + y + 5, 14, 14, "box", 0)
        c.rect(PAD + x + 9, c.y + y + 9, 6, 6, "qr", 0)
    for x, y in _QR_BLOCKS:
        if x < size - 8 and y < size - 8:
            c.rect(PAD + x, c.y + y, 6, 6, "qr", 0)
    c.text(PAD + size + 10, c.y + 40, "QR code", "t")
    c.text(PAD + size + 10, c.y + 58, "(placeholder)", "s")
    c.y += size


def _codes(c: Canvas, part: Part, *_) -> None:
    for index in range(part.value):
        x = PAD + (index % 2) * (INNER / 2)
        y = c.y + (index // 2) * 26
        c.rect(x, y, INNER / 2 - 8, 22, "box")
        c.text(x + 8, y + 16, "XXXX-XXXX", "s")
    c.y += ((part.value + 1) // 2) * 26


_PARTS = {
    "heading": _heading, "text": _sentences, "note": _note, "rules": _rules, "dialog": _dialog,
    "field": _field, "buttons": _buttons, "tabs": _tabs, "menu": _menu, "links": _links,
    "group": _group, "rows": _rows, "qr": _qr, "codes": _codes,
}  # fmt: skip


def highlights(canvas: Canvas, order: tuple[str, ...]) -> Iterator[tuple[int, str]]:
    """The drawn highlights, numbered from 1 in the record's order (a court type may leave some
    out, as the bankruptcy menus on a district court's drawing)."""
    drawn = [label for label in order if label in canvas.boxes]
    yield from enumerate(drawn, 1)


def render(canvas: Canvas, order: tuple[str, ...], name: str, standalone: bool) -> tuple[str, int]:
    marks = []
    for number, label in highlights(canvas, order):
        x, y, w, h = canvas.boxes[label]
        marks.append(
            f'<rect x="{x - 3:g}" y="{y - 3:g}" width="{w + 6:g}" height="{h + 6:g}" rx="4"'
            ' class="o"/>'
        )
        # The badge sits on the outline's top-right corner, inside the drawing.
        cx = min(max(x + w + 3, PAD + 1), WIDTH - 11)
        cy = max(y - 3, 11)
        marks.append(f'<circle cx="{cx:g}" cy="{cy:g}" r="10" class="k"/>')
        marks.append(f'<text x="{cx:g}" y="{cy + 4:g}" class="kn" text-anchor="middle">'
                     f"{number}</text>")  # fmt: skip
    height = int(canvas.y + 4)
    head = (
        f'<svg class="ps" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}"'
        f' role="img" aria-label="{html.escape(name)}"'
    )
    if standalone:
        head = head.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"', 1)
        head += f"><title>{html.escape(name)}</title><style>{STYLE}</style>"
    else:
        head += ">"
    frame = f'<rect x=".5" y=".5" width="{WIDTH - 1}" height="{height - 1}" rx="6" class="bg"/>'
    return head + frame + "".join(canvas.body) + "".join(marks) + "</svg>", height
