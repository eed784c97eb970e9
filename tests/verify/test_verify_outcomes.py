"""Issue 23: every passage about a PACER username or password requirement ends as agrees,
mismatch or review; what a person reviewed is recorded inline or in a baseline."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from verify_corpus import load

from checker.verify import Mismatch, Review, findings_html, findings_text, verify_paths
from checker.verify.cli import main


def outcomes(text: str, fmt: str = "text") -> tuple[list[Mismatch], list[Review]]:
    read = findings_html if fmt == "html" else findings_text
    found = read(text, f"page.{fmt}", "pacer-2025")
    return (
        [f for f in found if isinstance(f, Mismatch)],
        [f for f in found if isinstance(f, Review)],
    )


# Passages that look like rule statements in forms no reader reads: a person must read them.
@pytest.mark.parametrize(
    "text, kind",
    [
        ("Password length for PACER: 8 minimum.", "length"),
        ("PACER passwords: within the first 7 characters there must be a symbol.", "length"),
        ("Your PACER password is renewed every one hundred eighty days.", "change"),
        ("The PACER password change interval was 90 days; it is now 180 days.", "change"),
        ("Your PACER password must use a mix of the four character types.", "classes"),
        ("A password must differ from your first name and last name.", "personal"),
        ("No character of a PACER password may appear twice in succession.", "repeat"),
    ],
)
def test_a_passage_that_looks_like_a_rule_but_is_not_read_is_a_review(text, kind):
    mismatches, reviews = outcomes(text)
    assert mismatches == []
    assert [review.kind for review in reviews] == [kind]
    review = reviews[0]
    assert review.excerpt == text and review.location == 1 and review.why
    assert str(review).startswith("page.text:1: ")


# Numbers near "password" that are no rule: neither a mismatch nor a review.
@pytest.mark.parametrize(
    "text",
    [
        "Forgot your password? Call the PACER Service Center at (800) 676-6856.",
        "Enter the 6-digit code we send when you reset your password.",
        "Enter your 10-digit account number, your username and your password.",
        "Password reset links expire after 24 hours.",
        "PACER accounts are deactivated after six months of inactivity; reset your password then.",
        "You can skip the MFA prompt three times before your PACER account is disabled.",
        "Your client code can be up to 32 characters; it is not your password.",
        "Objections are due within 14 days of the password reset notice.",
    ],
)
def test_a_number_near_password_that_is_no_rule_is_neither(text):
    assert outcomes(text) == ([], [])


@pytest.mark.parametrize(
    "text",
    [
        "Your PACER password must be 14-45 characters long.",
        "It must contain at least one lowercase letter, one uppercase letter and one special "
        "character.",
        "PACER passwords must be changed every 180 days.",
        "Your password cannot contain any part of your name, username or email address.",
        "A password cannot have the same character three times in a row.",
    ],
)
def test_a_statement_read_that_agrees_is_neither(text):
    assert outcomes(text) == ([], [])


def test_a_stale_statement_is_a_mismatch_not_a_review():
    mismatches, reviews = outcomes("PACER passwords must be at least 8 characters.")
    assert [m.rule_id for m in mismatches] == ["password.length"] and reviews == []


def test_no_corpus_non_rule_is_reviewed():
    """The corpus's passages that state no rule (kind "none") raise no review either."""
    reviewed = [
        f"{case.id} (line {case.line})" for case in load() if case.kinds == ("none",)
        for ruleset in ("pacer-2021", "pacer-2025") if case.findings(ruleset)[1]
    ]  # fmt: skip
    assert reviewed == []


# --- reports and exit codes ---------------------------------------------------------------------

PAGE = (
    "<h2>PACER password</h2>\n"
    "<p>Password length for PACER: 8 minimum.</p>\n"
    "<p>Call (800) 676-6856 for password help.</p>\n"
)
STALE = "<p>PACER passwords must be changed every 90 days.</p>\n"


def run(tmp_path: Path, *args: str, fmt: str = "text") -> tuple[int, str]:
    out = tmp_path / "out.txt"
    with out.open("w") as handle:
        code = main([str(tmp_path / "site")], fmt=fmt, out=handle, **_options(args))
    return code, out.read_text()


def _options(args: tuple[str, ...]) -> dict:
    options = dict(zip(args[::2], args[1::2], strict=True))
    return {
        "fail_on": options.get("--fail-on", "mismatch"),
        "baseline": Path(options["--baseline"]) if "--baseline" in options else None,
        "write_baseline": Path(options["--write-baseline"]) if "--write-baseline" in options
        else None,
    }  # fmt: skip


