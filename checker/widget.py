"""The password checker widget's one script: the rules JSON and ``widget.js`` in one file.

The bundle carries :func:`checker.export.widget_export` (the rules without sources and
interpretations) and ``widget.min.js``, which terser writes from ``widget.js`` (``npm run widget``;
committed, and tests/core/test_widget_min.py fails when it is older than ``widget.js``), so a page
downloads only what runs while ``widget.js`` stays commented for people. A minifier that renames
variables needs a JavaScript parser: terser is a well-kept one, and only a developer needs it.

The script replaces a page's ``data-checker`` element (its no-JavaScript HTML comes from
:func:`checker.site.markdown.render.render_widget`) with the live checklist and the fields; the
DOM contract is in ``widget.js`` and docs/webmasters.md.

``python -m checker widget > pacer-checker.js`` writes the script for a court webmaster, and
``python -m checker widget --css > pacer-checker.css`` its optional stylesheet (``widget.css``:
the checker works without it, showing each rule's state in words).

For a court's own pages the two files have versioned names, ``pacer-checker-<version>.js`` and
``.css`` (:func:`versioned_files`), and a released version's files never change: a court pins
them by their Subresource Integrity hash (``python -m checker widget --sri``), and a browser
refuses a file whose hash differs. ``data/widget-releases.toml`` records each release's hashes;
:func:`versioned_files` refuses to write files for a recorded version whose content has changed,
so a change to the rules or the script needs a new version (and its hashes recorded).
"""

from __future__ import annotations

import base64
import hashlib
import json
import tomllib
from pathlib import Path

from checker import __version__
from checker.export import widget_export

SCRIPT = Path(__file__).with_name("widget.js")
MINIFIED = Path(__file__).with_name("widget.min.js")
STYLES = Path(__file__).with_name("widget.css")
# Where the site generator (checker.site.pipeline.generate) writes the bundle and the styles,
# under docs/.
SCRIPT_PATH = "assets/pacer-checker.js"
STYLES_PATH = "assets/pacer-checker.css"
_PLACEHOLDER = '"@@PACER_RULES@@"'
RELEASES = Path(__file__).with_name("data") / "widget-releases.toml"
# The policy the checker, its standalone page and the whole site are tested under (a government
# baseline: no inline scripts, no plugins, no form posts). docs/webmasters.md gives it to send.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "object-src 'none'; base-uri 'self'; form-action 'none'"
)


def rules_json() -> str:
    """The rules JSON as a JavaScript literal that is safe inside an HTML ``<script>`` too."""
    text = json.dumps(widget_export(), ensure_ascii=True, separators=(",", ":"))
    # "</script>" or "<!--" in a sentence must not end an inline script early.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def bundle() -> str:
    """One self-contained script: the rules JSON and the widget's algorithm and wiring."""
    source = MINIFIED.read_text(encoding="utf-8")
    if source.count(_PLACEHOLDER) != 1:
        raise RuntimeError(f"{MINIFIED.name} must contain {_PLACEHOLDER!r} exactly once")
    return source.replace(_PLACEHOLDER, rules_json())


def styles() -> str:
    """The checker's stylesheet: state by icon and words, colors for both of Material's palettes."""
    return STYLES.read_text(encoding="utf-8")


class ReleaseError(ValueError):
    """A versioned file would differ from what was released under its name; says what to do."""


def versioned_names(version: str = __version__) -> tuple[str, str]:
    """The script's and the stylesheet's file names for a court's own pages."""
    return f"pacer-checker-{version}.js", f"pacer-checker-{version}.css"


def sri(data: bytes) -> str:
    """The Subresource Integrity value of ``data``: ``sha384-`` and the base64 digest."""
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")


def released() -> dict[str, dict[str, str]]:
    """Each released version's files and their SRI hashes, from ``data/widget-releases.toml``."""
    with RELEASES.open("rb") as handle:
        return tomllib.load(handle)


def versioned_files(version: str = __version__) -> dict[str, bytes]:
    """The script and stylesheet under their versioned names, checked against the release record.

    Raises :class:`ReleaseError` when the version is not recorded or its content has changed.
    """
    script, stylesheet = versioned_names(version)
    files = {script: bundle().encode("utf-8"), stylesheet: styles().encode("utf-8")}
    record = released().get(version)
    current = {name: sri(data) for name, data in files.items()}
    lines = "\n".join(f'"{name}" = "{value}"' for name, value in current.items())
    if record is None:
        raise ReleaseError(
            f"version {version} of the checker is not in {RELEASES}; if it is new, add:\n"
            f'["{version}"]\n{lines}'
        )
    changed = sorted(name for name in files if record.get(name) != current[name])
    if changed:
        raise ReleaseError(
            f"{', '.join(changed)} would change, but version {version} was released with other "
            f"content (recorded in {RELEASES}). A court that pins the old hash would lose the "
            f"checker: raise __version__ in checker/__init__.py and record the new version:\n"
            f"{lines.replace(version, '<new version>')}"
        )
    return files
