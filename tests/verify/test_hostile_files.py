"""``checker verify PATH`` on files built to break it (issue 26): files and folders it cannot open,
files too large to hold, names that are not UTF-8, and names or text with terminal escapes."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from verify_shapes import SHAPES, STALE

from checker import RULESETS
from checker.verify import readers
from checker.verify.files import check_file
from checker.verify.readers import check_html

RULES = RULESETS["pacer-2025"]


def verify(*args: str, cwd: Path | None = None, drop_rights: bool = False):
    command = [sys.executable, "-m", "checker", "verify", *args]
    if drop_rights and os.geteuid() == 0:
        # root reads any file: without these two capabilities it meets permissions as others do.
        command = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", *command]
    return subprocess.run(command, capture_output=True, timeout=120, cwd=cwd)


def can_revoke_rights() -> bool:
    return os.geteuid() != 0 or shutil.which("setpriv") is not None


# Files and folders it cannot open -------------------------------------------------------------


@pytest.mark.skipif(not can_revoke_rights(), reason="root without setpriv reads every file")
def test_an_unreadable_file_and_folder_are_named_and_the_rest_is_checked(tmp_path):
    (tmp_path / "stale.html").write_text(f"<p>{STALE}</p>")
    (tmp_path / "locked.html").write_text("<p>Hi</p>")
    (tmp_path / "locked.html").chmod(0)
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "inside.html").write_text(f"<p>{STALE}</p>")
    (tmp_path / "closed").chmod(0)
    try:
        result = verify(".", cwd=tmp_path, drop_rights=True)
    finally:
        (tmp_path / "closed").chmod(0o755)
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    assert "Traceback" not in stderr
    assert "checker: error: closed: unreadable: permission denied\n" in stderr
    assert "checker: error: locked.html: unreadable: permission denied\n" in stderr
    assert result.stdout.decode().startswith(f"stale.html:1: {STALE}")  # still checked


@pytest.mark.skipif(not can_revoke_rights(), reason="root without setpriv reads every file")
def test_an_unreadable_file_named_alone_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "locked.md").write_text(STALE)
    (tmp_path / "locked.md").chmod(0)
    result = verify("locked.md", cwd=tmp_path, drop_rights=True)
    assert result.returncode == 2
    assert result.stderr.decode().splitlines()[0] == (
        "checker: error: locked.md: unreadable: permission denied"
    )


# Names --------------------------------------------------------------------------------------------


def test_json_output_is_utf_8_whatever_the_file_names(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.txt"), "w") as handle:  # Latin-1: not UTF-8
        handle.write(STALE)
    result = verify(".", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout.decode("utf-8"))  # strict: valid UTF-8
    assert data["files"] == ["caf\\xe9.txt"]
    assert data["mismatches"][0]["file"] == "caf\\xe9.txt"


def test_file_names_and_text_cannot_reach_the_terminal_raw(tmp_path):
    (tmp_path / "a\x1b]0;owned\x07.md").write_text(f"\x1b[2J {STALE}")
    result = verify(".", cwd=tmp_path)
    assert result.returncode == 1
    assert b"\x1b" not in result.stdout and b"\x07" not in result.stdout
    assert result.stdout.decode().startswith("a\\x1b]0;owned\\x07.md:1: \\x1b[2J Passwords")


# Memory stays flat ------------------------------------------------------------------------------

SMALL = {"WINDOW": 4096, "MAX_CARRY": 16_384, "MAX_PASSAGE": 16_384, "MAX_LINE": 16_384,
         "PRESCAN_LIMIT": 16_384}  # fmt: skip


@pytest.fixture
def small_windows(monkeypatch):
    """The readers' windows made small, so a file of a megabyte or two shows what a gigabyte
    would: memory that grows with the file."""
    for name, value in SMALL.items():
        monkeypatch.setattr(readers, name, value)


def court_page(size: int) -> str:
    news = "<p>The clerk's office is open 8:30 a.m. to 4:30 p.m., Monday through Friday.</p>\n"
    return "<html><body>" + news * (size // len(news)) + f"<p>{STALE}</p></body></html>"


BIG = {
    "court page": ("page.html", court_page),
    "one huge paragraph": ("page.html", lambda n: SHAPES["one huge paragraph"](n)[1]),
    "tags never closed": ("page.html", lambda n: SHAPES["tags never closed"](n)[1]),
    "unterminated comment": ("page.html", lambda n: SHAPES["unterminated comment"](n)[1]),
    "a quote never closed": ("page.html", lambda n: f'<p>{STALE}</p><a href="' + "x" * n),
    "a script never closed": ("page.html", lambda n: f"<p>{STALE}</p><script>" + "x<" * (n // 2)),
    "one-line text file": ("notes.txt", lambda n: SHAPES["one-line text file"](n)[1]),
    "a paragraph of many lines": ("notes.md", lambda n: f"{STALE}\n" * (n // len(STALE))),
}


def peak_bytes(path: Path) -> tuple[int, int]:
    """(peak bytes traced while verifying ``path``, mismatches found)."""
    tracemalloc.start()
    try:
        found = sum(1 for _ in check_file(path, path.name, RULES))
        return tracemalloc.get_traced_memory()[1], found
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("shape", BIG)
def test_memory_stays_flat_whatever_the_file_size(tmp_path, small_windows, shape):
    name, make = BIG[shape]
    path = tmp_path / name
    path.write_text(make(20_000), encoding="utf-8")
    peak_bytes(path)  # patterns compiled, caches filled: not what is measured
    peaks = []
    for size in (500_000, 1_000_000):
        path.write_text(make(size), encoding="utf-8")
        peak, found = peak_bytes(path)
        assert found >= 1, "each file holds a stale statement"
        peaks.append(peak)
    # Read whole, the larger file alone is 1 MB, and the peak grows by 0.5 MB from the smaller;
    # read in windows, the peak is what reading a passage takes (0.06-0.5 MB here), the same for
    # both sizes.
    assert peaks[1] < 1_000_000, peaks
    assert peaks[1] < 1.3 * peaks[0] + 50_000, peaks


# Read in windows, a page reads as it does whole ---------------------------------------------------

TRICKY = [
    "<p>a &amp; b</p>" * 300 + f"<p>{STALE}</p>",
    "<!-- x -->" * 500 + f"<p>{STALE}</p><!-- -- > --><p>{STALE}</p>",
    '<a href="/x">' + "<b title='a>b'>t</b>" * 400 + f"<p>{STALE}</p>",
    "<script>if (a<b) {}</script  >" * 200 + f"<p>{STALE}</p><style>p{{}}</style><p>{STALE}</p>",
    "<table><tr><th>Password</th><th>Username</th></tr>"
    + "<tr><td>8-45 characters</td><td>at least 8</td></tr>" * 300 + "</table>",
    "<ul>" + "<li>line<br>\n" * 600 + f"</ul>\n\n<p>{STALE}</p>",
    "<p>" + "x " * 5000 + f"{STALE}</p><!doctype html><?pi x?><p>{STALE}</p>",
]


@pytest.mark.parametrize("window", [5, 64, 1000])
@pytest.mark.parametrize(
    "html", [*TRICKY, *(make(3000)[1] for make in SHAPES.values() if make(10)[0] == "html")]
)
def test_a_page_read_in_windows_reads_as_it_does_whole(monkeypatch, html, window):
    whole = [(m.location, m.excerpt, m.says) for m in check_html(html, "p", RULES)]
    monkeypatch.setattr(readers, "WINDOW", window)
    monkeypatch.setattr(readers, "MAX_CARRY", 4 * window)
    monkeypatch.setattr(readers, "PRESCAN_LIMIT", window)
    parts = [(m.location, m.excerpt, m.says) for m in check_html(io.StringIO(html), "p", RULES)]
    assert parts == whole


# Findings are not gathered without bound ----------------------------------------------------------


def test_a_file_of_many_stale_lines_lists_a_bounded_number_and_counts_the_rest(tmp_path):
    from checker.verify.findings import MAX_LISTED

    (tmp_path / "many.md").write_text(f"{STALE}\n\n" * (MAX_LISTED + 5))
    result = verify("many.md", "--format", "json", cwd=tmp_path)
    data = json.loads(result.stdout)
    assert result.returncode == 1
    assert len(data["mismatches"]) == MAX_LISTED and data["unlisted"] == {"mismatch": 5}
    assert result.stderr.decode() == f"{MAX_LISTED + 5} mismatch(es) in 1 file\n"
    text = verify("many.md", cwd=tmp_path).stdout.decode().splitlines()
    assert len(text) == MAX_LISTED + 1
    assert text[-1] == f"... and 5 more mismatches, not listed (a report lists {MAX_LISTED:,})"
