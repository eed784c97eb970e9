"""The screen drawings' weight on a built page: what they add to its transfer (gzip), and the
requests they add (inline SVG: none; a drawing loaded as a file would be one each).

Issue 24's budget: a page's drawings add at most 15 KiB gzip and one request. The weight is the
page's HTML gzipped with its drawings less the same page gzipped without them, plus the drawings'
styles in the site's one stylesheet (gzipped alone: an upper bound, as the stylesheet compresses
them among its other rules).
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from checker.site.screens import STYLE

BUDGET_BYTES, REQUESTS_BUDGET = 15 * 1024, 1
GUIDES = ("/upgrade/", "/link/", "/mfa/", "/password-change/", "/courts/mnd/")
FIGURE = re.compile(r'<figure class="pacer-screen".*?</figure>', re.S)
# Anything a drawing could load: an image, a <use> of another file, a CSS url().
_LOADS = re.compile(r"""<(?:img|image|use)\b[^>]*\b(?:src|href)=|url\(""")


def _gzip(text: str) -> int:
    return len(gzip.compress(text.encode(), compresslevel=6, mtime=0))


def weight(site: Path, path: str) -> dict[str, int]:
    """The drawings on ``path`` (a page's address, such as ``/upgrade/``): how many, the bytes
    they add gzipped, and the requests they add."""
    html = (site / path.strip("/") / "index.html").read_text(encoding="utf-8")
    figures = FIGURE.findall(html)
    added = _gzip(html) - _gzip(FIGURE.sub("", html)) + (_gzip(STYLE) if figures else 0)
    requests = sum(len(_LOADS.findall(figure)) for figure in figures)
    return {"drawings": len(figures), "gzip_bytes": added, "requests": requests}
