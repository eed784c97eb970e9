"""The screen drawings in whole builds, as the drift mutation tests do (tests/test_drift.py): a
rule parameter changed, a stale number typed into a screen record, a step's bold control renamed;
and the court tailoring and the three engines."""

from __future__ import annotations

import importlib.util
import re
import subprocess
from pathlib import Path

import pytest
from builds import ENGINES, ROOT, copy_project, mkdocs_build, small_court_data

from checker import RULESETS
from checker.site.screens import NEUTRAL_ECF_HOST

NEW, OLD = RULESETS["pacer-2025"], RULESETS["pacer-2021"]
COURTS = ("iasb", "mnd")  # a bankruptcy court and a district court
GUIDES = {"upgrade": 10, "link": 7, "mfa": 6, "password-change": 3}  # drawings on each guide


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def build(project: Path, tmp_path: Path) -> tuple[subprocess.CompletedProcess, Path]:
    site = tmp_path / "built"
    env = small_court_data(tmp_path / "courts", COURTS)
    return mkdocs_build(site, config=project / "mkdocs.yml", cwd=project, env=env), site


def bench_drawings():
    """benchmarks/drawings.py, which `make bench` prints beside the budget."""
    spec = importlib.util.spec_from_file_location("drawings", ROOT / "benchmarks" / "drawings.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def figures(html: str) -> list[str]:
    return re.findall(r'<figure class="pacer-screen".*?</figure>', html, re.S)


def svg_text(figure: str) -> str:
    return " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", figure))


def test_the_guides_and_court_pages_show_tailored_drawings(project, tmp_path):
    result, site = build(project, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    for guide, count in GUIDES.items():
        found = figures((site / guide / "index.html").read_text())
        assert len(found) == count, guide
        for figure in found:
            assert 'role="img" aria-label="Drawing of ' in figure
            caption = r"<figcaption>Drawing of .+\. Your screen may look different\.<"
            assert re.search(caption, figure)
    link = figures((site / "link" / "index.html").read_text())
    assert all(NEUTRAL_ECF_HOST in svg_text(f) for f in link if "ecf" in f and "CM/ECF" in f)
    menus = svg_text(link[-1])
    assert all(m in menus for m in ("Bankruptcy", "Adversary", "Civil", "Criminal"))

    def court(court_id: str) -> str:
        html = (site / "courts" / court_id / "index.html").read_text()
        return " ".join(svg_text(f) for f in figures(html))

    mnd, iasb = court("mnd"), court("iasb")
    assert "ecf.mnd.uscourts.gov" in mnd and NEUTRAL_ECF_HOST not in mnd
    assert "ecf.iasb.uscourts.gov" in iasb and NEUTRAL_ECF_HOST not in iasb
    assert "Civil" in mnd and "Criminal" in mnd and "Bankruptcy" not in mnd
    assert "Bankruptcy" in iasb and "Adversary" in iasb and "Civil" not in iasb

    # Weight: inline, so no request; well under 15 KiB gzip on the page with the most drawings.
    bench = bench_drawings()
    for path in (*(f"/{guide}/" for guide in GUIDES), "/courts/mnd/"):
        weight = bench.weight(site, path)
        assert weight["drawings"] > 0 and weight["requests"] == 0, path
        assert 0 < weight["gzip_bytes"] <= bench.BUDGET_BYTES, (path, weight)


def test_a_changed_rule_parameter_changes_the_security_tab_drawing(project, tmp_path):
    length = NEW.rule("password.length").params
    source = project / "checker" / "rulesets.py"
    code = source.read_text()
    needle = f'"password.length": {{"params": {{"min": {length["min"]}}}'
    assert code.count(needle) == 1
    changed = needle.replace(str(length["min"]), str(length["min"] + 1))
    source.write_text(code.replace(needle, changed))

    result, site = build(project, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    (security,) = [f for f in figures((site / "upgrade" / "index.html").read_text())
                   if 'data-screen="upgrade-security"' in f]  # fmt: skip
    text = svg_text(security)
    assert f"Password: {length['min'] + 1}-{length['max']} characters" in text
    assert f"Password: {length['min']}-{length['max']} characters" not in text


def test_a_stale_number_typed_into_a_screen_record_fails_the_build_naming_it(project, tmp_path):
    records = project / "checker" / "site" / "data" / "screens.toml"
    old = OLD.rule("password.length").params
    stale = f"Password: {old['min']}-{old['max']} characters."
    text = records.read_text()
    needle = '{ rules = "password" },'
    assert text.count(needle) == 1
    records.write_text(text.replace(needle, f'{needle}\n  {{ note = "{stale}" }},'))

    result, _ = build(project, tmp_path)
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "drawing 'password-change' (screens.toml [screens.password-change])" in log
    assert stale in log
    assert "Error reading page 'password-change.md'" in log


def test_a_renamed_bold_control_fails_the_build_naming_step_and_drawing(project, tmp_path):
    page = project / "docs" / "link.md"
    text = page.read_text()
    needle = "Select **Utilities** on the menu bar."
    assert text.count(needle) == 1
    page.write_text(text.replace(needle, "Select **Tools** on the menu bar."))

    result, _ = build(project, tmp_path)
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert re.search(
        r"line \d+: step 'Step 4: Open the Utilities menu' names \*\*Tools\*\*, which its "
        r"drawing 'ecf-menu-before' does not show \(screens\.toml \[screens\.ecf-menu-before\]\)",
        log,
    ), log[-3000:]
    assert "link.md" in log


def test_an_outlined_control_the_step_does_not_name_fails_the_build(project, tmp_path):
    records = project / "checker" / "site" / "data" / "screens.toml"
    text = records.read_text()
    needle = 'highlight = ["CM/ECF login", "CM/ECF password", "Submit"]'
    assert text.count(needle) == 1
    extra = "More about Upgraded PACER account"
    records.write_text(text.replace(needle, needle.replace('"Submit"', f'"Submit", "{extra}"')))
    page = project / "docs" / "link.md"
    page.write_text(page.read_text().replace(f"**{extra}**", extra))

    result, _ = build(project, tmp_path)
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert (
        "drawing 'ecf-link-form' outlines 'More about Upgraded PACER account', which step "
        "'Step 6: Enter your old CM/ECF login and password' does not name in bold" in log
    ), log[-3000:]


@pytest.mark.parametrize("engine", ENGINES)
def test_every_engine_draws_them(engine_sites, engine):
    html = (engine_sites[engine] / "upgrade" / "index.html").read_text()
    found = figures(html)
    assert len(found) == GUIDES["upgrade"], engine
    length = NEW.rule("password.length").params
    security = next(f for f in found if 'data-screen="upgrade-security"' in f)
    assert f"Password: {length['min']}-{length['max']} characters" in svg_text(security)
