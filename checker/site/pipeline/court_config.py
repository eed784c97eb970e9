"""The configuration of a one-court build: the project's ``mkdocs.yml`` with the court's name, no
court picker in the navigation, paths made relative to the court's tree, and no generation by the
plugin (the tree is generated already)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from checker.site.courts.registry import Court
from checker.site.project import Project, dump_config, load_config

PICKER = "courts/index.md"


def court_config(project: Project, court: Court, tree: Path) -> str:
    """The project's mkdocs.yml for a one-court build, as YAML written into ``tree``."""
    config = load_config(project.config_file)
    relative = os.path.relpath(project.root, tree)
    config["site_name"] = f"{court.name}: PACER Help"
    config["docs_dir"] = "docs"
    config.setdefault("extra", {})["court"] = {
        "id": court.id, "name": court.name, "type": court.type,
    }
    config["nav"] = _without(config.get("nav"), PICKER)
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = os.path.join(relative, theme["custom_dir"])
    config["plugins"] = [_no_generation(plugin) for plugin in config.get("plugins", [])]
    header = f"# Written by `python -m checker.site generate --court {court.id}`; do not edit.\n"
    return header + dump_config(config)


def _no_generation(plugin: Any) -> Any:
    """The tree is already generated: the plugin must not write the default build into it."""
    if plugin == "pacer-help":
        return {"pacer-help": {"generate": False}}
    if isinstance(plugin, dict) and "pacer-help" in plugin:
        return {"pacer-help": {**(plugin["pacer-help"] or {}), "generate": False}}
    return plugin


def _without(nav: Any, target: str) -> Any:
    """The nav without entries pointing at ``target``."""
    if not isinstance(nav, list):
        return nav
    kept = []
    for item in nav:
        if isinstance(item, dict):
            item = {k: _without(v, target) for k, v in item.items() if v != target}
            if not item:
                continue
        elif item == target:
            continue
        kept.append(item)
    return kept
