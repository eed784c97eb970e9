"""The project: where its sources are, its settings, and the one loader of its configuration.

Every part that needs ``mkdocs.yml`` reads it through :func:`load_config`, a YAML loader that
keeps the tags MkDocs resolves itself (``!ENV``, ``!!python/name:``) as written, so the
configuration can be read, changed and written back without resolving them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from checker.site.settings import Settings


class ProjectError(ValueError):
    """The project's configuration or a page cannot be read; the message says which and why."""


@dataclass(frozen=True)
class Project:
    """Where the project's sources are (its folder, its configuration and its ``docs/``) and the
    settings it is built with."""

    root: Path
    config_file: Path
    docs_dir: Path
    settings: Settings = field(default_factory=Settings)

    @classmethod
    def at(
        cls, config_file: Path | str = "mkdocs.yml", settings: Settings | None = None
    ) -> Project:
        config = Path(config_file).resolve()
        return cls(config.parent, config, config.parent / "docs", settings or Settings())

    @property
    def courts_csv(self) -> Path | None:
        """The court data this project builds from: ``PACER_HELP_COURTS_CSV`` (a relative path is
        read from the project folder), or None for the packaged data."""
        path = self.settings.courts_csv
        if not path:
            return None
        return Path(path) if os.path.isabs(path) else self.root / path


class _Tagged:
    """A YAML value with a tag the safe loader does not know (``!ENV``), kept as written."""

    def __init__(self, tag: str, node: yaml.Node) -> None:
        self.tag, self.node = tag, node


class ConfigLoader(yaml.SafeLoader):
    """Safe YAML that keeps unknown tags as written (MkDocs resolves them when it builds)."""


class ConfigDumper(yaml.SafeDumper):
    """Writes what :class:`ConfigLoader` read, its tags as they were."""


def _retag(dumper: yaml.SafeDumper, value: _Tagged) -> yaml.Node:
    value.node.tag = value.tag
    return value.node


ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: _Tagged("!" + suffix, node))
ConfigLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/", lambda loader, suffix, node: _Tagged(node.tag, node)
)
ConfigDumper.add_representer(_Tagged, _retag)


def load_config(config_file: Path) -> dict[str, Any]:
    """The configuration as a mapping, tags kept; :class:`ProjectError` when it is not one."""
    try:
        text = Path(config_file).read_text(encoding="utf-8")
        config = yaml.load(text, Loader=ConfigLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as error:
        raise ProjectError(f"{config_file}: not YAML: {error}") from None
    if not isinstance(config, dict):
        raise ProjectError(f"{config_file}: expected a mapping of settings")
    return config


def dump_config(config: dict[str, Any]) -> str:
    return yaml.dump(config, Dumper=ConfigDumper, sort_keys=False, allow_unicode=True)


def docs_dir_of(config_file: Path) -> Path:
    """The Markdown folder a configuration builds from (``docs_dir``, default ``docs``)."""
    docs_dir = load_config(config_file).get("docs_dir", "docs")
    return (Path(config_file).parent / docs_dir).resolve()
