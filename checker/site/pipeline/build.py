"""A whole build, as ``make build`` and the tests run it: generate, an engine, then the checks.

One function for every caller, so what the tests build is what ``make build`` writes: the
one-court build once wrote its site to ``build/court/site/`` (MkDocs reads a relative
``--site-dir`` against the configuration's folder) while the checks read the previous default
build in ``site/``. Here the site folder is resolved against the folder the command runs in, and
the checks read exactly that folder and the Markdown the engine built from.

``python -m checker.site build [--court ID] [--site-dir DIR] [--engine NAME]``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from checker.site.checks.drift import Report, check_site
from checker.site.pipeline.generate import generate
from checker.site.project import Project, docs_dir_of
from checker.site.settings import VERIFY

ENGINES = ("mkdocs", "properdocs", "zensical")


class BuildError(RuntimeError):
    """The engine failed; the message holds its output."""


@dataclass(frozen=True)
class Built:
    """Where a build went: the configuration it used, the Markdown it read, the site it wrote."""

    config: Path
    docs_dir: Path
    site_dir: Path
    report: Report


def build(
    project: Project,
    site_dir: Path | str = "site",
    court_id: str = "",
    engine: str = "mkdocs",
    jobs: int = 1,
) -> Built:
    """Generate, build with ``engine`` into ``site_dir``, then run every drift check on it.

    Raises :class:`BuildError` when the engine fails; the checks' findings are in the report
    (empty ``problems`` when the site agrees with its data). ``jobs`` processes run the checks.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    site = Path(site_dir).resolve()
    config = generate(project, court_id)
    run_engine(engine, config, site)
    docs = docs_dir_of(config)
    return Built(config, docs, site, check_site(site, docs, jobs))


def run_engine(engine: str, config: Path, site: Path) -> None:
    # The engine inherits this process's environment (the settings reach the Markdown extension
    # that way). The checks run once, after the build (the optional plugin would run them again).
    environment = {**os.environ, VERIFY: "0", "NO_MKDOCS_2_WARNING": "1"}
    if engine == "zensical":
        # Zensical has no site-dir option: it writes site/ beside the configuration.
        command = [_tool("zensical"), "build", "--clean", "--strict", "--config-file", str(config)]
    else:
        command = [sys.executable, "-m", engine, "build", "--site-dir", str(site)]
        command += ["--config-file", str(config)]
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"{engine} build failed:\n{result.stdout}{result.stderr}".rstrip())
    written = config.parent / "site"
    if engine == "zensical" and written.resolve() != site:
        shutil.rmtree(site, ignore_errors=True)
        shutil.move(written, site)


def _tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    return str(found) if found.exists() else (shutil.which(name) or name)
