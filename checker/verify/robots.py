"""robots.txt as RFC 9309 reads it, for one crawler: which paths it may request, how long it
should wait between requests (the Crawl-delay extension), and the sitemaps the file names.

The rules are read and matched by Protego, the parser Scrapy uses: the longest matching rule wins
(an Allow wins a tie), ``*`` and a final ``$`` have their meaning, paths compare percent-encoded
(RFC 9309 2.2.2), and wildcards are matched by searching for each literal part in turn, never by a
regular expression, so no rule can make a match backtrack (12 wildcards against a 200-character
link took forever with the ``.*`` chains this module compiled before issue 26). Protego passed
every test the module's own parser passed, with one exception it could not know about: the bytes.
RFC 9309 2.2 wants UTF-8, so :func:`read` decodes the file before Protego sees it: a byte-order
mark is dropped (with it, "User-agent" was an unknown line and the group was lost), a UTF-16 file
with its mark is read as UTF-16, and bytes that are not UTF-8 compare as U+FFFD on both sides.

The standard library's ``urllib.robotparser`` is no choice: it takes the first matching rule, and
reads ``*`` and ``$`` as plain characters.
"""

from __future__ import annotations

import codecs
import math
from dataclasses import dataclass, field

from protego import Protego

# RFC 9309 2.5: a crawler must read at least 500 KiB of the file.
MAX_ROBOTS_BYTES = 500 * 1024


@dataclass
class Robots:
    """What robots.txt says to one crawler (or nothing: everything is allowed)."""

    parser: Protego | None = None
    token: str = ""
    crawl_delay: float | None = None
    sitemaps: list[str] = field(default_factory=list)
    disallow_all: bool = False  # the file could not be fetched for a server error

    def allows(self, path: str) -> bool:
        """Whether a crawler may request ``path`` (the path and query of a URL)."""
        if self.disallow_all:
            return False
        if self.parser is None:
            return True
        # A path that starts with "//" would read as a host: the origin keeps it a path.
        return self.parser.can_fetch(f"http://robots.invalid{path}", self.token)


def decode(body: bytes) -> str:
    """The text of a robots.txt file: UTF-8 (RFC 9309 2.2), its byte-order mark dropped; UTF-16
    when a UTF-16 mark says so. Bytes past :data:`MAX_ROBOTS_BYTES` are not read."""
    body = body[:MAX_ROBOTS_BYTES]
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return body.decode("utf-16", errors="replace")
    return body.decode("utf-8-sig", errors="replace")


def read(body: bytes, agent: str) -> Robots:
    """The rules in a robots.txt file, as fetched, for the crawler whose User-Agent is ``agent``."""
    return parse(decode(body), agent)


def parse(text: str, agent: str) -> Robots:
    """The rules in ``text`` for the crawler whose product token starts ``agent``.

    The group naming that token applies (groups naming it twice are merged); if none does, the
    ``*`` group. ``Sitemap`` lines apply to all.
    """
    token = agent.split("/")[0].strip().lower()
    parser = Protego.parse(text.removeprefix("\ufeff"))
    delay = parser.crawl_delay(token)
    return Robots(
        parser, token,
        crawl_delay=delay if delay is not None and math.isfinite(delay) else None,
        sitemaps=list(parser.sitemaps),
    )  # fmt: skip
