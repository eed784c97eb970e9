"""Drawings of the PACER and CM/ECF screens, made from records (``checker/site/data/screens.toml``).

The API the Markdown extension and the kit share::

    drawing = draw("upgrade-security", host=None, court_type=None)
    drawing.svg       # a standalone SVG file's text (xmlns, <title>, its own <style>)
    drawing.inline    # the same drawing for inline HTML (styled by the site's stylesheet)
    drawing.name      # its accessible name (aria-label; alt text in a PDF or an <img>)
    drawing.caption   # "Drawing of the Security tab. Your screen may look different."
    figure(drawing)   # <figure> with the inline SVG and the caption, for a page

The tailoring context is plain values: ``host``, the court's CM/ECF host (``None`` draws a
neutral one), and ``court_type`` (``"bankruptcy"``, ``"district"``, or ``None`` to draw every
variant where the types differ, each labelled). The rule boxes come from ``ruleset`` (the rule
set in force by default). Every drawing's text goes through the drift verifier as it is drawn: a
stale number typed into a record fails with :class:`ScreenError` naming the drawing.

This room imports only the core (rules, verifier) and its own modules: court data reaches it as
the plain values above.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from checker.rulesets import DEFAULT_RULESET, RuleSet, get_ruleset
from checker.site.screens import rulebox, svg
from checker.site.screens.records import (
    COURT_TYPES,
    SCREENS_TOML,
    Screen,
    ScreenError,
    Screens,
    load,
)
from checker.site.screens.svg import NEUTRAL_ECF_HOST, STYLE
from checker.verify import verify_text

__all__ = [
    "COURT_TYPES", "NEUTRAL_ECF_HOST", "SCREENS_TOML", "STYLE", "Drawing", "Screen",
    "ScreenError", "Screens", "draw", "figure", "filing_menus", "load",
]  # fmt: skip

CAPTION_TAIL = "Your screen may look different."


@dataclass(frozen=True)
class Drawing:
    screen_id: str
    name: str
    caption: str
    svg: str
    inline: str
    width: int
    height: int
    texts: tuple[str, ...]  # every word drawn, line by line, in drawing order
    controls: tuple[str, ...]  # labels a step may name, example values included
    labels: tuple[str, ...]  # the names shown, without example values
    highlights: tuple[str, ...]  # outlined and numbered 1, 2, ... in this order
    source: str


def draw(
    screen_id: str,
    host: str | None = None,
    court_type: str | None = None,
    ruleset: str | RuleSet = DEFAULT_RULESET,
    path: Path | str = SCREENS_TOML,
) -> Drawing:
    """The drawing of one screen for one court (or for none: a neutral host, every variant)."""
    if court_type is not None and court_type not in COURT_TYPES:
        raise ScreenError(
            f"court_type {court_type!r}: expected one of {', '.join(COURT_TYPES)} or none"
        )
    rules = get_ruleset(ruleset)
    screens = load(path)
    screen = screens[screen_id]
    # A court type the screen does not differ by draws the same picture as none.
    kind = court_type if court_type in screen.court_types else None
    # Cached by identity (records and rule sets hold mappings, so they do not hash); the entry
    # keeps both alive, so an id is never reused while its entry stands.
    key = (id(screens), screen_id, host or "", kind, id(rules))
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is screens and hit[1] is rules:
        return hit[2]
    if len(_CACHE) > 4096:
        _CACHE.clear()
    drawing = _draw(screen, host or "", kind, rules)
    _CACHE[key] = (screens, rules, drawing)
    return drawing


_CACHE: dict[tuple, tuple[Screens, RuleSet, Drawing]] = {}
_VERIFIED: dict[tuple, tuple[Screen, RuleSet]] = {}


def _draw(screen: Screen, host: str, court_type: str | None, rules: RuleSet) -> Drawing:
    ecf = host or NEUTRAL_ECF_HOST
    shown_host = ecf if screen.host == "ecf" else svg.HOSTS[screen.host]
    canvas = svg.layout(screen, shown_host, court_type, lambda box: rulebox.lines(rules, box))
    _verify(screen, court_type, rules, tuple(t for t in canvas.texts if t != shown_host))
    drawn = tuple(label for _, label in svg.highlights(canvas, screen.highlight))
    name = f"Drawing of {screen.name}"
    if drawn:
        marks = [f"{number} {label}" for number, label in enumerate(drawn, 1)]
        name += ", outlined and numbered: " + "; ".join(marks)
    caption = f"Drawing of {screen.name}. {CAPTION_TAIL}"
    standalone, height = svg.render(canvas, screen.highlight, name, standalone=True)
    inline, _ = svg.render(canvas, screen.highlight, name, standalone=False)
    return Drawing(
        screen_id=screen.id, name=name, caption=caption, svg=standalone, inline=inline,
        width=svg.WIDTH, height=height, texts=tuple(canvas.texts),
        controls=screen.controls(court_type), labels=screen.labels(court_type), highlights=drawn,
        source=str(screen.source),
    )  # fmt: skip


def _verify(screen: Screen, court_type: str | None, rules: RuleSet, texts: tuple[str, ...]):
    """The drift verifier over the drawing's words, once per screen and court type (the host,
    the only thing a court changes, states no rule)."""
    key = (id(screen), court_type, id(rules))
    seen = _VERIFIED.get(key)
    if seen is not None and seen[0] is screen and seen[1] is rules:
        return
    found = verify_text("\n".join(texts), screen.id, rules)
    if found:
        first = found[0]
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        raise ScreenError(
            f"drawing {screen.id!r} ({screen.where}) says {first.excerpt!r}, but the rules "
            f"({rules.name}) say {first.expected}{more}; a rule's number comes from the rule "
            'set: use { rules = "note" } or { rules = "password" }, never a typed number'
        )
    _VERIFIED[key] = (screen, rules)


def filing_menus(court_type: str, path: Path | str = SCREENS_TOML) -> tuple[str, ...]:
    """The filing menus a court of ``court_type`` shows after linking: the outlined items of
    the ``ecf-menu-after`` record's menu for that type. The court pages' words read this, so
    the menus a step names and the drawing shows are written once."""
    screen = load(path)["ecf-menu-after"]
    return tuple(label for label in screen.highlight if label in screen.controls(court_type)
                 and label not in screen.controls(_other(court_type)))


def _other(court_type: str) -> str:
    return next(t for t in COURT_TYPES if t != court_type)


def figure(drawing: Drawing) -> str:
    """The drawing as a page shows it: a ``<figure>`` with the inline SVG and its caption, on
    one line (a raw HTML block for Markdown). Out of the search index: the step says it all."""
    return (
        f'<figure class="pacer-screen" data-screen="{drawing.screen_id}" data-search-exclude>'
        f"{drawing.inline}<figcaption>{html.escape(drawing.caption)}</figcaption></figure>"
    )
