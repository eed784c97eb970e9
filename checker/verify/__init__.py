"""The verifier: find statements of PACER username and password rules and check them.

One module per part, and imports flow one way (a test checks there is no circle):

- :mod:`.findings`: passages, mismatches and a run's outcome, which the other parts hand on;
- :mod:`.statements`: reading rule statements in a passage's sentences;
- :mod:`.readers`: HTML, PDF and plain text or Markdown, as passages;
- :mod:`.files`: files and folders;
- :mod:`.crawl`: a live site, by its address;
- :mod:`.report`: the text, JSON and GitHub formats;
- :mod:`.cli`: ``python -m checker verify``.

The names other code uses are importable from here.
"""

from .files import check_file, find_files, verify_paths, verify_site
from .findings import Mismatch, Outcome, Passage, excerpt
from .readers import BLOCKS, Unreadable, html_passages, text_passages, verify_html, verify_text
from .statements import (
    KIND_OF_RULE,
    SENTENCE_END,
    check_passages,
    format_mismatches,
    may_state_rules,
    normalise,
)

__all__ = [
    "BLOCKS",
    "KIND_OF_RULE",
    "SENTENCE_END",
    "Mismatch",
    "Outcome",
    "Passage",
    "Unreadable",
    "check_file",
    "check_passages",
    "excerpt",
    "find_files",
    "format_mismatches",
    "html_passages",
    "may_state_rules",
    "normalise",
    "text_passages",
    "verify_html",
    "verify_paths",
    "verify_site",
    "verify_text",
]
