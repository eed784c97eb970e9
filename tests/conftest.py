"""Shared fixtures: the site built once per test session, from this checkout."""

from __future__ import annotations

from pathlib import Path

import pytest
from builds import mkdocs_build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site as ``mkdocs build`` writes it (built once; tests must not modify it)."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(site)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return site
