"""``pacer-help``: an optional MkDocs (and ProperDocs) plugin, a convenience for ``mkdocs serve``.

Nothing the site needs depends on it: ``make build`` runs the same steps around any engine
(``python -m checker.site generate`` before; ``python -m checker.site check site --docs docs``
after: rule statements, hand-typed fact dates, the pages' examples). Under ``mkdocs serve`` the
plugin keeps the generated pages fresh before each rebuild and runs the same checks
(:mod:`.checks`), failing a rebuild whose pages state a rule wrongly, type a fact's date by hand
or hold a failing example, so an editor sees the problem at once. Zensical does not run
plugins; it builds the same generated sources.

Options (``plugins: - pacer-help: {generate: true, verify: true}``): ``generate`` writes the
generated sources before each build; ``verify`` runs the checks after it (``CHECKER_VERIFY=0``
in the environment also turns them off, for the benchmark).
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from checker.site.checks.drift import check_site, failed_examples
from checker.site.courts.pages import VariantError
from checker.site.courts.registry import DATA_DIR, CourtDataError
from checker.site.markdown.examples import count_prompts, run_page
from checker.site.pipeline.generate import SITE_STYLES, GenerateError, Project, generate
from checker.widget import MINIFIED, SCRIPT


class PacerHelpConfig(Config):
    generate = c.Type(bool, default=True)
    verify = c.Type(bool, default=True)


class PacerHelpPlugin(BasePlugin[PacerHelpConfig]):
    def __init__(self) -> None:
        self.problems: list[str] = []

    @property
    def checking(self) -> bool:
        return self.config.verify and os.environ.get("CHECKER_VERIFY", "1") != "0"

    def on_pre_build(self, config) -> None:
        self.problems = []  # `mkdocs serve` keeps the plugin between rebuilds
        if not self.config.generate:
            return
        project = Project.at(config.config_file_path)
        if Path(config.docs_dir).resolve() != project.docs_dir.resolve():
            raise PluginError(f"pacer-help: generate writes into {project.docs_dir}, not docs_dir")
        try:
            generate(project)
        except (CourtDataError, GenerateError, VariantError) as error:
            raise PluginError(f"pacer-help: {error}") from None

    def on_serve(self, server, config, builder):
        # What generate reads outside docs/ (stylesheets, the widget, court data) also rebuilds.
        if self.config.generate:
            for source in (SITE_STYLES.parent, SCRIPT.parent / "widget.css", MINIFIED, DATA_DIR):
                server.watch(str(source))
        return server

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        if self.checking and count_prompts(markdown):
            outcome = run_page(markdown, page.file.src_uri)
            if outcome.failures:
                self.problems.append(failed_examples(outcome))
        return markdown

    def on_post_build(self, config) -> None:
        if not self.checking:
            return
        # Examples ran page by page above, from the Markdown the engine read.
        self.problems += check_site(config.site_dir).problems
        if self.problems:
            raise PluginError("\n".join(self.problems))
