"""Real Chromium (Debian's package, driven by Playwright) against the built site on loopback."""

from __future__ import annotations

import pytest
from builds import serve

from checker.site.kit.pdf import CHROMIUM_ARGS
from checker.site.settings import Settings

# The Chromium the kit prints with ($CHROMIUM, else Debian's), started with the kit's flags
# (without them it tries to reach Google's hosts at start and on a timer).
CHROMIUM = Settings.from_env().chromium_path()


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site served over HTTP on 127.0.0.1 at a free port."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    context.close()