def site(tmp_path: Path, html: str) -> Path:
    folder = tmp_path / "site"
    folder.mkdir(exist_ok=True)
    (folder / "help.html").write_text(html)
    return folder


def test_reviews_in_every_format_and_the_exit_codes(tmp_path, capsys):
    site(tmp_path, PAGE)
    code, text = run(tmp_path)
    assert code == 0  # a review alone does not fail the check
    assert text.splitlines()[0].startswith("To review (1): these look like rule statements")
    assert "help.html:2: Password length for PACER: 8 minimum.: looks like a rule (" in text
    summary = capsys.readouterr().err
    assert "no mismatch with pacer-2025 in 1 file; 1 passage(s) to review" in summary
    assert run(tmp_path, "--fail-on", "review")[0] == 1
    code, shown = run(tmp_path, fmt="json")
    data = json.loads(shown)
    assert data["mismatches"] == [] and len(data["reviews"]) == 1
    review = data["reviews"][0]
    assert review["file"].endswith("help.html") and review["location"] == {"line": 2}
    assert review["kind"] == "length" and review["why"] and len(review["fingerprint"]) == 20
    code, shown = run(tmp_path, fmt="github")
    assert shown.startswith("::warning file=")
    assert ",line=2,title=PACER rule? review (length)::" in shown


def test_mismatches_come_before_the_reviews_and_both_are_counted(tmp_path, capsys):
    site(tmp_path, PAGE + STALE)
    code, text = run(tmp_path)
    assert code == 1
    lines = text.splitlines()
    assert "says change every 90 days" in lines[0] and lines[1] == ""
    assert lines[2].startswith("To review (1)")
    assert "1 mismatch(es) in 1 file; 1 passage(s) to review" in capsys.readouterr().err


# --- inline suppression -------------------------------------------------------------------------


IGNORED = "Password length for PACER: 8 minimum."
STALE_8 = "PACER passwords must be at least 8 characters."


@pytest.mark.parametrize(
    "name, text",
    [
        ("comment.html", f"<!-- pacer-checker: ignore -->\n<p>{IGNORED}</p>"),
        ("attribute.html", f'<div data-pacer-checker="ignore"><p>{STALE_8}</p>\n'
                           f"<p>{IGNORED}</p></div>"),
        ("comment-in-text.html", f"<p><!-- pacer-checker: ignore -->{STALE_8}</p>"),
        ("comment.md", f"<!-- pacer-checker: ignore -->\n{STALE_8}\n{IGNORED}"),
        ("raw.md", f'<div data-pacer-checker="ignore" markdown>\n\n{STALE_8}\n\n{IGNORED}\n\n'
                   "</div>"),
        ("attr-list.md", f'{STALE_8}\n{{: data-pacer-checker="ignore" }}'),
        ("heading.md", f'## {IGNORED} {{: data-pacer-checker="ignore" }}'),
    ],
)  # fmt: skip
def test_an_ignored_passage_is_silenced_and_counted(tmp_path, name, text):
    folder = tmp_path / "site"
    folder.mkdir()
    after = "\n\nPACER passwords must be at least 12 characters.\n"  # not ignored: still read
    (folder / name).write_text(text + (after if name.endswith(".md") else f"<p>{after}</p>"))
    outcome = verify_paths([str(folder)])
    assert outcome.reviews == []
    assert [m.excerpt for m in outcome.mismatches] == [
        "PACER passwords must be at least 12 characters."
    ]
    assert outcome.suppressed >= 1


def test_the_ignore_comment_silences_only_the_next_element(tmp_path):
    html = (
        "<!-- pacer-checker: ignore -->\n<p>PACER passwords must be at least 8 characters.</p>\n"
        "<p>PACER passwords must be changed every 90 days.</p>\n"
    )
    mismatches, reviews = outcomes(html, "html")
    assert [m.rule_id for m in mismatches] == ["password-change"]


# --- the baseline: the webmaster's path, end to end -----------------------------------------------


def verify(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "checker", "verify", *args],
        capture_output=True, text=True, timeout=120, cwd=cwd,
    )  # fmt: skip


