"""Which files a run reads: the ``include`` and ``exclude`` globs (settings file or options).

A glob matches a file's path relative to a base folder (the settings file's folder for globs
written there, the current folder for ``--include``/``--exclude``), with ``/`` between folders:

- ``*`` matches within one folder name, ``?`` one character, ``[abc]`` one of a set;
- ``**`` matches any number of folders (``docs/**/*.md``);
- a glob with no ``/`` but at its end matches a name in any folder (``*.pdf``, ``404.html``), as
  in ``.gitignore``; ``./site`` is the base folder's ``site`` only;
- a glob that matches a folder matches everything in it (``docs/courts``).

A file is read when no ``include`` is given or one matches, and no ``exclude`` matches. The
globs apply to files named on the command line too, so a pre-commit hook that passes every
changed file still skips what the settings exclude.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=256)
def translate(glob: str) -> re.Pattern[str]:
    """The regular expression a glob stands for (whole path; a folder's glob matches inside)."""
    written = glob.strip().replace("\\", "/")
    # A slash before the end ties the glob to the base folder ("./site/", "docs/*.md").
    anchored = "/" in written.rstrip("/")
    text = written.removeprefix("./").rstrip("/")
    parts, position = [], 0
    while position < len(text):
        char = text[position]
        if text.startswith("**/", position):
            parts.append("(?:.*/)?")
            position += 3
            continue
        if text.startswith("**", position):
            parts.append(".*")
            position += 2
            continue
        if char == "*":
            parts.append("[^/]*")
        elif char == "?":
            parts.append("[^/]")
        elif char == "[" and (end := text.find("]", position + 2)) > 0:
            members = text[position + 1 : end]
            negated = members.startswith("!")
            members = re.escape(members[1:] if negated else members).replace("\\-", "-")
            parts.append(f"[{'^/' if negated else ''}{members}]")
            position = end + 1
            continue
        else:
            parts.append(re.escape(char))
        position += 1
    anywhere = "" if anchored else "(?:.*/)?"
    return re.compile(f"{anywhere}{''.join(parts)}(?:/.*)?", re.IGNORECASE if os.sep == "\\" else 0)


@dataclass(frozen=True)
class Globs:
    """Globs and the folder their paths are relative to."""

    patterns: tuple[str, ...]
    base: Path

    def matches(self, path: Path) -> bool:
        absolute = path.resolve()
        try:
            relative = absolute.relative_to(self.base.resolve()).as_posix()
        except ValueError:  # outside the base folder: the path as given
            relative = path.as_posix().removeprefix("./")
        return any(translate(glob).fullmatch(relative) for glob in self.patterns)


@dataclass(frozen=True)
class Selection:
    """The ``include`` and ``exclude`` globs of one run; empty selects every file."""

    include: Globs | None = None
    exclude: Globs | None = None

    def __call__(self, path: Path) -> bool:
        if self.include and self.include.patterns and not self.include.matches(path):
            return False
        return not self.excluded(path)

    def excluded(self, path: Path) -> bool:
        """Whether an exclude glob matches ``path``: a folder's match covers all it holds, so a
        walk need not enter it."""
        return bool(self.exclude and self.exclude.matches(path))
