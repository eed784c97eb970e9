"""The verifier's modules import one another one way only: no import circle, at any depth.

Imports are read from the source (every ``import`` statement, also those inside functions, which
hide a circle from Python but not from a reader), so a circle fails here even if it never fails
at run time.
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


def test_the_verifier_is_a_package_of_small_modules():
    names = {path.stem for path in (PACKAGE / "verify").glob("*.py")}
    assert {"statements", "readers", "crawl", "report"} <= names
    assert not (PACKAGE / "verify.py").exists()


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
