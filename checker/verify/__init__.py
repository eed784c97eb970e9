"""The verifier: find statements of PACER username and password rules and check them.

One module per part, and imports flow one way (a test checks there is no circle):

- :mod:`.findings`: passages, mismatches and a run's outcome, which the other parts hand on;
- :mod:`.numbers`: figures, number words and legal style;
- :mod:`.statements`: reading rule statements in one sentence, and comparing them with the rules;
- :mod:`.passages`: passages into sentences, each with its lead-in, subject and dated column;
- :mod:`.readers`: HTML, PDF and plain text or Markdown, as passages;
- :mod:`.files`: files and folders;
- :mod:`.crawl`: a live site, by its address (:mod:`.robots` reads robots.txt, :mod:`.settings`
  holds the crawl's knobs);
- :mod:`.report`: the text, JSON and GitHub formats;
- :mod:`.cli`: ``python -m checker verify``.

The names other code uses are importable from here.
"""

from importlib import import_module

# Each public name and the module that holds it. Loaded when first used, so the command line
# (which only needs the verifier's options) starts without compiling its patterns.
_WHERE = {
    "check_file": "files", "find_files": "files", "verify_paths": "files", "verify_site": "files",
    "Mismatch": "findings", "Outcome": "findings", "Review": "findings", "Passage": "findings",
    "excerpt": "findings",
    "BLOCKS": "readers", "Unreadable": "readers", "html_passages": "readers",
    "text_passages": "readers", "verify_html": "readers", "verify_text": "readers",
    "KIND_OF_RULE": "statements", "SENTENCE_END": "passages", "check_passages": "passages",
    "format_mismatches": "statements", "may_state_rules": "statements", "normalise": "numbers",
}  # fmt: skip
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{_WHERE[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])
