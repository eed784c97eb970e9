"""What the verifier's parts hand each other: passages read from a source, and mismatches found.

The readers make :class:`Passage` objects, :mod:`.statements` turns them into :class:`Mismatch`
objects, and the report formats print them. A source is a file path or, for a live site, a URL.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Passage:
    """A run of prose from one block: its text (line breaks kept) and where it starts.

    ``item``: a list item, table cell or bullet line, which may take its subject from a lead-in.
    ``lead``: a heading or label that may be one; ``level``: a heading's level (1-6).
    ``header``: a cell of a table's first row; ``column``: a cell's column heading, and
    ``columns`` all its table's. ``html``: read from HTML, where a line break in the source ends
    no sentence.
    """

    text: str
    location: int
    ruleset: str | None = None
    item: bool = False
    lead: bool = False
    level: int = 0
    header: bool = False
    column: str | None = None
    columns: tuple[str, ...] = ()
    html: bool = False


def where(file: str, location: int, unit: str) -> str:
    """``file:LINE``, ``file:page N``, or the file alone when the location is unknown (0)."""
    if not location:
        return file
    if unit == "line":
        return f"{file}:{location}"
    return f"{file}:page {location}"


@dataclass(frozen=True)
class Mismatch:
    """One sentence that disagrees with a rule: where it is, what it says, what the rule set says.

    ``file`` is the path or URL it was read from; ``unit`` is "line" for HTML and text, "page" for
    PDF; ``location`` is 0 when unknown.
    """

    file: str
    excerpt: str
    says: str
    expected: str
    rule_id: str = ""
    location: int = 0
    unit: str = "line"

    @property
    def page(self) -> str:
        """The file name (the field's name before PDFs were read), kept for older callers."""
        return self.file

    @property
    def where(self) -> str:
        return where(self.file, self.location, self.unit)

    def __str__(self) -> str:
        return f"{self.where}: {self.excerpt}: says {self.says}, rule set says {self.expected}"


@dataclass(frozen=True)
class Review:
    """A passage that looks like a rule statement but that no reader made a statement of.

    Neither agrees nor mismatch: a person must read it. ``why`` says what made it look like a
    rule (a number with a unit, a character class, a repeat, expiry or personal-data word, with
    the password, username or PACER as its subject, lead-in or heading); ``kind`` names the
    statement kind it looked like, when one does. Located as a :class:`Mismatch` is.
    """

    file: str
    excerpt: str
    why: str
    kind: str = ""
    location: int = 0
    unit: str = "line"

    @property
    def where(self) -> str:
        return where(self.file, self.location, self.unit)

    def __str__(self) -> str:
        return f"{self.where}: {self.excerpt}: looks like a rule ({self.why}); review it"


def excerpt(sentence: str, width: int = 120) -> str:
    return sentence if len(sentence) <= width else sentence[: width - 1] + "…"


@dataclass
class Outcome:
    """What one run read and found.

    ``files``: each file or page read, as named in reports. ``unreadable``: (file, reason) for a
    file that could not be read. A crawl (``live``) also fills ``errors``, (URL, reason) for each
    page that could not be fetched or read; ``limits``, each limit that stopped it short; and
    ``notes``, what else a reader of the report should know (a start address that redirected).
    ``reviews``: passages that look like rules but were not read as statements (never silent).
    """

    ruleset: str
    files: list[str] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    limits: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    live: bool = False
    # Issue 23: passages to review, how many findings inline comments or a baseline silenced,
    # and baseline entries no longer found (stale).
    reviews: list[Review] = field(default_factory=list)
    suppressed: int = 0
    stale_baseline: list[str] = field(default_factory=list)


class VerifyUsageError(Exception):
    """A path the verifier cannot take, or options that do not go together: one line, exit 2."""
