"""The composite GitHub action (action.yml): its ``run:`` steps run here with bash as the runner
runs them (``bash --noprofile --norc -eo pipefail``), each input given as GitHub gives it
(``${{ inputs.x }}`` substituted into the step's ``env``; its default when not given), and
``$GITHUB_ACTION_PATH``, ``$RUNNER_TEMP`` and ``$GITHUB_STEP_SUMMARY`` set."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from verify_ci import ENV, ROOT, court_folder, package_copy

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
ACTION = yaml.safe_load((ROOT / "action.yml").read_text())
STEPS = ACTION["runs"]["steps"]


def expand(value: str, inputs: dict[str, str]) -> str:
    """GitHub's expression substitution, for the one context the action may use: inputs."""

    def one(match: re.Match) -> str:
        name = match.group(1).removeprefix("inputs.")
        assert match.group(1) == f"inputs.{name}" and name in ACTION["inputs"], match.group(0)
        return inputs[name]

    return EXPRESSION.sub(one, value)


def run_step(step: dict, given: dict[str, str], runner: dict[str, str], cwd: Path):
    inputs = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()}
    inputs.update(given)
    for name, spec in ACTION["inputs"].items():
        assert not spec.get("required") or inputs[name], f"input {name} is required"
    env = {**ENV, **runner}
    env.update({key: expand(str(value), inputs) for key, value in step.get("env", {}).items()})
    assert step["shell"] == "bash"
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip


def test_the_action_is_composite_and_pastes_no_input_into_a_script():
    assert ACTION["runs"]["using"] == "composite"
    assert {"paths", "ruleset", "fail-on", "format", "baseline"} <= set(ACTION["inputs"])
    assert ACTION["inputs"]["paths"]["required"] is True
    for step in STEPS:
        assert "run" in step and "${{" not in step["run"], step["name"]


@pytest.fixture(scope="module")
def runner(tmp_path_factory) -> dict[str, str]:
    """A runner's variables, after the install step ran (once: it installs the package)."""
    temp = tmp_path_factory.mktemp("runner")
    variables = {
        "GITHUB_ACTION_PATH": str(package_copy(tmp_path_factory.mktemp("action"))),
        "RUNNER_TEMP": str(temp),
    }
    install, *_ = [step for step in STEPS if step["name"].startswith("Install")]
    result = run_step(install, {"paths": "."}, variables, temp)
    assert result.returncode == 0, result.stdout + result.stderr
    return variables


def verify_step(given: dict[str, str], runner: dict[str, str], workspace: Path, summary: Path):
    """Every step after the install, in order, as the runner runs them; the last one's result."""
    steps = [step for step in STEPS if not step["name"].startswith("Install")]
    for step in steps:
        result = run_step(step, given, {**runner, "GITHUB_STEP_SUMMARY": str(summary)}, workspace)
        if result.returncode:
            return result
    return result


def test_the_action_fails_a_stale_site_and_reports_it(tmp_path, runner):
    court = court_folder(tmp_path / "workspace")
    summary = tmp_path / "summary.md"
    result = verify_step({"paths": "."}, runner, court, summary)
    assert result.returncode == 1, result.stderr
    assert result.stdout.count("::error file=") == 3
    assert "3 mismatch(es) in 4 files" in result.stderr
    assert summary.read_text().count("| `") == 3  # every finding in the job summary

    # The rule set the stale text agrees with; two paths on two lines.
    agree = verify_step({"paths": "guide.md\n  news ", "ruleset": "pacer-2021"}, runner, court,
                        summary)  # fmt: skip
    assert agree.returncode == 0, agree.stderr
    assert "2 files agree with pacer-2021" in agree.stderr

    # SARIF into a file, for the upload action.
    sarif = verify_step({"paths": "print.pdf", "format": "sarif", "output": "out.sarif"}, runner,
                        court, summary)  # fmt: skip
    assert sarif.returncode == 1 and sarif.stdout == ""
    [found] = json.loads((court / "out.sarif").read_text())["runs"][0]["results"]
    assert found["locations"][0]["physicalLocation"]["properties"] == {"page": 2}

    # fail-on reaches the command line (a value it refuses: exit 2, one line).
    bad = verify_step({"paths": ".", "fail-on": "sometimes"}, runner, court, summary)
    assert bad.returncode == 2 and "--fail-on" in bad.stderr


def test_an_input_stays_data(tmp_path, runner):
    court = court_folder(tmp_path / "workspace")
    result = verify_step({"paths": "$(touch pwned) `touch pwned2` *"}, runner, court,
                         tmp_path / "summary.md")  # fmt: skip
    assert result.returncode == 2
    assert "$(touch: no such file or folder" in result.stderr
    assert not (court / "pwned").exists() and not (court / "pwned2").exists()
    empty = verify_step({"paths": " \n "}, runner, court, tmp_path / "summary.md")
    assert empty.returncode == 2 and "the paths input is empty" in empty.stderr


def test_the_baseline_input_silences_what_was_reviewed(tmp_path, runner):
    court = court_folder(tmp_path / "workspace")
    summary = tmp_path / "summary.md"
    written = verify_step({"paths": "."}, runner, court, summary)
    assert written.returncode == 1
    record = subprocess.run(
        [str(Path(runner["RUNNER_TEMP"]) / "pacer-checker" / "bin" / "pacer-checker"), "verify",
         ".", "--write-baseline", "reviewed.json"],
        cwd=court, env=ENV, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert record.returncode == 0, record.stderr
    quiet = verify_step({"paths": ".", "baseline": "reviewed.json"}, runner, court, summary)
    assert quiet.returncode == 0, quiet.stderr
    assert "4 files agree with pacer-2025; 3 silenced" in quiet.stderr
