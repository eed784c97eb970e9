"""Build helpers for tests: run mkdocs, copy the project, make small court data.

A plain module (not conftest.py) so test files can import it: two conftest.py files exist, and
``from conftest import`` picks whichever was loaded last."""

from __future__ import annotations

import csv
import functools
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


ENGINES = ("mkdocs", "properdocs", "zensical")


def generate(
    *, config: Path | None = None, env: dict | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess:
    """The step before any build (``python -m checker.site generate``); prints the config."""
    command = [sys.executable, "-m", "checker.site", "generate"]
    if config is not None:
        command += ["--config", str(config)]
    return _run(command, env, cwd)


def mkdocs_build(
    site_dir: Path,
    *,
    config: Path | None = None,
    env: dict | None = None,
    cwd: Path = ROOT,
    engine: str = "mkdocs",
) -> subprocess.CompletedProcess:
    """Build the site as ``make build`` does, with the same command
    (``python -m checker.site build``): generate, the engine's build, then the drift checks
    (rule statements, hand-typed fact dates, the pages' examples) on exactly ``site_dir``.

    ``COURT`` in ``env`` makes a one-court build.
    """
    command = [sys.executable, "-m", "checker.site", "build", "--site-dir", str(site_dir)]
    command += ["--engine", engine]
    if config is not None:
        command += ["--config", str(config)]
    return _run(command, env, cwd)


def _run(command: list[str], env: dict | None, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        command,
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        capture_output=True,
        text=True,
        timeout=600,
    )


PROJECT_FILES = ("mkdocs.yml", "docs", "overrides", "checker", "seeds")
# What generate writes into docs/assets/ (the copy's build writes its own).
GENERATED_ASSETS = ("pacer-checker.js", "pacer-checker.css", "pacer-help.css", "icons.svg")


def _generated(folder: str, names: list[str]) -> set[str]:
    """What a copy leaves behind: caches, generated assets, and the generated court pages
    (``docs/courts/``, not the ``checker/site/courts`` package)."""
    skip = set(shutil.ignore_patterns("__pycache__", *GENERATED_ASSETS)(folder, names))
    if Path(folder).name == "docs":
        skip |= {"courts"} & set(names)
    return skip


def copy_project(destination: Path, extra: tuple[str, ...] = ()) -> Path:
    """A scratch copy of the sources a build reads, for tests that break them on purpose;
    ``extra`` names more top-level files to copy (the Makefile, for tests that run make)."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in (*PROJECT_FILES, *extra):
        source = ROOT / name
        if source.is_dir():
            # Generated files are left behind: the copy's build generates its own.
            shutil.copytree(source, destination / name, ignore=_generated)
        elif source.exists():
            shutil.copy2(source, destination / name)
    return destination


SMALL_COURTS = ("mieb", "mnd")  # one bankruptcy and one district court, both from the seeds


def small_court_data(destination: Path, ids: tuple[str, ...] = SMALL_COURTS) -> dict[str, str]:
    """A copy of the court data with only ``ids``: the env that makes a build generate just those.

    Mutation tests of the prose do not need 188 court pages; building two keeps them quick.
    """
    data = ROOT / "checker" / "site" / "data"
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copy2(data / "courts.meta.json", destination / "courts.meta.json")
    with (data / "courts.csv").open(newline="") as source:
        rows = list(csv.reader(source))
    with (destination / "courts.csv").open("w", newline="") as target:
        csv.writer(target).writerows([rows[0], *(row for row in rows[1:] if row[0] in ids)])
    facts = json.loads((data / "court_facts.json").read_text())
    facts["courts"] = {key: value for key, value in facts["courts"].items() if key in ids}
    (destination / "court_facts.json").write_text(json.dumps(facts, indent=1))
    return {"PACER_HELP_COURTS_CSV": str(destination / "courts.csv")}


def make(target: str, project: Path, **variables: str) -> subprocess.CompletedProcess:
    """``make TARGET`` in a copy of the project, with this test run's virtual environment.

    The environment's install stamp is taken as up to date (``-o``): the copy must not reinstall
    it from the copy's sources.
    """
    venv = Path(sys.executable).parent.parent
    stamp = venv / ".installed"
    command = ["make", "--no-print-directory", "-C", str(project), target, f"VENV={venv}"]
    command += ["-o", str(stamp), *(f"{key}={value}" for key, value in variables.items())]
    return _run(command, None, project)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (signature from the stdlib)
        pass


@contextmanager
def serve(directory: Path, handler: type[SimpleHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 at a free port; yields the base URL."""
    bound = functools.partial(handler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), bound)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def append_stale_sentence(page: Path) -> str:
    """Append a password sentence from the old rules (8-45 characters, from the records) to a
    Markdown page; returns it. Mutation tests of the build and the kit expect it caught."""
    from checker import RULESETS

    length = RULESETS["pacer-2021"].rule("password.length").params
    sentence = f"Your new password must be {length['min']}-{length['max']} characters."
    with page.open("a", encoding="utf-8") as text:
        text.write(f"\n\n{sentence}\n")
    return sentence


def make_with_stale_sentence(target: str, folder: Path, court: str = "mnd") -> tuple[str, str]:
    """``make TARGET COURT=court`` in a copy of the project whose link guide has a stale sentence;
    returns the sentence and the make's output, after checking that it failed."""
    project = copy_project(folder, extra=("Makefile", "pyproject.toml"))
    stale = append_stale_sentence(project / "docs" / "link.md")
    result = make(target, project, COURT=court)
    assert result.returncode != 0, f"make {target} passed a stale sentence"
    return stale, result.stdout + result.stderr


def append_to_article(page: Path, html: str) -> None:
    """Add ``html`` at the end of a built page's article (mutation tests of the gates)."""
    text = page.read_text(encoding="utf-8")
    assert "</article>" in text, page
    page.write_text(text.replace("</article>", html + "</article>", 1), encoding="utf-8")


def header_handler(headers: dict[str, str]) -> type[SimpleHTTPRequestHandler]:
    """A quiet handler that sends ``headers`` with every response (a court's policy, say)."""

    class WithHeaders(QuietHandler):
        def end_headers(self) -> None:
            for name, value in headers.items():
                self.send_header(name, value)
            super().end_headers()

    return WithHeaders
