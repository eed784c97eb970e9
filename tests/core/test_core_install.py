"""``pip install .`` without extras gives the core checker, without MkDocs, Material or pymdown.

Court webmasters install the rules, the CLI, the verifier and the widget bundle this way.
The test installs the project into a fresh virtual environment (from the package index, as a
webmaster would) and uses it from there.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import venv
from pathlib import Path

import pytest
from builds import ROOT


def run(python: Path, *args: str, stdin: str = "", cwd: Path | None = None):
    return subprocess.run(
        [str(python), *args], input=stdin, capture_output=True, text=True, timeout=600, cwd=cwd
    )


def _not_sources(folder: str, names: list[str]) -> set[str]:
    top = {"node_modules", "site", "build"} if Path(folder) == ROOT else set()
    return {n for n in names if n in top or n.startswith(".") or n.endswith(".egg-info")}


@pytest.fixture(scope="module")
def core_python(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("core-venv")
    venv.create(home, with_pip=True)
    python = home / "bin" / "python"
    # A copy of the sources, so the build leaves nothing in the checkout.
    source = tmp_path_factory.mktemp("source") / "pacer-help"
    shutil.copytree(ROOT, source, ignore=_not_sources)
    result = run(python, "-m", "pip", "install", "--quiet", str(source))
    assert result.returncode == 0, result.stdout + result.stderr
    return python


def test_site_stack_is_not_installed(core_python, tmp_path):
    for module in ("mkdocs", "material", "pymdownx", "markdown", "yaml"):
        result = run(core_python, "-c", f"import {module}", cwd=tmp_path)
        assert result.returncode != 0, f"{module} is installed with the core"
        assert "ModuleNotFoundError" in result.stderr


def test_check_rules_and_widget_work(core_python, tmp_path):
    fields = json.dumps({"password": "Tr1cky!Passw0rdz"})
    result = run(core_python, "-m", "checker", "check", stdin=fields, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["ok"] is True
    rules = run(core_python, "-m", "checker", "rules", "--json", cwd=tmp_path)
    assert rules.returncode == 0 and "password.length" in rules.stdout
    widget = run(core_python, "-m", "checker", "widget", cwd=tmp_path)
    assert widget.returncode == 0 and "password.length" in widget.stdout


def test_verify_works(core_python, tmp_path):
    (tmp_path / "good.html").write_text("<p>Nothing about rules here.</p>", encoding="utf-8")
    assert run(core_python, "-m", "checker", "verify", str(tmp_path), cwd=tmp_path).returncode == 0
    stale = "<p>Your password must be 8-45 characters long.</p>"
    (tmp_path / "stale.html").write_text(stale, encoding="utf-8")
    result = run(core_python, "-m", "checker", "verify", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 1 and "stale.html" in result.stdout


def test_the_site_package_says_what_it_needs(core_python, tmp_path):
    result = run(core_python, "-m", "checker.site", "generate", cwd=tmp_path)
    assert result.returncode != 0
    assert "pip install 'pacer-help[site]'" in result.stderr
