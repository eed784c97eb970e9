"""The PACER Help site: the Markdown extension, page examples, court pages and the generator.

Installed with the core package, usable with the ``site`` extra (``pip install '.[site]'``):
the core (``checker``) needs none of MkDocs, Python-Markdown or PyYAML.
"""

from __future__ import annotations

import importlib.util

_MISSING = [name for name in ("markdown", "yaml") if importlib.util.find_spec(name) is None]
if _MISSING:
    raise ModuleNotFoundError(
        f"checker.site needs the site extra (missing: {', '.join(_MISSING)}); "
        "install it with: pip install 'pacer-help[site]'"
    )
