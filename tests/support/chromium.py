"""The suite's Chromium: Debian's package driven by Playwright, one per test session, for
tests/browser/ and tests/kit/ (tests/conftest.py loads this module as a plugin)."""

from __future__ import annotations

import pytest

from checker.site.kit.pdf import CHROMIUM_ARGS
from checker.site.settings import Settings

# The Chromium the kit prints with ($CHROMIUM, else Debian's), started with the kit's flags
# (without them it tries to reach Google's hosts at start and on a timer).
CHROMIUM = Settings.from_env().chromium_path()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        yield chromium
        chromium.close()
