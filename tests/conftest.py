"""Shared fixtures: the site built once per test session, from this checkout, by each engine."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from builds import ENGINES, copy_project, mkdocs_build


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
