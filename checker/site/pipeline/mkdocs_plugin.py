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

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from checker.facts import FACTS_TOML, FactsError
from checker.site.checks.drift import check_site, failed_examples
from checker.site.courts.pages import VariantError
from checker.site.courts.registry import DATA_DIR, CourtDataError
from checker.site.markdown.examples import count_prompts, run_page
from checker.site.pipeline.assets import SITE_STYLES
from checker.site.pipeline.generate import GenerateError, generate
from checker.site.pipeline.tree import TreeError
from checker.site.project import Project, ProjectError
from checker.site.settings import Settings, SettingsError
from checker.widget import MINIFIED, SCRIPT


class PacerHelpConfig(Config):
    generate = c.Type(bool, default=True)
    verify = c.Type(bool, default=True)


class PacerHelpPlugin(BasePlugin[PacerHelpConfig]):
    def __init__(self) -> None:
        self.problems: list[str] = []
        self.project: Project | None = None

    @property
    def checking(self) -> bool:
        return self.config.verify and (self.project is None or self.project.settings.verify)

    def on_config(self, config):
        # Settings are read once per configuration (each `mkdocs serve` rebuild reloads it).
        try:
            self.project = Project.at(config.config_file_path, Settings.from_env())
        except (SettingsError, ProjectError) as error:
            raise PluginError(f"pacer-help: {error}") from None
        return config

    def on_pre_build(self, config) -> None:
        self.problems = []  # `mkdocs serve` keeps the plugin between rebuilds
        if not self.config.generate:
            return
        project = self.project or Project.at(config.config_file_path)
        if Path(config.docs_dir).resolve() != project.docs_dir.resolve():
            raise PluginError(f"pacer-help: generate writes into {project.docs_dir}, not docs_dir")
        try:
            generate(project)
        except (CourtDataError, FactsError, GenerateError, TreeError, VariantError) as error:
            raise PluginError(f"pacer-help: {error}") from None

    def on_serve(self, server, config, builder):
        # What generate and the pages read outside docs/ also rebuilds: stylesheets, the widget,
        # the court data (packaged or the project's copy) and the dated facts (checker.facts
        # reads facts.toml again whenever it changes; there is no cache to go stale).
        if self.config.generate:
            court_data = self.project.courts_csv if self.project else None
            sources = [SITE_STYLES.parent, SCRIPT.parent / "widget.css", MINIFIED, DATA_DIR,
                       FACTS_TOML]  # fmt: skip
            if court_data is not None:
                sources.append(court_data.parent)
            for source in sources:
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
