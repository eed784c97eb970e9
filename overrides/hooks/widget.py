"""MkDocs hook: publish the password checker's script and load it where a page has the widget.

All logic lives in :mod:`checker.widget`; this only adapts it to MkDocs (docs-tooling §1.4: keep
hooks thin so another engine can reuse the package).

The script is emitted as a generated file, never written into docs/. Pages load it with a
relative ``<script>`` tag added only where the widget is, so other pages stay lighter. With
Material's ``navigation.instant`` on, a script in page content would not run after an instant page
switch, so in that case the script goes into ``extra_javascript`` on every page instead; it then
re-initialises through Material's ``document$``.
"""

from __future__ import annotations

import re

from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from checker.widget import SCRIPT_PATH, bundle

# A widget root in rendered HTML (code samples are escaped: "&lt;div data-checker" never matches).
_WIDGET = re.compile(r"<div\b[^>]*\sdata-checker[\s>=]")


def _instant(config) -> bool:
    return "navigation.instant" in (config.theme.get("features") or [])


def on_config(config):
    if _instant(config) and SCRIPT_PATH not in config.extra_javascript:
        config.extra_javascript.append(SCRIPT_PATH)
    return config


def on_files(files: Files, config) -> Files:
    files.append(File.generated(config, SCRIPT_PATH, content=bundle()))
    return files


def on_page_content(html: str, page, config, files) -> str:
    if _instant(config) or not _WIDGET.search(html):
        return html
    src = get_relative_url(SCRIPT_PATH, page.file.url)
    return f'{html}\n<script src="{src}" defer></script>\n'
