"""Court-specific words in the link guide: ``<!-- pacer:court KEY -->`` shortcodes.

On the generic guide each key renders as generic text; a court build or a generated court page
sets :data:`current` to that court's values first (see overrides/hooks/courts.py), so the same
Markdown serves all 188 courts without forking the prose.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from .render import ShortcodeError

# Generic renderings, used when no court is selected. Values are HTML-safe Markdown fragments.
GENERIC: Mapping[str, str] = {
    "name": "your court",
    "ecf_link": "your court's CM/ECF site",
    "ecf_host": "ecf.<em>court</em>.uscourts.gov",
    "website_link": "your court's website",
    # Added for the court pages (values come from checker.courts.Court.values).
    "court_type": "court",
    "menus": "Civil and Criminal (district courts) or Bankruptcy and Adversary (bankruptcy courts)",
    "entry_link": (
        "the link to CM/ECF, such as <strong>E-Filing (CM/ECF)</strong> or"
        " <strong>Document Filing System</strong>"
    ),
    "entry_page_link": "your court's website or its CM/ECF site",
    "utility_menu": "Utilities",
    "go_live": "the date your court went live on NextGen CM/ECF",
}

# The court whose values pages render with; None means the generic guide.
current: Mapping[str, str] | None = None


def court_value(key: str) -> str:
    if key not in GENERIC:
        raise ShortcodeError(f"unknown court key {key!r}; valid: {', '.join(GENERIC)}")
    if current is None or not current.get(key):
        return GENERIC[key]
    return current[key] if key.endswith("_link") else html.escape(current[key])

