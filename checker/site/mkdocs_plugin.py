"""``pacer-help``: an optional MkDocs (and ProperDocs) plugin, a convenience for ``mkdocs serve``.

Nothing the site needs depends on it: ``make build`` runs the same steps around any engine
(``python -m checker.site generate`` before, ``python -m checker verify site`` and
``python -m checker.site examples`` after). Under ``mkdocs serve`` the plugin keeps the generated
pages fresh before each rebuild and fails a rebuild whose pages state a rule wrongly or whose
examples fail or that type a fact's date by hand, so an editor sees the problem at once. Zensical does not run plugins; it builds
the same generated sources.

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

from ..verify import format_mismatches, verify_site
from .court_pages import VariantError
from .courts import CourtDataError
from .dates import check_dates
from .examples import count_prompts, run_page
from .generate import GenerateError, Project, generate


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

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        if self.checking and count_prompts(markdown):
            outcome = run_page(markdown, page.file.src_uri)
            if outcome.failures:
                self.problems.append(
                    f"{page.file.src_uri}: {outcome.failures} of {outcome.examples} examples "
                    f"failed\n{outcome.report}"
                )
        return markdown

    def on_post_build(self, config) -> None:
        if not self.checking:
            return
        mismatches = verify_site(config.site_dir)
        if mismatches:
            self.problems.append(
                "pages state rules the checker disagrees with:\n" + format_mismatches(mismatches)
            )
        typed = check_dates(config.site_dir)
        if typed:
            self.problems.append(
                "fact dates typed by hand (use a pacer:fact or pacer:date shortcode):\n"
                + "\n".join(str(item) for item in typed)
            )
        if self.problems:
            raise PluginError("\n".join(self.problems))
