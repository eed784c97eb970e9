"""The verifier on PDF guides printed by real Chromium (``page.pdf()``), as courts publish them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from checker import RULESETS

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
OLD = RULESETS["pacer-2021"]

# Seed 000's Security-tab step and its note box, laid out as a court's two-page PDF guide: the
# first steps on page 1, the note box (a bordered box, bold labels, bullets) on page 2. The
# note's lines are taken from the seed itself, so the test follows the seed.
GUIDE = """<!doctype html><html><head><style>
body {{ font: 12pt serif; margin: 1in; }}
.note {{ border: 1px solid #000; padding: 8pt; width: 4in; }}
.next {{ break-before: page; }}
</style></head><body>
<h1>Upgrade Your Individual PACER Account</h1>
<p>1. Go to the PACER website.</p><p>2. Click Manage My Account.</p>
<p>Call the PACER Service Center between 8 AM and 6 PM CT Monday through Friday.</p>
<div class="next"><p>7. Security Tab. Create a new username, password, and security questions.</p>
<div class="note">{note}</div><p>8. Upgrade Completed; Click Close.</p></div>
</body></html>"""


def seed_note() -> str:
    """The seed's note box as HTML: each line a paragraph, '- ' lines a bulleted list."""
    text = (SEEDS / "000_7f599267b7c4a986.txt").read_text()
    start = text.index("\nNote:\n")
    end = text.index("\n8. Upgrade Completed")
    html, items = [], []
    for line in (line.strip() for line in text[start:end].splitlines()):
        if line.startswith("- "):
            items.append(f"<li>{line[2:]}</li>")
            continue
        if items:
            html.append(f"<ul>{''.join(items)}</ul>")
            items = []
        if line:
            label, _, rest = line.partition(":")
            html.append(f"<p><b>{label}:</b>{rest}</p>" if rest else f"<p>{line}</p>")
    html.append(f"<ul>{''.join(items)}</ul>" if items else "")
    return "".join(html)


def print_pdf(browser, html: str, path: Path) -> Path:
    page = browser.new_page()
    page.set_content(html)
    page.pdf(path=str(path), format="Letter")
    page.close()
    return path


def verify(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "checker", "verify", *map(str, args)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@pytest.fixture(scope="module")
def guide(browser, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pdf")
    return print_pdf(browser, GUIDE.format(note=seed_note()), folder / "upgrade-guide.pdf")


def test_the_guide_is_two_pages_with_the_note_on_page_2(guide):
    reader = PdfReader(guide)
    assert len(reader.pages) == 2
    assert "Username: 8-40 characters" in reader.pages[1].extract_text()


def test_seed_note_in_a_pdf_is_flagged_under_2025_with_its_page(guide):
    result = verify(guide, "--format", "json")
    assert result.returncode == 1, result.stderr
    mismatches = json.loads(result.stdout)["mismatches"]
    assert {m["rule_id"] for m in mismatches} >= {"password.length", "password.username"}
    assert {json.dumps(m["location"]) for m in mismatches} == {'{"page": 2}'}
    text = verify(guide).stdout
    assert text.startswith(f"{guide.as_posix()}:page 2: ")


def test_seed_note_in_a_pdf_passes_under_2021(guide):
    result = verify(guide, "--ruleset", "pacer-2021")
    assert result.returncode == 0, result.stdout + result.stderr


def test_github_annotation_for_a_pdf_puts_the_page_in_the_title(guide):
    lines = verify(guide, "--format", "github").stdout.splitlines()
    start = f"::error file={guide.as_posix()},title="
    assert lines and all(line.startswith(start) for line in lines)
    assert all("(page 2)::" in line and ",line=" not in line for line in lines)


def test_an_image_only_pdf_is_unreadable(browser, tmp_path):
    # A canvas is painted as an image: the page shows the rule, but the PDF has no text layer.
    rule = OLD.rule("password.length").params
    canvas = (
        "<canvas id=c width=600 height=100></canvas><script>"
        "const g = document.getElementById('c').getContext('2d'); g.font = '20px serif';"
        f"g.fillText('Password: {rule['min']}-{rule['max']} characters', 10, 50);"
        "</script>"
    )
    scan = print_pdf(browser, canvas, tmp_path / "scan.pdf")
    assert PdfReader(scan).pages[0].extract_text().strip() == ""
    result = verify(scan)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        f"checker: error: {scan.as_posix()}: unreadable: "
        "no text layer (a scanned or image-only PDF?)"
    )
    assert "Traceback" not in result.stderr


def test_an_encrypted_pdf_is_unreadable_but_the_other_files_are_still_checked(guide, tmp_path):
    writer = PdfWriter(clone_from=guide)
    writer.encrypt(user_password="court", algorithm="RC4-128")
    with (tmp_path / "locked.pdf").open("wb") as handle:
        writer.write(handle)
    (tmp_path / "page.html").write_text("<p>Passwords must be 8-45 characters.</p>")
    result = verify(tmp_path, "--format", "json")
    assert result.returncode == 2
    data = json.loads(result.stdout)
    assert [Path(u["file"]).name for u in data["unreadable"]] == ["locked.pdf"]
    assert [Path(m["file"]).name for m in data["mismatches"]] == ["page.html"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("checker: error:")]
    assert errors == [f"checker: error: {(tmp_path / 'locked.pdf').as_posix()}: unreadable: "
                      "encrypted PDF (it needs a password to open)"]  # fmt: skip


def test_a_pdf_with_only_an_owner_password_is_read(guide, tmp_path):
    writer = PdfWriter(clone_from=guide)
    writer.encrypt(user_password="", owner_password="clerk", algorithm="RC4-128")
    with (tmp_path / "printable.pdf").open("wb") as handle:
        writer.write(handle)
    assert verify(tmp_path / "printable.pdf").returncode == 1


def test_a_damaged_pdf_is_one_line(tmp_path):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\nnot really a pdf")
    result = verify(tmp_path / "broken.pdf")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith(
        f"checker: error: {(tmp_path / 'broken.pdf').as_posix()}: unreadable: "
    )
