"""A step counter for the verifier: work counted, not timed, so a shared machine cannot skew it.

A step is one of:
- a line of Python executed in ``checker/verify/`` (``sys.settrace``; generator expressions and
  comprehensions included, so a loop back through a growing stack or list counts each turn);
- a character a regular expression of the verifier scanned: from where a search starts to where
  its match ends, or to the end of the window when it finds nothing (so a search that starts
  again from the beginning of a growing text counts the whole text each time).

Every regular expression the verifier's modules hold (module globals, and the lists, tuples and
dicts of them, also bound ``search`` methods) is swapped for a counting one while the counter
runs, and so is each module's ``re``, so a pattern compiled at run time is counted too.

Not counted: work inside one call of a string method (``str.count``, ``find``, ``split``,
``join``) or one slice (``text[:start]``). The verifier calls those on windows that move forward
through the input or are bounded; a call or a slice that copied from the start again would escape
this counter (the 20 MB shapes of ``make bench`` caught one: a look at the text before each
sentence), as would a regular expression that backtracks within one call (those are written
possessive or with bounded repeats).
"""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path

import checker.verify

VERIFY_DIR = str(Path(checker.verify.__file__).resolve().parent)


class Steps:
    """``with Steps() as steps: ...``; then ``steps.lines``, ``steps.scanned``, ``steps.total``."""

    def __init__(self) -> None:
        self.lines = 0
        self.scanned = 0
        self._restore: list[tuple[object, str, object]] = []

    @property
    def total(self) -> int:
        return self.lines + self.scanned

    def __enter__(self) -> Steps:
        for module in list(sys.modules.values()):
            if getattr(module, "__name__", "").startswith("checker.verify"):
                self._swap_module(module)
        sys.settrace(self._call)
        return self

    def __exit__(self, *exc) -> None:
        sys.settrace(None)
        for owner, name, value in reversed(self._restore):
            setattr(owner, name, value)
        self._restore.clear()

    # --- Python lines ---------------------------------------------------------------------

    def _call(self, frame, event, arg):
        if frame.f_code.co_filename.startswith(VERIFY_DIR):
            return self._line
        return None

    def _line(self, frame, event, arg):
        if event == "line":
            self.lines += 1
        return self._line

    # --- regular expressions ----------------------------------------------------------------

    def _swap_module(self, module: types.ModuleType) -> None:
        for name, value in list(vars(module).items()):
            if value is re:
                self._set(module, name, _CountingRe(self))
                continue
            swapped = self._swap(value, depth=3)
            if swapped is not value:
                self._set(module, name, swapped)

    def _set(self, owner: object, name: str, value: object) -> None:
        self._restore.append((owner, name, getattr(owner, name)))
        setattr(owner, name, value)

    def _swap(self, value: object, depth: int) -> object:
        if isinstance(value, re.Pattern):
            return _CountingPattern(value, self)
        if isinstance(value, types.BuiltinMethodType) and isinstance(
            getattr(value, "__self__", None), re.Pattern
        ):
            return getattr(_CountingPattern(value.__self__, self), value.__name__)
        if depth == 0:
            return value
        if isinstance(value, list | tuple):
            items = [self._swap(item, depth - 1) for item in value]
            if any(new is not old for new, old in zip(items, value, strict=True)):
                return type(value)(items)
        elif isinstance(value, dict):
            items = {key: self._swap(item, depth - 1) for key, item in value.items()}
            if any(items[key] is not value[key] for key in value):
                return items
        return value


class _CountingPattern:
    """A compiled pattern that adds what each call scans to a :class:`Steps`."""

    def __init__(self, pattern: re.Pattern, steps: Steps) -> None:
        self._pattern, self._steps = pattern, steps
        self.pattern, self.flags, self.groups = pattern.pattern, pattern.flags, pattern.groups

    def _window(self, string: str, pos: int, endpos: int | None) -> tuple[int, int]:
        return pos, len(string) if endpos is None else min(endpos, len(string))

    def search(self, string, pos=0, endpos=None):
        start, end = self._window(string, pos, endpos)
        match = self._pattern.search(string, start, end)
        self._steps.scanned += (match.end() if match else end) - start + 1
        return match

    def match(self, string, pos=0, endpos=None):
        start, end = self._window(string, pos, endpos)
        match = self._pattern.match(string, start, end)
        self._steps.scanned += (match.end() - start if match else 0) + 1
        return match

    def fullmatch(self, string, pos=0, endpos=None):
        start, end = self._window(string, pos, endpos)
        self._steps.scanned += end - start + 1
        return self._pattern.fullmatch(string, start, end)

    def finditer(self, string, pos=0, endpos=None):
        start, end = self._window(string, pos, endpos)
        last = start
        for match in self._pattern.finditer(string, start, end):
            self._steps.scanned += match.end() - last + 1
            last = match.end()
            yield match
        self._steps.scanned += end - last + 1

    def sub(self, repl, string, count=0):
        self._steps.scanned += len(string) + 1
        return self._pattern.sub(repl, string, count)

    def split(self, string, maxsplit=0):
        self._steps.scanned += len(string) + 1
        return self._pattern.split(string, maxsplit)


class _CountingRe:
    """A module's ``re``: patterns it compiles, and its module-level calls, are counted."""

    def __init__(self, steps: Steps) -> None:
        self._steps = steps

    def compile(self, pattern, flags=0):
        return _CountingPattern(re.compile(pattern, flags), self._steps)

    def search(self, pattern, string, flags=0):
        return self.compile(pattern, flags).search(string)

    def match(self, pattern, string, flags=0):
        return self.compile(pattern, flags).match(string)

    def fullmatch(self, pattern, string, flags=0):
        return self.compile(pattern, flags).fullmatch(string)

    def finditer(self, pattern, string, flags=0):
        return self.compile(pattern, flags).finditer(string)

    def sub(self, pattern, repl, string, count=0, flags=0):
        return self.compile(pattern, flags).sub(repl, string, count)

    def split(self, pattern, string, maxsplit=0, flags=0):
        return self.compile(pattern, flags).split(string, maxsplit)

    def __getattr__(self, name):
        if name in ("findall", "subn", "escape_and_search"):
            raise AttributeError(f"re.{name} is not counted by tests/support/steps.py: add it")
        return getattr(re, name)
