"""Real Chromium (Debian's package, driven by Playwright) against the built site on loopback."""

from __future__ import annotations

import pytest
from builds import serve


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site served over HTTP on 127.0.0.1 at a free port."""
    with serve(built_site) as url:
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    context.close()
