"""The verifier's settings: ``[tool.pacer-checker]`` in pyproject.toml or ``.pacer-checker.toml``.
Each key works, the command line wins over the file, and a key the verifier does not know (or a
value of the wrong type) stops the run with one line naming the file and the key."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from live_site import STALE, Site, html
from verify_ci import court_folder, verify

from checker.verify import cli, config
from checker.verify.selection import Globs, translate

OLD_RULES = '[tool.pacer-checker]\nruleset = "pacer-2021"\n'


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    cli.add_arguments(parser)
    return parser.parse_args([*argv, "x"])


def one_error_line(result, *parts: str) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert "Traceback" not in line
    for part in parts:
        assert part in line
    return line


def test_the_rule_set_from_pyproject_and_the_command_line_over_it(tmp_path):
    court = court_folder(tmp_path)
    assert verify(".", cwd=court).returncode == 1  # no settings: pacer-2025, the stale text fails
    (court / "pyproject.toml").write_text('[project]\nname = "court"\n\n' + OLD_RULES)
    assert verify(".", cwd=court).returncode == 0  # pacer-2021: the text agrees
    assert verify(".", "--ruleset", "pacer-2025", cwd=court).returncode == 1
    # Found from a folder below the one that holds it.
    assert verify("passwords.html", cwd=court / "news").returncode == 0


def test_the_own_file_wins_over_pyproject_and_config_names_one(tmp_path):
    court = court_folder(tmp_path)
    (court / "pyproject.toml").write_text(OLD_RULES)
    (court / ".pacer-checker.toml").write_text('ruleset = "pacer-2025"\n')
    assert verify(".", cwd=court).returncode == 1
    other = tmp_path / "elsewhere.toml"
    other.write_text('ruleset = "pacer-2021"\n')
    assert verify(".", "--config", str(other), cwd=court).returncode == 0
    one_error_line(verify(".", "--config", "missing.toml", cwd=court), "missing.toml")


def test_a_pyproject_without_the_table_is_passed_over(tmp_path):
    court = court_folder(tmp_path / "court")
    (tmp_path / "pyproject.toml").write_text(OLD_RULES)  # a folder up
    (court / "pyproject.toml").write_text('[project]\nname = "court"\n')
    assert config.find(court.resolve()) == (tmp_path / "pyproject.toml").resolve()
    assert verify(".", cwd=court).returncode == 0


@pytest.mark.parametrize(
    "name, text, parts",
    [
        ("pyproject.toml", '[tool.pacer-checker]\nfail_on = "review"\n',
         ["pyproject.toml: [tool.pacer-checker] unknown key 'fail_on'", "did you mean 'fail-on'"]),
        (".pacer-checker.toml", "colour = 1\n",
         [".pacer-checker.toml: unknown key 'colour' (known: ruleset, fail-on,"]),
        (".pacer-checker.toml", '[crawl]\nmax-pages = 3\n', ["unknown key 'crawl'"]),
        (".pacer-checker.toml", 'max-pages = "ten"\n',
         ["max-pages: expected a whole number, not 'ten'"]),
        (".pacer-checker.toml", "max-pages = 0\n",
         ["max-pages: expected a whole number, at least 1 and at most 10,000,000, not 0"]),
        (".pacer-checker.toml", "timeout = -1.5\n",
         ["timeout: expected a number, more than 0 and at most 3,600, not -1.5"]),
        (".pacer-checker.toml", "delay = inf\n", ["delay: expected a finite number, not inf"]),
        (".pacer-checker.toml", "delay = true\n", ["delay: expected a number, not True"]),
        (".pacer-checker.toml", "max-depth = 2.5\n", ["max-depth: expected a whole number"]),
        (".pacer-checker.toml", 'fail-on = "always"\n',
         ["fail-on: expected one of mismatch, review, not 'always'"]),
        (".pacer-checker.toml", 'ruleset = "pacer-1999"\n', ["ruleset: expected one of pacer-"]),
        (".pacer-checker.toml", 'exclude = "docs"\n', ["exclude: expected a list of strings"]),
        (".pacer-checker.toml", "include-hosts = [1]\n", ["include-hosts: expected a list"]),
        (".pacer-checker.toml", "ruleset = \n", [".pacer-checker.toml: not a TOML file"]),
        ("pyproject.toml", "[tool]\npacer-checker = 3\n", ["tool.pacer-checker must be a table"]),
    ],
)  # fmt: skip
def test_a_bad_settings_file_is_one_line_naming_file_and_key(tmp_path, name, text, parts):
    court = court_folder(tmp_path)
    (court / name).write_text(text)
    one_error_line(verify(".", cwd=court), "checker: error: ", *parts)


def test_a_broken_pyproject_is_reported_only_when_it_names_the_table(tmp_path):
    court = court_folder(tmp_path)
    (court / "pyproject.toml").write_text("[project\n")
    assert verify(".", cwd=court).returncode == 1  # not ours: passed over
    (court / "pyproject.toml").write_text("[tool.pacer-checker\n")
    one_error_line(verify(".", cwd=court), "pyproject.toml: not a TOML file")


def test_include_and_exclude_globs_and_the_command_line_over_them(tmp_path):
    court = court_folder(tmp_path)
    # Excluding every file with a finding: the rest agrees.
    (court / ".pacer-checker.toml").write_text('exclude = ["news", "*.md", "print.pdf"]\n')
    result = verify(".", cwd=court)
    assert result.returncode == 0, result.stdout
    assert "1 file agrees" in result.stderr
    # A file named on the command line (as pre-commit passes them) is skipped too.
    assert "0 files agree" in verify("guide.md", cwd=court).stderr
    # --exclude replaces the file's list.
    result = verify(".", "--exclude", "*.md", cwd=court)
    assert result.returncode == 1 and "guide.md" not in result.stdout
    assert "news/passwords.html:3" in result.stdout
    (court / ".pacer-checker.toml").write_text('include = ["news/**/*.html"]\n')
    result = verify(".", cwd=court)
    assert result.stdout.splitlines()[0].startswith("news/passwords.html:3: ")
    assert "2 mismatch" not in result.stderr and "1 mismatch(es) in 1 file" in result.stderr
    # Globs in the file are relative to it, wherever the command runs.
    assert "1 mismatch(es) in 1 file" in verify(".", cwd=court / "news").stderr
    assert "3 mismatch(es) in 4 files" in verify(".", "--include", "*", cwd=court).stderr


@pytest.mark.parametrize(
    "glob, matches, misses",
    [
        ("*.md", ["a.md", "docs/a.md"], ["a.mdx", "a.html"]),
        ("docs/*.md", ["docs/a.md"], ["docs/x/a.md", "a.md"]),
        ("docs/**/*.md", ["docs/a.md", "docs/x/y/a.md"], ["other/a.md"]),
        ("docs/courts", ["docs/courts/mnd.md", "docs/courts"], ["docs/courts.md"]),
        ("./site/", ["site/index.html"], ["docs/site"]),
        ("page?.[hx]tml", ["page1.html", "d/pageA.xtml"], ["page10.html", "page1.ytml"]),
        ("[!a]*.txt", ["b.txt"], ["a.txt"]),
        ("50%+(1).txt", ["50%+(1).txt"], ["50%+1.txt"]),
    ],
)
def test_globs(glob, matches, misses):
    pattern = translate(glob)
    assert [path for path in matches if pattern.fullmatch(path)] == matches
    assert [path for path in misses if pattern.fullmatch(path)] == []


def test_globs_outside_their_folder_match_the_path_as_given(tmp_path):
    globs = Globs(("*.md",), tmp_path / "base")
    assert globs.matches(tmp_path / "elsewhere" / "a.md")
    assert not Globs(("elsewhere/a.md",), tmp_path / "base").matches(tmp_path / "x" / "a.md")


def test_the_command_line_wins_over_the_file_for_every_key(tmp_path):
    settings = tmp_path / ".pacer-checker.toml"
    settings.write_text(
        'ruleset = "pacer-2021"\nfail-on = "review"\nbaseline = "reviewed.json"\n'
        'include = ["docs"]\nexclude = ["docs/courts"]\nmax-pages = 5\ndelay = 0\n'
        'include-hosts = ["a.example"]\n'
    )
    loaded = config.load(settings)
    from_file = config.resolve(parse(), loaded)
    assert from_file["ruleset"] == "pacer-2021" and from_file["fail_on"] == "review"
    assert from_file["baseline"] == tmp_path.resolve() / "reviewed.json"
    assert from_file["include"] == Globs(("docs",), tmp_path.resolve())
    assert from_file["max_pages"] == 5 and from_file["delay"] == 0
    assert from_file["include_hosts"] == ("a.example",)
    given = config.resolve(
        parse("--ruleset", "pacer-2025", "--fail-on", "mismatch", "--include", "x",
              "--exclude", "y", "--max-pages", "7", "--delay", "2", "--include-host", "b"),
        loaded,
    )  # fmt: skip
    assert given["ruleset"] == "pacer-2025"
    assert given["fail_on"] == "mismatch"  # the default, given: it still wins over the file
    assert given["include"] == Globs(("x",), Path.cwd()) and given["exclude"].patterns == ("y",)
    assert given["max_pages"] == 7 and given["delay"] == 2
    assert given["include_hosts"] == ["b"]
    defaults = config.resolve(parse(), config.FileSettings())
    assert defaults["ruleset"] == "pacer-2025" and defaults["fail_on"] == "mismatch"
    assert defaults["max_pages"] is None  # the crawl's own default (Settings) applies


def test_crawl_knobs_from_the_file_reach_the_crawl_and_not_a_file_run(tmp_path):
    site = Site().start()
    try:
        pages = "".join(f'<a href="/p{n}">{n}</a>' for n in range(5))
        site.routes["/"] = html(f"<p>Welcome.</p>{pages}")
        for n in range(5):
            site.routes[f"/p{n}"] = html(f"<p>{STALE}</p>")
        (tmp_path / ".pacer-checker.toml").write_text("max-pages = 2\ndelay = 0\n")
        result = verify(site.url + "/", cwd=tmp_path)
        assert result.returncode == 1, result.stderr
        assert "1 mismatch(es) in 2 pages" in result.stderr
        assert "stopped at a limit" in result.stderr
        result = verify(site.url + "/", "--max-pages", "3", cwd=tmp_path)
        assert "2 mismatch(es) in 3 pages" in result.stderr
    finally:
        site.stop()
    # The same settings file does not stop a run on files (the knobs are for URLs).
    (tmp_path / "a.md").write_text("Welcome.\n")
    assert verify("a.md", cwd=tmp_path).returncode == 0
    one_error_line(verify("a.md", "--max-pages", "3", cwd=tmp_path), "for URLs only")


def test_help_names_every_format_key_and_wrapper():
    result = verify("--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    for fmt in cli.FORMATS:
        assert f"\n  {fmt} " in result.stdout, fmt
    for key in config.known_keys():
        assert key in text, key
    for wrapper in ("pre-commit", "pacer-checker (.pre-commit-hooks.yaml)", "action.yml"):
        assert wrapper in text


def test_an_excluded_folder_is_never_walked(tmp_path, monkeypatch):
    from checker.verify import files
    from checker.verify.selection import Selection

    court = court_folder(tmp_path)
    modules = court / "node_modules"
    for number in range(50):
        (modules / f"m{number}").mkdir(parents=True)
        (modules / f"m{number}" / "README.md").write_text(f"{STALE}\n")
    walked = []
    real_walk = files.os.walk

    def walk(root, **options):  # onerror: folders that cannot be listed are reported
        for folder, subfolders, names in real_walk(root, **options):
            walked.append(Path(folder).relative_to(court).as_posix())
            yield folder, subfolders, names

    monkeypatch.setattr(files.os, "walk", walk)
    keep = Selection(exclude=Globs(("node_modules",), court))
    names = [name for _, name in files.targets([str(court)], keep)]
    assert [Path(name).relative_to(court).as_posix() for name in names] == [
        "guide.md", "index.htm", "print.pdf", "news/passwords.html"
    ]
    assert walked == [".", "news"]
    walked.clear()
    assert len(list(files.targets([str(court)]))) == 54  # without the glob: every folder
    assert len(walked) == 53  # ., news, node_modules and its 50 folders


REVIEWED = "<p>Password length for PACER: 8 minimum.</p>\n"  # read by no reader: a review


def test_fail_on_and_baseline_from_the_file_a_webmasters_path(tmp_path):
    court = tmp_path / "court"
    (court / "news").mkdir(parents=True)
    (court / "news" / "help.html").write_text(REVIEWED)
    settings = court / "pyproject.toml"
    settings.write_text('[tool.pacer-checker]\nfail-on = "review"\n')
    first = verify(".", cwd=court)  # fail-on review: the review fails the run
    assert first.returncode == 1, first.stderr
    assert "1 passage(s) to review" in first.stderr
    assert verify(".", "--fail-on", "mismatch", cwd=court).returncode == 0
    # The baseline the file names does not exist yet: an error naming it.
    settings.write_text(settings.read_text() + 'baseline = "reviewed.json"\n')
    one_error_line(verify(".", cwd=court), "reviewed.json: no such baseline file")
    # Writing the file's baseline: --write-baseline wins over reading the file's.
    written = verify(".", "--write-baseline", "reviewed.json", cwd=court)
    assert written.returncode == 0, written.stderr
    assert (court / "reviewed.json").is_file()
    clean = verify(".", cwd=court)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "1 file agrees with pacer-2025; 1 silenced" in clean.stderr
    # From a folder below, the baseline is still found (relative to the settings file: no
    # "no such baseline file"), but entries name documents as the run names them, from the
    # folder it ran in: "../news/help.html" is not "news/help.html".
    below = verify("../news/help.html", cwd=court / "news")
    assert below.returncode == 1 and "error" not in below.stderr, below.stderr
    (court / "news" / "help.html").write_text(REVIEWED.replace("8 minimum", "9 minimum"))
    assert verify(".", cwd=court).returncode == 1  # changed words: reported again
