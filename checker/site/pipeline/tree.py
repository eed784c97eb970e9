"""Reading and writing the Markdown tree: pages with their front matter, and generated files
written so that only what changed is touched."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml


class TreeError(ValueError):
    """A page the generator needs is missing or its front matter is wrong; says which and why."""


def write_tree(root: Path, files: Mapping[str, str], owned: tuple[str, ...]) -> None:
    """Write ``files`` under ``root``, touching only those that changed (so ``mkdocs serve``
    does not rebuild in a loop), and remove files in the ``owned`` folders that are no longer
    generated (a court dropped from the data)."""
    for name, content in files.items():
        path = root / name
        if path.exists() and path.read_text(encoding="utf-8") == content:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    for folder in owned:
        for path in (root / folder).rglob("*.md"):
            if path.relative_to(root).as_posix() not in files:
                path.unlink()


def read_page(path: Path) -> tuple[dict[str, Any], str]:
    """A Markdown page's YAML front matter (as MkDocs reads it) and its body."""
    if not path.exists():
        raise TreeError(f"{path}: missing; the court pages are written from it")
    text = path.read_text(encoding="utf-8-sig")
    if text.startswith("---\n"):
        head, sep, body = text[4:].partition("\n---\n")
        if sep:
            try:
                meta = yaml.safe_load(head) or {}
            except yaml.YAMLError as error:
                raise TreeError(f"{path}: front matter is not YAML: {error}") from None
            if not isinstance(meta, dict):
                raise TreeError(f"{path}: front matter must be a mapping")
            return meta, body
    return {}, text


def front_matter(meta: Mapping[str, Any]) -> str:
    if not meta:
        return ""
    return "---\n" + yaml.safe_dump(dict(meta), sort_keys=False, allow_unicode=True) + "---\n\n"
