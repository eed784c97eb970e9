"""Prose cannot drift from the rules: page examples, the verifier, and mutation tests of the build.

Every build runs these checks after the engine (``make build``; tests/support/builds.py does the
same), so the guarantee holds under an engine that runs no plugins; under ``mkdocs serve`` the
optional ``pacer-help`` plugin runs them on each rebuild.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from builds import ROOT, copy_project, mkdocs_build, small_court_data

from checker import RULESETS
from checker.site.markdown.examples import count_prompts, run_docs, run_page
from checker.verify import verify_html, verify_site

DOCS = ROOT / "docs"
OLD, NEW = RULESETS["pacer-2021"], RULESETS["pacer-2025"]


def stale_sentence() -> str:
    """A sentence no current rule supports, built from the records (8-40 in today's rules)."""
    low = OLD.rule("password.length").params["min"]
    high = OLD.rule("username.length").params["max"]
    return f"Your password must be {low}-{high} characters."


def verify_cli(site: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "checker", "verify", str(site), *args],
        capture_output=True, text=True, timeout=300,
    )


# Page examples ---------------------------------------------------------------------------------

def pages_with_examples() -> list[Path]:
    return [p for p in sorted(DOCS.rglob("*.md")) if count_prompts(p.read_text())]


def test_pages_have_examples():
    pages = {p.relative_to(DOCS).as_posix() for p in pages_with_examples()}
    assert "reference/checker.md" in pages


@pytest.mark.parametrize("page", pages_with_examples(), ids=lambda p: p.name)
def test_page_examples_pass(page):
    outcome = run_page(page.read_text(), page.relative_to(DOCS).as_posix())
    assert outcome.examples > 0
    assert outcome.failures == 0, outcome.report


def test_no_example_is_silently_skipped():
    # Every ">>>" a reader sees inside a fence must have run as an example.
    shown = sum(count_prompts(p.read_text()) for p in DOCS.rglob("*.md"))
    ran = sum(outcome.examples for outcome in run_docs(DOCS))
    assert ran == shown > 0


def test_a_broken_example_output_fails():
    text = (DOCS / "reference/checker.md").read_text()
    broken = text.replace("'pass'", "'fail'", 1)
    assert broken != text
    outcome = run_page(broken, "reference/checker.md")
    assert outcome.failures == 1 and "reference/checker.md" in outcome.report


def test_examples_in_any_fence_and_indentation_run():
    page = (
        '```python title="x"\n>>> 1 + 1\n3\n```\n\n'
        "!!! note\n    ```pycon\n    >>> 2\n    2\n    ```\n"
    )
    outcome = run_page(page, "x.md")
    assert (outcome.examples, outcome.failures) == (2, 1)


# The verifier on the built site ----------------------------------------------------------------

def test_built_site_agrees_with_the_rules(built_site):
    assert verify_site(built_site) == []
    result = verify_cli(built_site)
    assert result.returncode == 0, result.stdout + result.stderr


