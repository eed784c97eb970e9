"""Every statement in the seed documents has a home on the site (seeds/traceability.yml).

The map pairs an exact quote from a seed with the page section that covers it. These tests check
that each quote is really in its seed, that each target section exists in the built site, and that
no seed statement is left without a quote: the statements are pulled from the seeds by rule, so a
statement nobody mapped (or a mapping somebody deleted) fails the suite.
"""

from __future__ import annotations

import copy
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from bs4 import BeautifulSoup
from sections import fact_source_urls, listed_sources, page_soup, section_links, unlink_section

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
MAP_FILE = SEEDS / "traceability.yml"
SEED_FILES = sorted(path.name for path in SEEDS.glob("[0-9][0-9][0-9]_*.txt"))

# Markdown left over from the PDF extraction, removed before comparing text.
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<(https?://[^>]+)>")
_UNDERLINE = re.compile(r"</?u>")
_ITALIC = re.compile(r"(?<![*\w])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![*\w])")
_STEP = re.compile(r"^(?:STEP\s+\d+|\d+\.)(?:\s|$)")
_NOTE = re.compile(r"\bNOTE:\s*(\S.*)$", re.IGNORECASE)
# A sentence ends at . ? or ! after two letters, quotes or brackets; so "e.g.", "U.S." and the
# step numbers "1." do not end one, but "CM/ECF." and "PC." do.
_WORD_END = "A-Za-z)\"'”’"
_SENTENCE_END = re.compile(rf"(?<=[{_WORD_END}][{_WORD_END}][.?!])\s+")


def clean_line(line: str) -> str:
    """One seed line as plain text: no Markdown markup, no list bullet, single spaces."""
    line = _LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _UNDERLINE.sub("", line)
    line = line.replace("**", "")
    line = _ITALIC.sub(r"\1", line)
    line = re.sub(r"^\s*-\s+(?=STEP\b)", "", line)  # "- **STEP 2** ..." in seed 002
    return " ".join(line.split())


def normalise(text: str) -> str:
    """Text for comparison: each line cleaned, then all whitespace collapsed."""
    return " ".join(clean_line(line) for line in text.splitlines() if line.strip())


def seed_text(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE_END.split(text) if part]


@dataclass(frozen=True)
class Statement:
    seed: str
    rule: str
    text: str


def seed_statements(name: str) -> list[Statement]:
    """The statements of one seed that must each be covered by a mapping.

    Rules, applied to each cleaned line (screenshot descriptions, which start "The screenshot",
    are skipped):

    - step: a line starting with a step marker ("STEP 3", "3.");
    - note: the text after "NOTE:" anywhere in a line;
    - note box: every line of the password note box (seed 000, from "Note:" to step 8);
    - prose: any other line that is a sentence (starts with a capital, ends with . ? or !);
    - field: a screen field label, that is a line or tab-separated cell "Label *" (required);
    - row: the first cell of a tab-separated table row (a screen's table or menu);
    - label: the text of every link in the seed (a screen label);
    - title: the seed's first line.

    Steps and prose are split into sentences, so each sentence needs a quote of its own.
    """
    found: list[Statement] = []
    in_note_box = False
    lines = seed_text(name).splitlines()
    title = next(clean_line(line) for line in lines if line.strip())
    found.append(Statement(name, "title", title))
    for raw in lines:
        line = clean_line(raw)
        if not line or line.startswith("The screenshot"):
            continue
        if line == "Note:":
            in_note_box = True
            continue
        if in_note_box and _STEP.match(line):
            in_note_box = False
        if in_note_box:
            found.append(Statement(name, "note box", line))
            continue
        note = _NOTE.search(line)
        if note:
            found.extend(Statement(name, "note", s) for s in sentences(note.group(1)))
        if _STEP.match(line):
            found.extend(Statement(name, "step", s) for s in sentences(line))
        elif re.match(r"^[A-Z]", line) and line[-1] in ".?!" and len(line.split()) >= 3:
            found.extend(Statement(name, "prose", s) for s in sentences(line))
        field = re.match(r"^([A-Z][A-Za-z0-9/ ]*?) \*(?:\s|$)", line)
        if field:
            found.append(Statement(name, "field", f"{field.group(1)} *"))
        if "\t" in raw:
            first = clean_line(raw.split("\t", 1)[0])
            if re.match(r"^[A-Z]", first):
                found.append(Statement(name, "row", first))
        for label in _LINK.findall(raw):
            label = clean_line(label.strip("()"))
            if label:
                found.append(Statement(name, "label", label))
    unique: dict[tuple[str, str], Statement] = {}
    for statement in found:
        unique.setdefault((statement.rule, statement.text), statement)
    return list(unique.values())


def all_statements() -> list[Statement]:
    return [s for name in SEED_FILES for s in seed_statements(name)]


def load_map() -> dict:
    return yaml.safe_load(MAP_FILE.read_text(encoding="utf-8"))


def quotes_of(entry: dict) -> list[str]:
    return [entry["quote"]] if "quote" in entry else list(entry["quotes"])


def uncovered(statements: list[Statement], mapping: dict) -> list[Statement]:
    """Statements that no mapping quote of the same seed contains."""
    quotes: dict[str, list[str]] = {}
    for entry in mapping["mappings"]:
        quotes.setdefault(entry["seed"], []).extend(normalise(q) for q in quotes_of(entry))
    return [
        s for s in statements if not any(s.text in quote for quote in quotes.get(s.seed, ()))
    ]


@pytest.fixture(scope="module")
def mapping() -> dict:
    return load_map()


def test_the_map_names_every_seed_and_only_seeds(mapping):
    assert sorted(mapping["seeds"]) == SEED_FILES
    for entry in mapping["mappings"]:
        assert entry["seed"] in SEED_FILES, entry
        assert entry.get("covered_by"), entry


def test_every_quote_occurs_in_its_seed(mapping):
    texts = {name: normalise(seed_text(name)) for name in SEED_FILES}
    missing = [
        (entry["seed"], quote)
        for entry in mapping["mappings"]
        for quote in quotes_of(entry)
        if not quote.strip() or normalise(quote) not in texts[entry["seed"]]
    ]
    assert not missing, "quotes not found in their seed:\n" + "\n".join(map(str, missing))


def _built_ids(site: Path, page: str) -> set[str] | None:
    html_file = site / ("index.html" if page == "index.md" else page[:-3] + "/index.html")
    if not html_file.exists():
        return None
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    return {tag["id"] for tag in soup.find_all(id=True)}


def test_every_target_section_exists_in_the_built_site(mapping, built_site):
    problems = []
    for entry in mapping["mappings"]:
        targets = entry["covered_by"]
        for target in [targets] if isinstance(targets, str) else targets:
            page, _, anchor = target.partition("#")
            assert (ROOT / "docs" / page).exists(), f"no page {page} for {target}"
            ids = _built_ids(built_site, page)
            if ids is None:
                problems.append(f"{target}: page not built")
            elif anchor and anchor not in ids:
                problems.append(f"{target}: no element with id {anchor!r}")
    assert not problems, "\n".join(problems)


def test_the_extraction_finds_the_statements_it_should():
    """The rules above must see the kinds of statement the issue lists, or coverage means little."""
    texts = {s.text for s in all_statements()}
    expected = [
        "1. Go to www.pacer.gov",
        "STEP 4",
        "- one lower case letter",
        "- the same character three times in a row",
        "If you use CM/ECF for PACER only, no action is necessary.",
        "Make sure you are linking to your individual PACER account.",
        "County *",
        "Account Type",
        "NextGen Items",
    ]
    assert [e for e in expected if not any(e in t for t in texts)] == []
    cookies = "Your browser must be set to accept cookies in order to log in to this site."
    assert cookies in texts
    assert any(t.startswith("Press F5 to refresh the screen") for t in texts)


def test_every_seed_statement_is_mapped(mapping):
    missing = uncovered(all_statements(), mapping)
    assert not missing, f"{len(missing)} seed statements have no mapping:\n" + "\n".join(
        f"{s.seed} [{s.rule}] {s.text}" for s in missing
    )


def test_removing_one_mapping_fails_the_coverage_check(mapping):
    """Coverage is not vacuous: drop one mapping from a copy and the check names what it held."""
    statements = all_statements()
    assert uncovered(statements, mapping) == []
    reduced = copy.deepcopy(mapping)
    entries = reduced["mappings"]
    index = next(i for i, e in enumerate(entries) if "- one upper case letter" in quotes_of(e))
    removed = entries.pop(index)
    assert "- one upper case letter" in [s.text for s in uncovered(statements, reduced)], removed


def test_every_mapping_is_needed(mapping):
    """Each mapping holds at least one statement no other mapping covers, so deleting any one
    of them fails test_every_seed_statement_is_mapped."""
    statements = all_statements()
    redundant = []
    for index, entry in enumerate(mapping["mappings"]):
        reduced = copy.deepcopy(mapping)
        del reduced["mappings"][index]
        if not uncovered(statements, reduced):
            redundant.append(entry)
    assert not redundant, "mappings that cover nothing of their own:\n" + "\n".join(
        map(str, redundant)
    )


# The 2026 guides (seeds/guides.yml) ---------------------------------------------------------------
# They have no seed document: each section with content maps to the sources it rests on, and the
# page must link those sources in that section.

GUIDES_FILE = SEEDS / "guides.yml"


def load_guides() -> dict[str, list[dict]]:
    return yaml.safe_load(GUIDES_FILE.read_text(encoding="utf-8"))["guides"]


def guide_problems(site: Path, guides: dict[str, list[dict]]) -> list[str]:
    """Unmapped or stale sections, and mapped sources a section does not link."""
    listed = listed_sources(site)
    problems = []
    for page, entries in guides.items():
        sections = section_links(page_soup(site, page))
        mapped = {entry["section"] for entry in entries}
        unmapped, stale = sorted(sections.keys() - mapped), sorted(mapped - sections.keys())
        problems += [f"{page}#{s}: section has no entry in guides.yml" for s in unmapped]
        problems += [f"{page}#{s}: no such section on the page" for s in stale]
        for entry in entries:
            wanted = {unquote(url) for url in entry.get("sources", [])}
            for fact_id in entry.get("facts", []):
                wanted |= fact_source_urls(fact_id)
            where = f"{page}#{entry['section']}"
            if not wanted:
                problems.append(f"{where}: no sources mapped")
            problems += [f"{where}: not listed on sources.md or in facts.toml: {url}"
                         for url in sorted(wanted - listed)]
            problems += [f"{where}: source not linked in the section: {url}"
                         for url in sorted(wanted - sections.get(entry["section"], wanted))]
    return problems


def test_the_guides_are_mapped():
    guides = load_guides()
    assert set(guides) == {"mfa.md", "password-change.md", "account.md", "firms.md"}
    for page, entries in guides.items():
        assert (ROOT / "docs" / page).exists(), page
        for entry in entries:
            assert entry.get("says", "").strip(), (page, entry)
            assert entry.get("sources") or entry.get("facts"), (page, entry)


def test_every_guide_section_links_its_listed_sources(built_site):
    problems = guide_problems(built_site, load_guides())
    assert not problems, "\n".join(problems)


def test_a_section_without_its_source_link_fails(built_site, tmp_path):
    """Not vacuous: drop the links from one step of a copy of the MFA page; the check names it."""
    site = tmp_path / "site"
    (site / "mfa").mkdir(parents=True)
    (site / "sources").mkdir()
    shutil.copy(built_site / "sources" / "index.html", site / "sources" / "index.html")
    soup = page_soup(built_site, "mfa.md")
    unlink_section(soup, "step-1-check-your-email-address")
    (site / "mfa" / "index.html").write_text(str(soup), encoding="utf-8")
    problems = guide_problems(site, {"mfa.md": load_guides()["mfa.md"]})
    where = "mfa.md#step-1-check-your-email-address: source not linked in the section: "
    assert problems == [
        where + "https://pacer.uscourts.gov/announcements/2026/02/05/mfa-tips-and-resources",
        where + "https://pacer.uscourts.gov/help/pacer/"
        "multifactor-authentication-mfa-authentication-applications",
    ]


def test_an_unmapped_section_and_an_unlisted_source_fail(built_site):
    guides = copy.deepcopy(load_guides())
    entries = guides["account.md"]
    entries.pop(next(i for i, e in enumerate(entries) if e["section"] == "shared-firm-accounts"))
    entries[0]["sources"].append("https://example.org/not-a-listed-source")
    problems = guide_problems(built_site, {"account.md": entries})
    assert "account.md#shared-firm-accounts: section has no entry in guides.yml" in problems
    assert any("not listed on sources.md" in p and "example.org" in p for p in problems), problems
