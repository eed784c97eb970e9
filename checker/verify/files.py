"""The verifier on files and folders: which files it reads, and one outcome for all of them."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from checker.rulesets import DEFAULT_RULESET, RuleSet, get_ruleset
from checker.verify.findings import Mismatch, Outcome, VerifyUsageError
from checker.verify.readers import Unreadable, check_html, check_pdf, check_text

KINDS = {".html": "html", ".htm": "html", ".pdf": "pdf", ".txt": "text", ".md": "text"}
_TYPES = ", ".join(KINDS)


def find_files(root: Path) -> Iterator[Path]:
    """The files under ``root`` the verifier reads, in a stable order, found as they are read.

    A walk, not a sorted list of the whole tree: memory stays flat however large the site.
    """
    for folder, subfolders, names in os.walk(root):
        subfolders.sort()
        for name in sorted(names):
            path = Path(folder, name)
            if path.suffix.lower() in KINDS and path.is_file():
                yield path


def check_file(path: Path, name: str, rules: RuleSet) -> Iterator[Mismatch]:
    """Each mismatch in one file, named ``name``; raises :class:`Unreadable`."""
    kind = KINDS[path.suffix.lower()]
    if kind == "pdf":
        with path.open("rb") as handle:
            yield from check_pdf(handle, name, rules)
    elif kind == "html":
        yield from check_html(path.read_text(encoding="utf-8", errors="replace"), name, rules)
    else:
        with path.open(encoding="utf-8", errors="replace") as lines:
            yield from check_text(lines, name, rules)


def verify_site(site_dir: Path | str, ruleset: str | RuleSet = DEFAULT_RULESET) -> list[Mismatch]:
    """Every mismatch in ``site_dir``'s HTML, files named relative to ``site_dir`` (the build).

    One process; :func:`checker.site.checks.drift.check_site` reads the :func:`site_runs` on
    several.
    """
    root = Path(site_dir)
    return verify_pages(root, get_ruleset(ruleset).name, site_runs(root)[0])


def site_runs(root: Path, jobs: int = 1) -> list[list[Path]]:
    """A built site's pages, in order, cut into at most ``jobs`` runs of about equal length."""
    pages = sorted(root.rglob("*.html"))
    size = -(-len(pages) // max(1, jobs)) if len(pages) >= 2 * jobs else len(pages)
    return [pages[start : start + size] for start in range(0, len(pages), size)] or [[]]


def verify_pages(root: Path, ruleset: str, pages: list[Path]) -> list[Mismatch]:
    """Every mismatch in ``pages`` (files under ``root``, named relative to it)."""
    rules = get_ruleset(ruleset)
    found: list[Mismatch] = []
    for path in pages:
        found.extend(check_file(path, path.relative_to(root).as_posix(), rules))
    return found


def check_paths(paths: Sequence[str]) -> None:
    """Raise :class:`VerifyUsageError` for the first path the verifier cannot take."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            if next(find_files(path), None) is None:
                raise VerifyUsageError(f"{given}: no {_TYPES} files in this folder (build first?)")
        elif not path.is_file():
            raise VerifyUsageError(f"{given}: no such file or folder")
        elif path.suffix.lower() not in KINDS:
            raise VerifyUsageError(f"{given}: not a file type verify reads ({_TYPES})")


def targets(paths: Sequence[str]) -> Iterator[tuple[Path, str]]:
    """(file, name shown in reports) for each file to read; names are paths as given."""
    for given in paths:
        path = Path(given)
        files = find_files(path) if path.is_dir() else [path]
        yield from ((file, file.as_posix()) for file in files)


def verify_paths(paths: Sequence[str], ruleset: str = DEFAULT_RULESET) -> Outcome:
    rules = get_ruleset(ruleset)
    check_paths(paths)
    outcome = Outcome(rules.name)
    for path, name in targets(paths):
        try:
            found = list(check_file(path, name, rules))
        except Unreadable as error:
            outcome.unreadable.append((name, str(error)))
            continue
        outcome.files.append(name)
        outcome.mismatches.extend(found)
    return outcome
