"""The verifier on files and folders: which files it reads, and one outcome for all of them.

A file or folder it cannot open (no permission, a broken link, a file that vanished) is named with
the reason, and the others are still read; so is a file over its time budget. HTML and text are
read a part at a time (:mod:`.readers`), so memory stays flat whatever a file's size. Names are
shown as valid Unicode: bytes of a name that are not UTF-8 are written as escapes (``\\xe9``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from checker.rulesets import DEFAULT_RULESET, RuleSet, get_ruleset
from checker.verify import readers
from checker.verify.findings import Found, Mismatch, Outcome, Review, VerifyUsageError, bounded
from checker.verify.readers import (
    OverBudget,
    Unreadable,
    bounded_lines,
    check_html,
    check_pdf,
    check_text,
    time_budget,
)  # fmt: skip
from checker.verify.selection import Selection

KINDS = {".html": "html", ".htm": "html", ".pdf": "pdf", ".txt": "text", ".md": "text"}
_TYPES = ", ".join(KINDS)


def find_files(
    root: Path,
    skip: Callable[[Path], bool] | None = None,
    unreadable: list[tuple[str, str]] | None = None,
) -> Iterator[Path]:
    """The files under ``root`` the verifier reads, in a stable order, found as they are read.

    A walk, not a sorted list of the whole tree: memory stays flat however large the site.
    ``skip``: folders not to enter (excluded by the settings: a node_modules is never walked).
    A folder that cannot be listed is added to ``unreadable`` (name, reason).
    """

    def cannot_list(error: OSError) -> None:
        if unreadable is not None:
            unreadable.append((shown(Path(error.filename or root).as_posix()), reason(error)))

    for folder, subfolders, names in os.walk(root, onerror=cannot_list):
        subfolders[:] = [name for name in sorted(subfolders)
                         if skip is None or not skip(Path(folder, name))]  # fmt: skip
        for name in sorted(names):
            path = Path(folder, name)
            if path.suffix.lower() in KINDS and path.is_file():
                yield path


def check_file(path: Path, name: str, rules: RuleSet) -> Iterator[Found]:
    """Each finding in one file, named ``name``; raises :class:`Unreadable`."""
    kind = KINDS[path.suffix.lower()]
    if kind == "pdf":
        with path.open("rb") as handle:
            yield from check_pdf(handle, name, rules)
    elif kind == "html":
        with path.open(encoding="utf-8", errors="replace") as handle:
            yield from check_html(handle, name, rules)
    else:
        with path.open(encoding="utf-8", errors="replace") as handle:
            yield from check_text(bounded_lines(handle), name, rules)


def shown(name: str | os.PathLike) -> str:
    """A file name as reports show it: valid Unicode (a name's bytes that are not UTF-8, which
    Python holds as lone surrogates, as escapes such as ``\\xe9``), so JSON output stays UTF-8."""
    text = os.fspath(name)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text


def reason(error: OSError) -> str:
    """Why a file could not be opened, in a few words ("permission denied")."""
    words = error.strerror or type(error).__name__
    return words[:1].lower() + words[1:]


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
    return [item for item in read_pages(root, ruleset, pages) if isinstance(item, Mismatch)]


def read_pages(root: Path, ruleset: str, pages: list[Path]) -> list[Mismatch | Review]:
    """Every mismatch and passage to review in ``pages`` (files under ``root``, named relative
    to it), in page order; what inline comments silenced is left out."""
    rules = get_ruleset(ruleset)
    found: list[Mismatch | Review] = []
    for path in pages:
        name = path.relative_to(root).as_posix()
        found.extend(
            item for item in check_file(path, name, rules) if isinstance(item, Mismatch | Review)
        )
    return found


def check_paths(paths: Sequence[str]) -> None:
    """Raise :class:`VerifyUsageError` for the first path the verifier cannot take. A folder
    that cannot be listed is no usage error: :func:`verify_paths` names it as unreadable."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            cannot: list[tuple[str, str]] = []
            if next(find_files(path, unreadable=cannot), None) is None and not cannot:
                raise VerifyUsageError(
                    f"{shown(given)}: no {_TYPES} files in this folder (build first?)"
                )
        elif not path.is_file():
            raise VerifyUsageError(f"{shown(given)}: no such file or folder")
        elif path.suffix.lower() not in KINDS:
            raise VerifyUsageError(f"{shown(given)}: not a file type verify reads ({_TYPES})")


def targets(
    paths: Sequence[str],
    keep: Selection | None = None,
    unreadable: list[tuple[str, str]] | None = None,
) -> Iterator[tuple[Path, str]]:
    """(file, name shown in reports) for each file to read; names are paths as given.

    ``keep``: which files to read (the settings' include and exclude globs), named or found.
    Folders that cannot be listed go to ``unreadable``.
    """
    skip = keep.excluded if keep else None
    for given in paths:
        path = Path(given)
        files = find_files(path, skip, unreadable) if path.is_dir() else [path]
        yield from (
            (file, shown(file.as_posix())) for file in files if keep is None or keep(file)
        )


def verify_paths(
    paths: Sequence[str],
    ruleset: str = DEFAULT_RULESET,
    keep: Selection | None = None,
) -> Outcome:
    rules = get_ruleset(ruleset)
    check_paths(paths)
    outcome = Outcome(rules.name)
    for path, name in targets(paths, keep, outcome.unreadable):
        budget = readers.READ_BUDGET
        try:
            with time_budget(budget):
                found, more = bounded(check_file(path, name, rules))
        except Unreadable as error:
            outcome.unreadable.append((name, str(error)))
            continue
        except OSError as error:
            outcome.unreadable.append((name, reason(error)))
            continue
        except OverBudget:
            outcome.unreadable.append((name, f"took more than {budget:g} s to read"))
            continue
        outcome.files.append(name)
        outcome.add(found)
        outcome.add_unlisted(more)
    return outcome
