"""checker/widget.min.js is terser's output for checker/widget.js, as committed.

The bundle pages load (checker.widget.bundle) is the minified file plus the rules; a change to
widget.js that was not followed by ``npm run widget`` would ship the old behaviour, so this test
runs terser again (the version package-lock.json pins) and compares.
"""

from __future__ import annotations

import shutil
import subprocess

from builds import ROOT

from checker.widget import MINIFIED, SCRIPT, bundle

TERSER = ROOT / "node_modules" / ".bin" / "terser"


def test_the_minified_widget_is_terser_output_of_the_source(tmp_path):
    assert TERSER.exists(), "terser is missing: run `npm ci` (make test does)"
    assert shutil.which("node"), "node is missing"
    output = tmp_path / "widget.min.js"
    result = subprocess.run(
        [str(TERSER), str(SCRIPT), "--compress", "--mangle", "--comments", "false",
         "--output", str(output)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert output.read_text(encoding="utf-8") == MINIFIED.read_text(encoding="utf-8"), (
        "checker/widget.min.js is out of date: run `npm run widget` and commit it"
    )


def test_the_bundle_is_the_minified_script_with_the_rules():
    script = bundle()
    assert "@@PACER_RULES@@" not in script and '"max_field_length":' in script
    assert len(script) < len(SCRIPT.read_text(encoding="utf-8"))