def test_verifier_exits_1_on_a_copy_with_one_edited_number(built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = site / "rules" / "index.html"
    rule = NEW.rule("password.length")
    rendered = rule.text()
    edited = rule.sentence.format(**{**rule.params, "min": rule.params["min"] - 1})
    html = page.read_text()
    assert rendered in html
    page.write_text(html.replace(rendered, edited, 1))
    result = verify_cli(site)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{site.as_posix()}/rules/index.html:")
    assert "rule set says password" in result.stdout


def test_stale_sentence_is_caught_on_every_page(built_site):
    # Every page we write, and a sample of the 188 court pages (one template renders them all).
    courts = sorted((built_site / "courts").glob("*/index.html"))
    pages = [p for p in sorted(built_site.rglob("*.html")) if p.parent.parent.name != "courts"]
    sentence = stale_sentence()
    for path in pages + courts[:: max(1, len(courts) // 6)]:
        html = path.read_text()
        closing = "</article>" if "</article>" in html else "</body>"
        assert closing in html, path
        page = path.relative_to(built_site).as_posix()
        found = verify_html(html.replace(closing, f"<p>{sentence}</p>{closing}", 1), page)
        assert [m.excerpt for m in found] == [sentence], page


@pytest.mark.parametrize(
    "args, message",
    [
        (("does-not-exist",), "does-not-exist: no such file or folder"),
        ((".", "--ruleset", "pacer-1999"), "valid names"),
    ],
)
def test_verifier_usage_errors_exit_2(tmp_path, args, message):
    target = tmp_path / args[0]
    result = verify_cli(target, *args[1:])
    assert result.returncode == 2 and message in result.stderr


def test_verifier_refuses_a_folder_without_html(tmp_path):
    result = verify_cli(tmp_path)
    assert result.returncode == 2 and "no .html, .htm, .pdf, .txt, .md files" in result.stderr


# Mutation tests of the whole build --------------------------------------------------------------

@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def build(project: Path, tmp_path: Path) -> tuple[subprocess.CompletedProcess, Path]:
    site = tmp_path / "built"
    env = small_court_data(tmp_path / "courts")
    # cwd first on sys.path: the copy's checker package is the one imported.
    return mkdocs_build(site, config=project / "mkdocs.yml", cwd=project, env=env), site


def test_a_stale_sentence_fails_the_build_naming_the_page(project, tmp_path):
    for page in ("upgrade.md", "link.md"):
        with (project / "docs" / page).open("a") as text:
            text.write(f"\n\n{stale_sentence()}\n")
    result, _ = build(project, tmp_path)
    assert result.returncode != 0
    log = result.stdout + result.stderr
    for page in ("upgrade", "link"):  # the page, then the line the sentence is on
        assert re.search(rf"\b{page}/index\.html:\d+: {re.escape(stale_sentence())}", log), page


def test_a_changed_parameter_rerenders_everything(project, tmp_path):
    rule = NEW.rule("password.length")
    old_text = rule.text()
    old_min = rule.params["min"]
    new_text = rule.sentence.format(**{**rule.params, "min": old_min + 1})
    source = project / "checker" / "rulesets.py"
    code = source.read_text()
    needle = f'"password.length": {{"params": {{"min": {old_min}}}'
    assert code.count(needle) == 1
    source.write_text(code.replace(needle, needle.replace(str(old_min), str(old_min + 1))))

    result, site = build(project, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    files = [p for p in site.rglob("*") if p.suffix in {".html", ".js", ".json"}]
    stale = [p.name for p in files if old_text in p.read_text(errors="replace")]
    assert stale == []
    assert new_text in (site / "rules" / "index.html").read_text()
    assert new_text in (site / "changes" / "index.html").read_text()


def test_a_broken_example_fails_the_build(project, tmp_path):
    page = project / "docs" / "reference" / "checker.md"
    page.write_text(page.read_text().replace("'pass'", "'fail'", 1))
    result, _ = build(project, tmp_path)
    assert result.returncode != 0
    assert "reference/checker.md: 1 of" in result.stdout + result.stderr


def test_a_marked_2021_passage_passes(project, tmp_path):
    rule = OLD.rule("password.length")
    quote = f"The old screen said: Password: {rule.params['min']}-{rule.params['max']} characters."
    with (project / "docs" / "changes.md").open("a") as text:
        text.write(f'\n\n<div data-ruleset="pacer-2021" markdown>\n{quote}\n</div>\n')
    result, site = build(project, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert quote in re.sub(r"\s+", " ", (site / "changes" / "index.html").read_text())


def test_plain_mkdocs_build_fails_through_the_plugin(project, tmp_path):
    # Without make's steps: the plugin generates the pages and checks them (mkdocs serve too).
    with (project / "docs" / "upgrade.md").open("a") as text:
        text.write(f"\n\n{stale_sentence()}\n")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "plain")],
        cwd=project, capture_output=True, text=True, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **small_court_data(tmp_path / "courts")},
    )
    assert result.returncode != 0
    assert re.search(rf"upgrade/index.html:\d+: {re.escape(stale_sentence())}", result.stderr)
    assert (project / "docs" / "courts" / "mnd.md").exists()


EDITOR_COMMENTS = "<!-- rule of thumb: keep sentences short -->\n\n<!-- rules for editors -->\n"


def test_editor_comments_do_not_change_the_build(project, tmp_path, built_site):
    with (project / "docs" / "rules.md").open("a") as text:
        text.write("\n\n" + EDITOR_COMMENTS)
    result, site = build(project, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr

    def article(root: Path) -> str:
        html = (root / "rules" / "index.html").read_text()
        body = html[html.index("<article") : html.index("</article>")]
        return re.sub(r"\s+", " ", re.sub(r"<!--.*?-->", "", body))

    rules_page = (site / "rules" / "index.html").read_text()
    assert "<!-- rule of thumb: keep sentences short -->" in rules_page
    assert article(site) == article(built_site)
