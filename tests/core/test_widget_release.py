"""The embeddable checker's versioned files: SRI hashes, and a released version never changes."""

from __future__ import annotations

import base64
import hashlib
import subprocess
import sys

import pytest

from checker import __version__, widget


def test_sri_prints_each_versioned_file_with_its_sha384():
    result = subprocess.run(
        [sys.executable, "-m", "checker", "widget", "--sri"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    printed = dict(line.split(" ", 1) for line in result.stdout.splitlines())
    script, stylesheet = f"pacer-checker-{__version__}.js", f"pacer-checker-{__version__}.css"
    assert set(printed) == {script, stylesheet}
    contents = {script: widget.bundle(), stylesheet: widget.styles()}
    for name, text in contents.items():
        digest = base64.b64encode(hashlib.sha384(text.encode("utf-8")).digest()).decode()
        assert printed[name] == f"sha384-{digest}"


def test_the_current_version_is_recorded_with_these_hashes():
    record = widget.released()[__version__]
    files = widget.versioned_files()
    assert record == {name: widget.sri(data) for name, data in files.items()}


def test_changed_content_under_a_released_version_is_refused(monkeypatch):
    monkeypatch.setattr(widget, "styles", lambda: widget.STYLES.read_text() + "\n/* changed */\n")
    with pytest.raises(widget.ReleaseError, match=r"pacer-checker-.*\.css would change.*raise"):
        widget.versioned_files()


def test_an_unrecorded_version_is_refused_with_the_lines_to_add():
    with pytest.raises(widget.ReleaseError, match=r'\["9\.9\.9"\]\n"pacer-checker-9\.9\.9\.js" = '):
        widget.versioned_files("9.9.9")


def test_the_bundle_does_not_depend_on_the_build_date(monkeypatch):
    before = widget.bundle()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1893456000")  # 2030
    assert widget.bundle() == before


def test_the_webmasters_page_gives_the_policy_the_tests_send():
    from pathlib import Path

    page = Path(__file__).resolve().parents[2] / "docs" / "webmasters.md"
    assert f"Content-Security-Policy: {widget.CONTENT_SECURITY_POLICY}\n" in page.read_text()
