"""The verifier's settings file: ``.pacer-checker.toml``, or ``[tool.pacer-checker]`` in
``pyproject.toml``.

The command line looks in the current folder, then in each folder above it, and takes the first
``.pacer-checker.toml``, or ``pyproject.toml`` that has the table (``.pacer-checker.toml`` first
when a folder has both); ``--config FILE`` names one. Keys, each the long option's name::

    ruleset = "pacer-2025"
    fail-on = "review"               # or "mismatch" (the default)
    baseline = "pacer-baseline.json" # relative to the settings file
    include = ["docs/**/*.md", "site"]
    exclude = ["docs/courts"]        # globs, relative to the settings file (see .selection)
    max-pages = 500                  # and every other crawl knob of .settings.Settings:
    delay = 2.0                      # delay, concurrency, max-pages, max-bytes, timeout,
    include-hosts = ["www.example.uscourts.gov"]   # include-hosts, ...

An option on the command line wins over the file. A key the verifier does not know, or a value
of the wrong type, is an error naming the file and the key (exit 2): a misspelt key that did
nothing would let a run pass that its author meant to fail.
"""

from __future__ import annotations

import argparse
import difflib
import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from checker.rulesets import RULESETS
from checker.verify.selection import Globs
from checker.verify.settings import BOUNDS, Settings, out_of_bounds

NAMES = (".pacer-checker.toml", "pyproject.toml")
TABLE = ("tool", "pacer-checker")
FAIL_ON = ("mismatch", "review")
# Where the parsed options keep the true defaults of the options a key sets (defer_defaults).
_DEFAULTS = "file_defaults"


class ConfigError(Exception):
    """A settings file that cannot be used: one line naming the file (and key), exit 2."""


@dataclass(frozen=True)
class Key:
    """One key of the settings file: its name there, the option it sets, and its check.

    ``check`` returns the value to use, or raises :class:`ValueError` saying what was expected.
    """

    name: str
    dest: str
    check: Callable[[Any, Path], Any]


def _text(choices: tuple[str, ...] | None = None) -> Callable[[Any, Path], str]:
    def check(value: Any, folder: Path) -> str:
        if not isinstance(value, str) or (choices and value not in choices):
            raise ValueError(f"one of {', '.join(choices)}" if choices else "a string")
        return value

    return check


def _path(value: Any, folder: Path) -> Path:
    if not isinstance(value, str) or not value:
        raise ValueError("a file name (a string)")
    return folder / value


def _globs(value: Any, folder: Path) -> Globs:
    return Globs(tuple(_strings(value, folder)), folder)


def _strings(value: Any, folder: Path) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError("a list of strings")
    return value


def _knob(name: str, kind: type) -> Callable[[Any, Path], Any]:
    """A crawl knob's check, from its default's type and its :data:`.settings.BOUNDS`."""

    def check(value: Any, folder: Path) -> Any:
        if kind is tuple:
            return tuple(_strings(value, folder))
        if kind not in (int, float):  # a knob of another type: that type, as TOML gives it
            if not isinstance(value, kind):
                raise ValueError(f"a {kind.__name__}")
            return value
        whole = kind is int
        number = isinstance(value, int) or (not whole and isinstance(value, float))
        what = "a whole number" if whole else "a number"
        if isinstance(value, bool) or not number:
            raise ValueError(what)
        problem = out_of_bounds(name, value) if name in BOUNDS else None
        if problem:
            raise ValueError(problem if problem == "a finite number" else f"{what}, {problem}")
        return value

    return check


def known_keys() -> dict[str, Key]:
    """Every key a settings file may hold, by name; the crawl's come from its :class:`Settings`."""
    listed = [
        Key("ruleset", "ruleset", _text(tuple(RULESETS))),
        Key("fail-on", "fail_on", _text(FAIL_ON)),
        Key("baseline", "baseline", _path),
        Key("include", "include", _globs),
        Key("exclude", "exclude", _globs),
    ]
    for knob in fields(Settings):
        listed.append(Key(knob.name.replace("_", "-"), knob.name,
                          _knob(knob.name, type(knob.default))))  # fmt: skip
    return {key.name: key for key in listed}


@dataclass
class FileSettings:
    """What one settings file set: option destinations and their values (``path`` None: no file)."""

    path: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)


def find(start: Path) -> Path | None:
    """The settings file that applies in ``start``: the nearest, looking up from it."""
    for folder in (start, *start.parents):
        for name in NAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_table(candidate)):
                return candidate
    return None


def load(path: Path | str | None = None, start: Path | None = None) -> FileSettings:
    """Read ``path``, or the file :func:`find` finds from ``start`` (the current folder)."""
    if path is None:
        found = find((start or Path.cwd()).resolve())
        if found is None:
            return FileSettings()
        path = found
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: no such settings file")
    table, where = _table(path)
    known = known_keys()
    values: dict[str, Any] = {}
    for name, value in table.items():
        key = known.get(name)
        if key is None:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f" (known: {', '.join(known)})"
            raise ConfigError(f"{_shown(path)}: {where}unknown key {name!r}{hint}")
        try:
            values[key.dest] = key.check(value, path.resolve().parent)
        except ValueError as error:
            raise ConfigError(
                f"{_shown(path)}: {where}{name}: expected {error}, not {value!r}"
            ) from None
    return FileSettings(path, values)


def defer_defaults(parser: argparse.ArgumentParser) -> None:
    """Let the settings file fill what the command line leaves out.

    Call it after every option is added: each option a key sets gets ``None`` as its default, so
    :func:`resolve` can tell "not given" from "given as the default"; the true defaults are kept
    on the parsed options.
    """
    dests = {key.dest for key in known_keys().values()}
    actions = {dest: parser.get_default(dest) for dest in dests}
    parser.set_defaults(**{_DEFAULTS: actions}, **{dest: None for dest in dests})


def resolve(options: argparse.Namespace, settings: FileSettings) -> dict[str, Any]:
    """Each key's value: from the command line, else the settings file, else the default."""
    defaults = getattr(options, _DEFAULTS, {})
    resolved: dict[str, Any] = {}
    for key in known_keys().values():
        given = getattr(options, key.dest, None)
        if given is not None and key.dest in ("include", "exclude"):
            given = Globs(tuple(given), Path.cwd())
        if given is None:
            given = settings.values.get(key.dest, defaults.get(key.dest))
        resolved[key.dest] = given
    return resolved


def _has_table(path: Path) -> bool:
    """Whether ``path`` (a pyproject.toml) is ours to read: it has the table, or it cannot be
    parsed and names the table (an error to report, not a file to pass over)."""
    try:
        _table(path)
    except ConfigError as error:
        if "not a TOML file" in str(error):
            return b"pacer-checker" in path.read_bytes()
        return "no [tool.pacer-checker]" not in str(error)
    return True


def _table(path: Path) -> tuple[dict[str, Any], str]:
    """The settings table of ``path`` and how to name it in a message."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{_shown(path)}: not a TOML file: {error}") from None
    if path.name != "pyproject.toml":
        return data, ""
    table: Any = data
    for part in TABLE:
        table = table.get(part) if isinstance(table, dict) else None
    if table is None:
        raise ConfigError(f"{_shown(path)}: no [tool.pacer-checker] table")
    if not isinstance(table, dict):
        raise ConfigError(f"{_shown(path)}: tool.pacer-checker must be a table")
    return table, "[tool.pacer-checker] "


def _shown(path: Path) -> str:
    """A settings file's name in a message: relative to the current folder when it is inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return str(path)
