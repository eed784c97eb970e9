"""The screen drawings in real Chromium: the upgrade, link, MFA and password-change guides show
each drawing beside its step at 1280 px and above the step's text at 320 px, readable (at 320 px
and at 200% zoom), axe clean, with 0 violations of the site's Content-Security-Policy."""

from __future__ import annotations

import pytest
from browser_gates import (
    csp_violations,
    format_violations,
    open_disclosures,
    record_csp_violations,
    run_axe,
)
from builds import header_handler, serve

from checker.widget import CONTENT_SECURITY_POLICY

GUIDES = {"/upgrade/": 10, "/link/": 7, "/mfa/": 6, "/password-change/": 3}
POLICY = {"Content-Security-Policy": CONTENT_SECURITY_POLICY}
SMALLEST_FONT = 12  # px at 1:1 (checker/site/screens/svg.py STYLE)

# Each drawing, its step's heading and the step's text, measured in the page.
_MEASURE = """() => Array.from(document.querySelectorAll('figure.pacer-screen'), figure => {
    let heading = figure.previousElementSibling;
    while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
    let next = figure.nextElementSibling, text = null;
    while (next && !/^H[1-6]$/.test(next.tagName)) {
        if (!text && !next.matches('figure')) text = next;
        next = next.nextElementSibling;
    }
    const box = e => e ? e.getBoundingClientRect().toJSON() : null;
    const svg = figure.querySelector('svg');
    return {
        id: figure.dataset.screen, figure: box(figure), heading: box(heading),
        headingText: heading ? heading.textContent.trim() : '', text: box(text), next: box(next),
        label: svg.getAttribute('aria-label'), role: svg.getAttribute('role'),
        caption: figure.querySelector('figcaption').textContent,
        svgWidth: svg.getBoundingClientRect().width, texts: svg.querySelectorAll('text').length,
    };
})"""


def _measure(page, url: str) -> list[dict]:
    page.goto(url, wait_until="load")
    return page.evaluate(_MEASURE)


@pytest.fixture(scope="module")
def policy_url(built_site):
    with serve(built_site, header_handler(POLICY)) as url:
        yield url


@pytest.mark.parametrize("width", [1280, 320])
def test_the_guides_show_their_drawings_beside_the_steps(browser, policy_url, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    logged = record_csp_violations(context)
    page = context.new_page()
    problems, axe = [], {}
    try:
        for path, count in GUIDES.items():
            logged.clear()
            drawings = _measure(page, policy_url + path)
            assert len(drawings) == count, path
            overflow = page.evaluate("() => document.documentElement.scrollWidth")
            if overflow > width:
                problems.append(f"{path}: the page scrolls sideways ({overflow} px)")
            for d in drawings:
                where = f"{path} {d['id']} @{width}px"
                if d["role"] != "img" or not d["label"].startswith("Drawing of "):
                    problems.append(f"{where}: no accessible name")
                if not d["caption"].endswith("Your screen may look different.") or not d["texts"]:
                    problems.append(f"{where}: no caption or no real text")
                if not d["headingText"].startswith("Step "):
                    problems.append(f"{where}: not in a step ({d['headingText']!r})")
                fig, head, text = d["figure"], d["heading"], d["text"]
                # Inside its own step: below the step's heading, above the next one.
                if fig["top"] < head["bottom"] or (d["next"] and fig["bottom"] > d["next"]["top"]):
                    problems.append(f"{where}: outside its step")
                if width >= 1280:
                    # Beside: to the right of the step's text, level with its start.
                    beside = text and fig["left"] >= text["left"] + 200
                    if not (beside and text["top"] < fig["bottom"]):
                        problems.append(f"{where}: not beside the step's text")
                    if d["svgWidth"] < 320:
                        problems.append(f"{where}: drawn at {d['svgWidth']} px, under 1:1")
                else:
                    if fig["right"] > width or fig["left"] < 0:
                        problems.append(f"{where}: wider than the screen")
                    # Real text, readable: the smallest font is scaled by the drawing's width.
                    if SMALLEST_FONT * d["svgWidth"] / 320 < 10.5:
                        problems.append(f"{where}: text under 10.5 px")
            violations = csp_violations(page, logged)
            if violations:
                problems.append(f"{path} @{width}px: CSP violations {violations}")
    finally:
        context.close()
    # axe is injected as a script, which the policy forbids: it runs on the same pages served
    # without the header.
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        for path in GUIDES:
            page.goto(site_url + path, wait_until="load")
            open_disclosures(page)
            found = run_axe(page)
            if found:
                axe[f"{path} @{width}px"] = found
    finally:
        context.close()
    assert not problems, "\n".join(problems)
    assert not axe, format_violations(axe)


def test_the_drawings_at_200_percent_zoom(browser, site_url):
    # 200% zoom of a 1280 px window lays the page out 640 CSS px wide, each pixel drawn twice.
    context = browser.new_context(viewport={"width": 640, "height": 800}, device_scale_factor=2)
    page = context.new_page()
    try:
        drawings = _measure(page, site_url + "/upgrade/")
        overflow = page.evaluate("() => document.documentElement.scrollWidth")
    finally:
        context.close()
    assert overflow <= 640
    for d in drawings:
        # Drawn at 1:1 on a narrow layout, so the smallest text is 12 CSS px (24 device px).
        assert d["svgWidth"] == 320, d["id"]
        assert d["figure"]["left"] >= 0 and d["figure"]["right"] <= 640, d["id"]


def test_the_gate_sees_a_drawing_away_from_its_step(browser, site_url):
    # Mutation: with the float removed, the drawing sits above the text, not beside it.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(site_url + "/link/", wait_until="load")
        page.add_style_tag(content=".md-typeset figure.pacer-screen{float:none}")
        drawings = page.evaluate(_MEASURE)
    finally:
        context.close()
    beside = [d for d in drawings if d["text"] and d["figure"]["left"] >= d["text"]["left"] + 200]
    assert beside == []
