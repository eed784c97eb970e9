"""Shared fixtures (the site built once per test session, from this checkout, by each engine) and
the markers every test gets from what it does, so ``make test-fast`` can leave out the slow ones:

- ``browser``: the test lives in tests/browser/ or tests/kit/ (a kit prints its PDF in Chromium),
  or uses the ``browser`` or ``page`` fixture;
- ``build``: the test, or a fixture it uses, builds the site, a court's site, a kit, or installs
  the package into a fresh environment.

Nobody applies them by hand, so a new test cannot be left in the fast subset by mistake.
"""

from __future__ import annotations

import inspect
import re
import shutil
from pathlib import Path

import pytest
from builds import ENGINES, copy_project, mkdocs_build, serve

from checker.site.kit.pdf import CHROMIUM_ARGS
from checker.site.settings import Settings


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site as ``make build`` writes it with MkDocs (built once; tests must not modify it)."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(site)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture
def site_copy(built_site, tmp_path) -> Path:
    """A copy of the built site that a test may change (to prove a gate sees a fault)."""
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    return copy


@pytest.fixture(scope="session")
def engine_sites(built_site, tmp_path_factory) -> dict[str, Path]:
    """The same sources built by each engine: MkDocs, ProperDocs and Zensical (built once)."""
    sites = {"mkdocs": built_site}
    for engine in ENGINES[1:]:
        # Zensical writes site/ (and its cache) beside the configuration: build in a copy.
        project = copy_project(tmp_path_factory.mktemp(engine))
        site = project / "site"
        result = mkdocs_build(site, config=project / "mkdocs.yml", cwd=project, engine=engine)
        assert result.returncode == 0, f"{engine} build failed:\n{result.stdout}\n{result.stderr}"
        sites[engine] = site
    return sites


# ---- real Chromium (Debian's package, driven by Playwright), for tests/browser and tests/kit ----

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

BROWSER_FOLDERS = ("browser", "kit")
BROWSER_FIXTURES = {"browser", "page"}
BUILD_FIXTURES = {"built_site", "site_copy", "engine_sites", "site_url"}
# Calls that build: a test or fixture whose source calls one of these builds something (a plain
# call: ``shape.build(`` or ``rebuild(`` is not one).
BUILDERS = re.compile(
    r"(?<![\w.])(?:mkdocs_build|build_on|make_kit|make_kits|run_make|copy_project|build"
    r"|make_with_stale_sentence|venv\.create|run_step|try_repo)\(|(?<![\w.])make\(\"|try-repo"
)


def builds(item: pytest.Item) -> bool:
    if BUILD_FIXTURES & set(item.fixturenames):
        return True
    functions = [getattr(item, "function", None)]
    for definitions in item._fixtureinfo.name2fixturedefs.values():
        functions += [definition.func for definition in definitions]
    for function in functions:
        if function is None or not inspect.isfunction(function):
            continue
        try:
            source = inspect.getsource(function)
        except (OSError, TypeError):
            continue
        if BUILDERS.search(source):
            return True
    return False


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    tests = Path(__file__).resolve().parent
    for item in items:
        area = Path(item.fspath).resolve().relative_to(tests).parts[0]
        if area in BROWSER_FOLDERS or BROWSER_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.browser)
        if builds(item):
            item.add_marker(pytest.mark.build)
