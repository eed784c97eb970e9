"""Benchmark (prints, never asserts): the widget's transfer size and its check time in Chromium.

    .venv/bin/python benchmarks/widget.py

Figures: gzip bytes of the bundled script (rules JSON + minified widget.js) against its budget
(4 KiB, issue 13) and of each part; median time of one ``PacerChecker.check`` for a 45-character
password and for adversarial fields at the field bound (distinct parts, nothing matching); and the
median time the page takes to update the checklist after a paste at the bound (check plus DOM).
Other benchmark code can call :func:`measure` with its own browser and built site.
"""

from __future__ import annotations

import gzip
import itertools
import shutil
from typing import Any

from checker.engine import MAX_FIELD_LENGTH
from checker.widget import MINIFIED, bundle, rules_json

GZIP_BUDGET = 4096

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"]

# Each sample times many calls, since Chromium coarsens performance.now() (about 0.1 ms).
_TIME_CHECK = """([fields, calls, samples]) => {
    const times = [];
    for (let s = 0; s < samples; s++) {
        const start = performance.now();
        for (let i = 0; i < calls; i++) PacerChecker.check(fields);
        times.push((performance.now() - start) / calls);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
}"""

_TIME_PASTE = """([text, samples]) => {
    const input = document.querySelector("[data-checker] input[data-field='password']");
    const times = [];
    for (let s = 0; s < samples; s++) {
        input.value = s % 2 ? text : text.slice(1);
        const start = performance.now();
        input.dispatchEvent(new Event("input", {bubbles: true}));
        times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
}"""


def gzip_size(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


def sizes() -> dict[str, int]:
    script = bundle()
    return {
        "bundle_bytes": len(script.encode("utf-8")),
        "bundle_gzip_bytes": gzip_size(script),
        "rules_json_gzip_bytes": gzip_size(rules_json()),
        "widget_js_gzip_bytes": gzip_size(MINIFIED.read_text(encoding="utf-8")),
    }


def measure(browser, site_url: str | None = None) -> dict[str, Any]:
    """Sizes and median check times; on ``{site_url}/rules/``, or a blank page with the bundle."""
    context = browser.new_context()
    try:
        page = context.new_page()
        if site_url:
            page.goto(f"{site_url.rstrip('/')}/rules/")
        else:
            page.set_content("<div data-checker></div>")
            page.add_script_tag(content=bundle())
        page.wait_for_selector("[data-checker][data-checker-ready]")
        typical = {
            "username": "janedoe2026",
            "password": ("Blue-Harbor-Lamp-42!" * 3)[:45],
            "confirm": ("Blue-Harbor-Lamp-42!" * 3)[:45],
            "first_name": "Jane",
            "last_name": "Doe",
            "email": "jane.doe@lawfirm.example",
        }
        paste = ("Ab1!doe-\u00e9xyz" * MAX_FIELD_LENGTH)[:MAX_FIELD_LENGTH]
        words = (f"{a}{b}{c}" for a in "bcdfg" for b in "hjklm" for c in "npqrstvwxz")
        parts = " ".join(itertools.islice(itertools.cycle(words), MAX_FIELD_LENGTH))
        personal = parts[:MAX_FIELD_LENGTH]
        large = {**dict.fromkeys(("username", "first_name", "last_name", "email"), personal),
                 "password": paste, "confirm": paste}
        return {
            **sizes(),
            "chromium": browser.version,
            "check_45_chars_ms": page.evaluate(_TIME_CHECK, [typical, 500, 15]),
            "check_bound_ms": page.evaluate(_TIME_CHECK, [large, 3, 9]),
            "page_update_bound_ms": page.evaluate(_TIME_PASTE, [paste, 9]),
        }
    finally:
        context.close()


def main() -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            figures = measure(browser)
        finally:
            browser.close()
    print(f"Widget benchmark (Chromium {figures['chromium']})")
    size = figures["bundle_gzip_bytes"]
    print(f"  bundle (script + rules JSON): {figures['bundle_bytes']:>8,} bytes, {size:,} gzip"
          f" (budget {GZIP_BUDGET:,}: {'ok' if size <= GZIP_BUDGET else 'OVER'})")
    print(f"    rules JSON alone:           {figures['rules_json_gzip_bytes']:>8,} gzip")
    print(f"    widget.js alone:            {figures['widget_js_gzip_bytes']:>8,} gzip")
    print(f"  median check, 45 characters:  {figures['check_45_chars_ms'] * 1000:>8.1f} us")
    print(f"  median check, fields at bound: {figures['check_bound_ms']:>7.1f} ms")
    print(f"  median page update, at bound:  {figures['page_update_bound_ms']:>7.1f} ms")


if __name__ == "__main__":
    main()
