"""The screen records (``checker/site/data/screens.toml``): loading and validation.

A record is data, not a picture: the window title, the host kind, the parts from top to bottom,
what to highlight, its source and the day it was checked. Labels that steps also name are written
once, in ``[labels]``, and a record refers to one as ``"@key"``. Every error names the file and
the key (``screens.toml: screens.ecf-login.parts[3]: ...``), as the facts loader does.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SCREENS_TOML = Path(__file__).resolve().parent.parent / "data" / "screens.toml"
# The seed documents a record may cite (the project's seeds/ folder, beside checker/).
SEEDS = Path(__file__).resolve().parents[3] / "seeds"

HOSTS = ("pacer", "pacer-home", "ecf")
COURT_TYPES = ("bankruptcy", "district")
RULE_BOXES = ("note", "password")

# Each part kind: the type of its value, and the options it may carry besides ``only``.
KINDS: Mapping[str, tuple[type, frozenset[str]]] = MappingProxyType({
    "heading": (str, frozenset()),
    "text": (str, frozenset()),
    "note": (str, frozenset()),
    "dialog": (str, frozenset()),
    "field": (str, frozenset({"value", "required", "select"})),
    "buttons": (list, frozenset()),
    "links": (list, frozenset()),
    "tabs": (list, frozenset({"active"})),
    "menu": (list, frozenset()),
    "rows": (list, frozenset()),
    "group": (str, frozenset({"links"})),
    "rules": (str, frozenset()),
    "qr": (str, frozenset()),
    "codes": (int, frozenset()),
})  # fmt: skip
# Kinds whose words are controls a step can name (the rest are sentences and placeholders).
CONTROL_KINDS = frozenset(
    {"heading", "dialog", "field", "buttons", "links", "tabs", "menu", "rows", "group"}
)
RECORD_KEYS = frozenset(
    {"name", "title", "host", "highlight", "source", "checked_on", "parts"}
)


class ScreenError(ValueError):
    """A screen record, or a use of one, that cannot be drawn; the message says where and why."""


@dataclass(frozen=True)
class Part:
    kind: str
    value: Any  # str, int, tuple of labels, or tuple of rows (tuples of labels)
    options: Mapping[str, Any] = field(default_factory=dict)

    @property
    def only(self) -> str:
        return self.options.get("only", "")

    def labels(self) -> tuple[str, ...]:
        """The names this part shows (a field's, a row's, a button's), without example values:
        what the step's text must also say, so nothing is lost without the picture."""
        if self.kind == "rows":
            return tuple(cell for row in self.value for cell in (row[0], *row[2:]) if cell)
        if self.kind == "field":
            return (self.value,)
        return self.controls()

    def controls(self) -> tuple[str, ...]:
        """The labels this part shows that a step may name (empty for sentences)."""
        if self.kind not in CONTROL_KINDS:
            return ()
        if self.kind == "rows":
            return tuple(cell for row in self.value for cell in row if cell)
        if self.kind == "group":
            return (self.value, *self.options.get("links", ()))
        if isinstance(self.value, tuple):
            return self.value
        # A field's example value counts: a step may say what it should read (INDIVIDUAL).
        return (self.value, *([self.options["value"]] if self.options.get("value") else []))


@dataclass(frozen=True)
class Source:
    seed: str = ""
    step: str = ""
    url: str = ""

    def __str__(self) -> str:
        return f"seeds/{self.seed}, step {self.step}" if self.seed else self.url


@dataclass(frozen=True)
class Screen:
    id: str
    name: str
    title: str
    host: str
    highlight: tuple[str, ...]
    parts: tuple[Part, ...]
    source: Source
    checked_on: dt.date
    path: Path

    @property
    def where(self) -> str:
        """Where the record is, for messages: ``screens.toml [screens.ID]``."""
        return f"{self.path.name} [screens.{self.id}]"

    @property
    def court_types(self) -> tuple[str, ...]:
        """The court types this screen differs by (empty when it looks the same for all)."""
        return tuple(t for t in COURT_TYPES if any(p.only == t for p in self.parts))

    def controls(self, court_type: str | None = None) -> tuple[str, ...]:
        """Every label a step may name, example values included (INDIVIDUAL, Jane Doe)."""
        return tuple(
            label for part in self._drawn(court_type) for label in part.controls()
        )

    def labels(self, court_type: str | None = None) -> tuple[str, ...]:
        """The names shown, without example values (see :meth:`Part.labels`)."""
        return tuple(label for part in self._drawn(court_type) for label in part.labels())

    def _drawn(self, court_type: str | None) -> tuple[Part, ...]:
        return tuple(p for p in self.parts if not p.only or court_type in (None, p.only))


@dataclass(frozen=True)
class Screens:
    path: Path
    labels: Mapping[str, str]
    screens: Mapping[str, Screen]

    def __getitem__(self, screen_id: str) -> Screen:
        try:
            return self.screens[screen_id]
        except KeyError:
            known = ", ".join(self.screens)
            raise ScreenError(
                f"{self.path.name}: no screen {screen_id!r}; screens: {known}"
            ) from None


def load(path: Path | str = SCREENS_TOML) -> Screens:
    """The records in ``path``; :class:`ScreenError` naming the file and key when one is wrong.

    Cached by path and modification time, so ``mkdocs serve`` sees an edited file.
    """
    path = Path(path)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError as error:
        raise ScreenError(f"{path}: cannot read the screen records: {error.strerror}") from None
    return _load(path, stamp)


@cache
def _load(path: Path, stamp: int) -> Screens:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ScreenError(f"{path.name}: not valid TOML: {error}") from None
    unknown = set(data) - {"labels", "screens"}
    if unknown:
        raise ScreenError(
            f"{path.name}: unknown table(s) {sorted(unknown)}; expected labels, screens"
        )
    labels = data.get("labels", {})
    for key, value in labels.items():
        if not isinstance(value, str) or not value.strip():
            raise ScreenError(f"{path.name}: labels.{key}: expected a non-empty string")
    raw = data.get("screens")
    if not isinstance(raw, dict) or not raw:
        raise ScreenError(f"{path.name}: expected [screens.ID] tables")
    reader = _Reader(path, MappingProxyType(labels), raw)
    screens = {screen_id: reader.screen(screen_id) for screen_id in raw}
    return Screens(path, MappingProxyType(dict(labels)), MappingProxyType(screens))


class _Reader:
    def __init__(self, path: Path, labels: Mapping[str, str], raw: Mapping[str, Any]) -> None:
        self.path, self.labels, self.raw = path, labels, raw

    def fail(self, key: str, message: str) -> ScreenError:
        return ScreenError(f"{self.path.name}: {key}: {message}")

    def label(self, key: str, value: Any) -> str:
        if not isinstance(value, str):
            raise self.fail(key, f"expected a string, got {value!r}")
        if value.startswith("@"):
            if value[1:] not in self.labels:
                known = ", ".join(f"@{k}" for k in self.labels)
                raise self.fail(key, f"unknown label {value!r}; labels: {known}")
            return self.labels[value[1:]]
        return value

    def screen(self, screen_id: str) -> Screen:
        record = self.raw[screen_id]
        key = f"screens.{screen_id}"
        if not _ID.fullmatch(screen_id):
            # An id goes into shortcodes, attributes and file names as it is.
            raise self.fail(key, "an id is lower-case letters, digits and hyphens")
        if not isinstance(record, dict):
            raise self.fail(key, "expected a table")
        unknown = set(record) - RECORD_KEYS
        if unknown:
            raise self.fail(key, f"unknown key(s) {sorted(unknown)}; valid: {sorted(RECORD_KEYS)}")
        merged = record
        for required in ("name", "title", "host", "source", "checked_on", "parts"):
            if required not in merged:
                raise self.fail(key, f"missing key {required!r}")
        name = self.label(f"{key}.name", merged["name"])
        title = self.label(f"{key}.title", merged["title"])
        host = merged["host"]
        if host not in HOSTS:
            raise self.fail(f"{key}.host", f"expected one of {', '.join(HOSTS)}, got {host!r}")
        checked_on = merged["checked_on"]
        if not isinstance(checked_on, dt.date) or isinstance(checked_on, dt.datetime):
            raise self.fail(
                f"{key}.checked_on", f"expected a date (2026-12-06), got {checked_on!r}"
            )
        parts = merged["parts"]
        if not isinstance(parts, list) or not parts:
            raise self.fail(f"{key}.parts", "expected a list of parts")
        parts = tuple(self.part(f"{key}.parts[{i}]", part) for i, part in enumerate(parts))
        highlight = merged.get("highlight", [])
        if not isinstance(highlight, list):
            raise self.fail(f"{key}.highlight", "expected a list of labels")
        shown = {label for part in parts for label in part.controls()}
        marks = []
        for index, value in enumerate(highlight):
            label = self.label(f"{key}.highlight[{index}]", value)
            if label not in shown:
                raise self.fail(
                    f"{key}.highlight[{index}]", f"{label!r} is not a control this screen shows"
                )
            marks.append(label)
        return Screen(
            id=screen_id, name=name, title=title, host=host, highlight=tuple(marks),
            parts=parts, source=self.source(f"{key}.source", merged["source"]),
            checked_on=checked_on, path=self.path,
        )  # fmt: skip

    def source(self, key: str, value: Any) -> Source:
        if not isinstance(value, dict):
            raise self.fail(key, "expected { seed = ..., step = ... } or { url = ... }")
        if set(value) == {"url"}:
            url = value["url"]
            if not isinstance(url, str) or not url.startswith("https://"):
                raise self.fail(f"{key}.url", f"expected an https:// address, got {url!r}")
            return Source(url=url)
        if set(value) != {"seed", "step"}:
            raise self.fail(key, f"expected seed and step, or url; got {sorted(value)}")
        seed, step = str(value["seed"]), str(value["step"])
        # Checked only where the seeds are (a source checkout), not in an installed package.
        if SEEDS.is_dir() and not (SEEDS / seed).is_file():
            raise self.fail(f"{key}.seed", f"no seed document {seed!r} in seeds/")
        return Source(seed=seed, step=step)

    def part(self, key: str, value: Any) -> Part:
        if not isinstance(value, dict):
            raise self.fail(key, "expected a table such as { field = \"Username\" }")
        kinds = [k for k in value if k in KINDS and not (k == "links" and "group" in value)]
        if len(kinds) != 1:
            raise self.fail(
                key, f"expected exactly one of {', '.join(KINDS)}; got {sorted(value) or 'none'}"
            )
        kind = kinds[0]
        expected, allowed = KINDS[kind]
        options = {k: v for k, v in value.items() if k != kind}
        unknown = set(options) - allowed - {"only"}
        if unknown:
            valid = sorted(allowed | {"only"})
            raise self.fail(key, f"{kind}: unknown option(s) {sorted(unknown)}; valid: {valid}")
        if "only" in options and options["only"] not in COURT_TYPES:
            raise self.fail(f"{key}.only", f"expected one of {', '.join(COURT_TYPES)}")
        raw = value[kind]
        if not isinstance(raw, expected) or isinstance(raw, bool):
            raise self.fail(f"{key}.{kind}", f"expected a {expected.__name__}, got {raw!r}")
        item: Any
        if kind == "rows":
            item = tuple(self.row(f"{key}.rows[{i}]", row) for i, row in enumerate(raw))
        elif kind == "rules":
            if raw not in RULE_BOXES:
                raise self.fail(f"{key}.rules", f"expected one of {', '.join(RULE_BOXES)}")
            item = raw
        elif kind == "codes":
            if not 1 <= raw <= 10:
                raise self.fail(f"{key}.codes", "expected 1 to 10 placeholder codes")
            item = raw
        elif kind == "qr":
            if raw != "placeholder":
                # A drawing never carries a real secret: only the placeholder pattern exists.
                raise self.fail(f"{key}.qr", 'only "placeholder" is drawn, never a real code')
            item = raw
        elif isinstance(raw, list):
            if not raw:
                raise self.fail(f"{key}.{kind}", "expected at least one label")
            item = tuple(self.label(f"{key}.{kind}[{i}]", v) for i, v in enumerate(raw))
        else:
            item = self.label(f"{key}.{kind}", raw)
        if "links" in options:
            links = options["links"]
            if not isinstance(links, list) or not links:
                raise self.fail(f"{key}.links", "expected a list of labels")
            options["links"] = tuple(
                self.label(f"{key}.links[{i}]", v) for i, v in enumerate(links)
            )
        for text in ("value", "active"):
            if text in options:
                options[text] = self.label(f"{key}.{text}", options[text])
        if kind == "tabs" and options.get("active", item[0]) not in item:
            raise self.fail(f"{key}.active", f"{options['active']!r} is not one of the tabs")
        for flag in ("required", "select"):
            if flag in options and not isinstance(options[flag], bool):
                raise self.fail(f"{key}.{flag}", "expected true or false")
        return Part(kind, item, MappingProxyType(options))

    def row(self, key: str, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not 2 <= len(value) <= 3:
            raise self.fail(key, "expected [label, value] or [label, value, link]")
        return tuple(self.label(f"{key}[{i}]", v) for i, v in enumerate(value))
