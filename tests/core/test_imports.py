"""The package's walls: imports point one way, down through the layers, and no module takes
another's private (underscored) names.

The layers, lowest first; a module may import its own layer and those below it, never above:

1. the core: ``checker`` and everything outside ``checker.site`` (rules, engine, facts, verifier);
2. ``checker.site.settings``, then ``checker.site.project``;
3. ``checker.site.screens``: the screen records and their drawings (court data reaches them as
   plain values);
4. ``checker.site.markdown``: the extension and what it renders;
5. ``checker.site.courts``: the registry, contacts, court pages, checklist;
6. ``checker.site.checks``: drift, typed dates, facts due for review;
7. ``checker.site.pipeline``: generate, build, theme icons, the MkDocs plugin;
8. ``checker.site.kit``;
9. ``checker.site`` itself and its command line.

Imports are read from the source (every ``import`` statement, also those inside functions, which
hide a circle from Python but not from a reader), so a wrong import fails here even if it never
fails at run time.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from builds import ROOT

PACKAGE = ROOT / "checker"


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, modules: set[str], root: Path = ROOT) -> set[str]:
    """The modules of ``checker`` that ``path`` imports (a package's submodules by name)."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.add(submodule if submodule in modules else base)
    return {module for module in found if module in modules and module != name}


def graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    paths = sorted(root.rglob("*.py"))
    modules = {module_name(path) for path in paths}
    return {module_name(path): imports(path, modules) for path in paths}


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Each import circle found by a depth-first walk, as the modules around it."""
    found, state, path = [], {}, []

    def walk(module: str) -> None:
        state[module] = "open"
        path.append(module)
        for target in sorted(edges.get(module, ())):
            if state.get(target) == "open":
                found.append([*path[path.index(target) :], target])
            elif target not in state:
                walk(target)
        path.pop()
        state[module] = "done"

    for module in sorted(edges):
        if module not in state:
            walk(module)
    return found


LAYERS = (
    "checker.site.settings",
    "checker.site.project",
    "checker.site.screens",
    "checker.site.markdown",
    "checker.site.courts",
    "checker.site.checks",
    "checker.site.pipeline",
    "checker.site.kit",
    "checker.site",
)
SITE_MODULES_AT_TOP = {"__init__", "__main__", "cli", "project", "settings"}


def layer(module: str) -> int:
    """0 for the core, else 1 + the index of the first layer the module is in."""
    for index, prefix in enumerate(LAYERS):
        if module == prefix or module.startswith(prefix + "."):
            return index + 1
    return 0


def upward_imports(edges: dict[str, set[str]]) -> list[str]:
    return sorted(
        f"{module} imports {target} (a higher layer)"
        for module, targets in edges.items()
        for target in targets
        if layer(target) > layer(module)
    )


def private_imports(root: Path = PACKAGE, base: Path = ROOT) -> list[str]:
    """``from X import _name`` where X is another module of the package."""
    found = []
    for path in sorted(root.rglob("*.py")):
        name = module_name(path, base)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                source = node.module or ""
                # The package imports absolutely; a relative import is read from its package.
                if node.level:
                    package = name.split(".")[: len(name.split(".")) - node.level]
                    source = ".".join([*package, *([source] if source else [])])
                if not source.startswith(root.name):
                    continue
                for alias in node.names:
                    private = alias.name.startswith("_") and not alias.name.startswith("__")
                    if private and source != name:
                        found.append(f"{path.relative_to(base)}:{node.lineno}: "
                                     f"{alias.name} from {source}")  # fmt: skip
    return found


def test_imports_point_down_through_the_layers():
    assert upward_imports(graph()) == []


def test_no_private_name_crosses_modules():
    assert private_imports() == []


def test_the_site_package_keeps_its_modules_in_rooms():
    loose = {p.stem for p in (PACKAGE / "site").glob("*.py")} - SITE_MODULES_AT_TOP
    assert loose == set(), f"modules directly in checker/site/: {sorted(loose)}"
    rooms = {p.parent.name for p in (PACKAGE / "site").glob("*/__init__.py")}
    assert {"screens", "markdown", "courts", "checks", "pipeline", "kit"} <= rooms


def planted(tmp_path: Path, files: dict[str, str]) -> Path:
    """A copy of the package's shape in ``tmp_path`` with the given files (path -> source)."""
    for relative, source in files.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source)
    return tmp_path / "checker"


def test_a_planted_upward_import_fails(tmp_path):
    package = planted(tmp_path, {
        "checker/__init__.py": "",
        "checker/site/__init__.py": "",
        "checker/site/markdown/__init__.py": "",
        "checker/site/markdown/render.py": "from checker.site.courts.registry import Court\n",
        "checker/site/courts/__init__.py": "",
        "checker/site/courts/registry.py": "from checker.site.markdown import render\n",
    })  # fmt: skip
    paths = sorted(package.rglob("*.py"))
    modules = {module_name(path, tmp_path) for path in paths}
    edges = {module_name(path, tmp_path): imports(path, modules, tmp_path) for path in paths}
    assert upward_imports(edges) == [
        "checker.site.markdown.render imports checker.site.courts.registry (a higher layer)"
    ]
    # The core importing the site is upward too.
    assert layer("checker.verify.crawl") < layer("checker.site.settings")


def test_a_planted_private_import_fails(tmp_path):
    package = planted(tmp_path, {
        "checker/__init__.py": "",
        "checker/one.py": "_secret = 1\nfrom checker.one import _secret\n",
        "checker/two.py": "from checker.one import _secret, __version__\n",
    })  # fmt: skip
    assert private_imports(package, tmp_path) == ["checker/two.py:1: _secret from checker.one"]


def test_no_import_circle_in_the_checker():
    edges = graph()
    assert circles(edges) == []
    verifier = {m: {t for t in e if t.startswith("checker.verify")} for m, e in edges.items()
                if m.startswith("checker.verify")}  # fmt: skip
    assert circles(verifier) == []
    # The parts below the command line never import the package itself (its __init__ imports
    # them) or the command line.
    for module, targets in verifier.items():
        if module not in ("checker.verify", "checker.verify.cli"):
            assert not targets & {"checker.verify", "checker.verify.cli"}, module


@pytest.mark.parametrize(
    "edges, circle",
    [
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, ["a", "b", "c", "a"]),
        ({"a": {"b"}, "b": set()}, None),
    ],
)
def test_the_circle_finder_finds_circles(edges, circle):
    assert circles(edges) == ([circle] if circle else [])


def test_function_level_imports_count(tmp_path):
    package = tmp_path / "checker"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "one.py").write_text("def f():\n    from .two import g\n")
    (package / "two.py").write_text("from checker.one import f\n")
    modules = {"checker", "checker.one", "checker.two"}
    assert imports(package / "one.py", modules, tmp_path) == {"checker.two"}
    assert imports(package / "two.py", modules, tmp_path) == {"checker.one"}