def test_the_webmasters_path_with_a_baseline(tmp_path):
    folder = site(tmp_path, PAGE + "<p>A PACER password must differ from your first name.</p>\n")
    # 1. The first run reports the passages to review (and fails with --fail-on review).
    first = verify("site", "--fail-on", "review", cwd=tmp_path)
    assert first.returncode == 1 and first.stdout.count("looks like a rule") == 2
    # 2. The webmaster reads them and records them.
    wrote = verify("site", "--write-baseline", "baseline.json", cwd=tmp_path)
    assert wrote.returncode == 0 and "wrote 2 finding(s) to the baseline" in wrote.stderr
    entries = json.loads((tmp_path / "baseline.json").read_text())["entries"]
    assert {entry["finding"] for entry in entries} == {"review"} and len(entries) == 2
    # 3. The second run is clean, and says what it silenced.
    second = verify("site", "--baseline", "baseline.json", "--fail-on", "review", cwd=tmp_path)
    assert second.returncode == 0 and second.stdout == ""
    assert "2 silenced (inline or baseline)" in second.stderr
    # A line added above moves the passages, and changes nothing: lines are not fingerprinted.
    page = folder / "help.html"
    page.write_text("<p>Welcome.</p>\n" + page.read_text().replace("<h2>", "<h2>  "))
    moved = verify("site", "--baseline", "baseline.json", "--fail-on", "review", cwd=tmp_path)
    assert moved.returncode == 0 and moved.stdout == ""
    # 4. A changed passage is reported again; the entry it replaced is listed as stale.
    page.write_text(page.read_text().replace("8 minimum", "10 minimum"))
    changed = verify("site", "--baseline", "baseline.json", "--fail-on", "review", cwd=tmp_path)
    assert changed.returncode == 1
    assert "Password length for PACER: 10 minimum.: looks like a rule" in changed.stdout
    assert "Stale baseline entries (1)" in changed.stdout
    assert "site/help.html: Password length for PACER: 8 minimum." in changed.stdout
    assert "1 silenced" in changed.stderr and "1 stale baseline entry" in changed.stderr


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "no such baseline file"),
        ("{", "not a baseline: line 1"),
        ('{"format": "other"}', 'expected "format": "pacer-checker baseline"'),
        ('{"format": "pacer-checker baseline", "version": 1, "entries": [{"file": "x"}]}',
         "entry 1 must have exactly the text fields"),
    ],
)  # fmt: skip
def test_a_bad_baseline_is_a_usage_error_naming_the_file(tmp_path, content, message):
    site(tmp_path, PAGE)
    if content is not None:
        (tmp_path / "b.json").write_text(content)
    result = verify("site", "--baseline", "b.json", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("checker: error: b.json: ") and message in result.stderr
    assert "Traceback" not in result.stderr


def test_baseline_and_write_baseline_do_not_go_together(tmp_path):
    site(tmp_path, PAGE)
    result = verify("site", "--baseline", "a.json", "--write-baseline", "b.json", cwd=tmp_path)
    assert result.returncode == 2 and "give one of them" in result.stderr


def test_verify_help_describes_outcomes_suppression_and_the_baseline():
    shown = verify("--help", cwd=Path.cwd()).stdout
    for words in ("--fail-on", "review", "pacer-checker: ignore", 'data-pacer-checker="ignore"',
                  "--write-baseline", "--baseline", "stale"):  # fmt: skip
        assert words in shown, words


def test_the_settings_files_baseline_is_read_and_write_baseline_replaces_it(tmp_path):
    site(tmp_path, PAGE)
    (tmp_path / ".pacer-checker.toml").write_text('baseline = "b.json"\nfail-on = "review"\n')
    # Writing a baseline needs no baseline yet, even when the settings name one.
    wrote = verify("site", "--write-baseline", "b.json", cwd=tmp_path)
    assert wrote.returncode == 0, wrote.stderr
    quiet = verify("site", cwd=tmp_path)  # the settings give the baseline and --fail-on review
    assert quiet.returncode == 0 and quiet.stdout == "" and "1 silenced" in quiet.stderr


def test_a_mark_past_the_html_readers_first_window_is_seen(tmp_path):
    """The HTML reader reads a large file a window at a time: a mark far into it counts too."""
    from checker.verify.readers import PRESCAN_LIMIT, WINDOW

    line = "<p>The clerk's office is open Monday through Friday.</p>\n"
    filler = line * ((PRESCAN_LIMIT + 2 * WINDOW) // len(line))
    html = f"{filler}<!-- pacer-checker: ignore -->\n<p>{STALE_8}</p>\n<p>{IGNORED}</p>\n"
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "long.html").write_text(html)
    outcome = verify_paths([str(folder)])
    assert outcome.mismatches == [] and outcome.suppressed == 1
    assert [review.excerpt for review in outcome.reviews] == [IGNORED]
