"""The verifier's work is linear in its input, for every shape of input
(tests/support/verify_shapes.py).

Steps are counted (tests/support/steps.py), not timed: for each shape, the steps per character at
twice the size must stay what they are at the size (a reader that looks back over what it has read
would double them). ``make bench`` prints the same shapes' speed in MB/s.
"""

from __future__ import annotations

import io
import textwrap
import types

import pytest
from steps import VERIFY_DIR, Steps
from verify_shapes import SHAPES, run

from checker import RULESETS
from checker.verify import passages, readers

SIZE = 30_000
# Per character, 2n may cost this much more than n. Linear work gives ~1.0; work that grows with
# the square of the input gives ~2.
SLACK = 1.12


def steps_per_char(kind: str, data: str) -> float:
    with Steps() as steps:
        run(kind, data)
    assert steps.total > len(data) / 20, "the counter saw almost no work"
    return steps.total / len(data)


def growth(make, size: int = SIZE) -> float:
    small, large = make(size), make(2 * size)
    assert len(large[1]) > 1.8 * len(small[1])
    return steps_per_char(*large) / steps_per_char(*small)


@pytest.mark.parametrize("shape", SHAPES)
def test_work_grows_linearly(shape):
    kind, data = SHAPES[shape](SIZE)
    assert run(kind, data) >= 1, "each shape holds a stale statement the verifier must find"
    assert growth(SHAPES[shape]) < SLACK


def test_the_counter_counts_python_lines_and_regex_scans():
    with Steps() as steps:
        list(passages.sentence_spans("One. Two. " * 100))
    assert steps.lines > 100 and steps.scanned >= 1000
    assert passages.SENTENCE_END.search("x") is None  # the real pattern is back


def _injected(module, source: str, *defaults):
    """A function compiled as if it were in checker/verify/, whose globals are ``module``'s own
    (so the counter traces its lines and counts the patterns it looks up)."""
    code = compile(textwrap.dedent(source), f"{VERIFY_DIR}/_injected.py", "exec")
    function = next(const for const in code.co_consts if isinstance(const, types.CodeType))
    return types.FunctionType(function, vars(module), function.co_name, defaults)


def test_the_scaling_test_fails_on_a_reader_that_looks_back(monkeypatch):
    # The verifier before issue 18 looked for the innermost block back through the stack of open
    # elements on every run of text (the stack is now capped as a browser caps it; the blocks
    # seen so far are not).
    looks_back = _injected(readers, """
        def looks_back(self, position, data, original=None):
            next(name for name in reversed(self.block_names) if name == "#root")
            return original(self, position, data)
    """, readers._HtmlReader.text)
    monkeypatch.setattr(readers._HtmlReader, "text", looks_back)
    assert growth(SHAPES["nested <div>"]) > 1.5


def test_the_scaling_test_fails_on_a_search_from_the_start_each_time(monkeypatch):
    # As the verifier before issue 18 counted a sentence's line: from the start of its passage,
    # again for every sentence.
    from_the_start = _injected(passages, """
        def from_the_start(text, line_breaks=False, original=None):
            for start, stop in original(text, line_breaks):
                _WEAK.search(text, 0, stop)
                yield start, stop
    """, passages.sentence_spans)
    monkeypatch.setattr(passages, "sentence_spans", from_the_start)
    assert growth(SHAPES["many tiny sentences"], 6_000) > 1.5


def test_text_is_read_from_a_stream_line_by_line():
    assert run("text", "Passwords must be 8-45 characters.\n") == 1
    lines = io.StringIO("a\n" * 10)
    assert sum(1 for _ in readers.check_text(lines, "x.txt", RULESETS["pacer-2025"])) == 0
