"""The court registry, the 188 generated court pages, the picker, and one-court builds."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import markdown
import pytest
from bs4 import BeautifulSoup
from builds import ROOT, copy_project, make, make_with_stale_sentence, mkdocs_build
from mkdocs.config import load_config

from checker.site.courts.pages import (
    VariantError,
    court_page_markdown,
    facts_panel,
    filter_variants,
    rebase_links,
)
from checker.site.courts.registry import (
    COLUMNS,
    DEFAULT_CSV,
    CourtDataError,
    UnknownCourtError,
    load_registry,
    refresh,
)
from checker.site.markdown.tailoring import GENERIC

DATA = DEFAULT_CSV.parent


@pytest.fixture(scope="module")
def registry():
    return load_registry()


# ---- registry ----------------------------------------------------------------------------


def test_registry_has_every_district_and_bankruptcy_court(registry):
    assert len(registry) == 188
    assert registry.count("district") == 94
    assert registry.count("bankruptcy") == 94
    assert registry.as_of.isoformat() == "2023-01-10"
    assert "CM/ECF Lookup" in registry.source.title
    for court in registry:
        assert court.ecf_host == f"ecf.{court.id}.uscourts.gov"


def test_registry_matches_the_shared_data():
    # CI clones the project with the team's shared/ folder beside it.
    shared = ROOT.parent / "shared" / "data" / "courts.csv"
    if not shared.exists():
        pytest.skip(f"no shared data at {shared}")
    assert DEFAULT_CSV.read_bytes() == shared.read_bytes()


def test_seed_courts_carry_their_seed_facts(registry):
    mieb = registry.get("mieb")
    assert mieb.facts.go_live.date.isoformat() == "2021-06-01"
    assert mieb.facts.entry_link.params["label"] == "E-Filing (CM/ECF)"
    assert "NextGen Items" in mieb.facts.utility.params["path"]
    for court_id in ("iasd", "mnd"):
        facts = registry.get(court_id).facts
        assert facts.entry_link.params["label"] == "Document Filing System"
        assert "NextGen Release 1.1 Menu Items" in facts.utility.params["fallback"]
    assert registry.get("mssb").facts.go_live is not None


def test_every_court_fact_cites_a_source_someone_can_look_up(registry):
    facts = [
        fact
        for court in registry
        for fact in (court.facts.go_live, court.facts.entry_link, court.facts.utility)
        + court.facts.notes
        if fact is not None
    ]
    assert len(facts) > 20
    for fact in facts:
        source = fact.source
        assert source.url.startswith("http") or source.seed, fact.id
        assert "research" not in source.title and "not recorded" not in source.title, fact.id
        assert "seed" not in source.title, fact.id  # seed numbers stay off attorney pages
        # The file's default, or a later day the fact was checked on its own (imported notes).
        assert fact.checked_on >= dt.date(2026, 11, 23), fact.id


def test_a_court_fact_without_an_address_is_rejected(tmp_path):
    path = _corrupt(tmp_path, lambda lines: None)
    facts = json.loads((tmp_path / "court_facts.json").read_text())
    facts["courts"]["mdd"]["go_live"]["source"] = {"title": "A notice somewhere"}
    (tmp_path / "court_facts.json").write_text(json.dumps(facts))
    with pytest.raises(CourtDataError, match=r"'mdd'.go_live.source: expected a 'url'"):
        load_registry(path)


def test_the_court_data_date_is_the_court_data_fact(registry):
    from checker.facts import get_fact

    assert get_fact("court-data").date == registry.as_of
    assert registry.source.title == "PACER's Court CM/ECF Lookup"


def test_unknown_court_suggests_close_matches(registry):
    with pytest.raises(UnknownCourtError) as caught:
        registry.get("mnx")
    assert "mnd" in str(caught.value)
    assert "Did you mean" in str(caught.value)
    assert registry.get(" MND ").id == "mnd"


def _corrupt(tmp_path: Path, edit) -> Path:
    """A copy of the data files with ``edit(rows)`` applied to the CSV's lines."""
    for name in ("courts.csv", "courts.meta.json", "court_facts.json"):
        shutil.copy(DATA / name, tmp_path / name)
    path = tmp_path / "courts.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    edit(lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _set(lines: list[str], court_id: str, field: str, value: str) -> int:
    """Set one field of one court's row; returns the row's line number."""
    for index, line in enumerate(lines):
        cells = line.split(",")
        if cells[0] == court_id:
            cells[COLUMNS.index(field)] = value
            lines[index] = ",".join(cells)
            return index + 1
    raise AssertionError(court_id)


@pytest.mark.parametrize(
    ("court_id", "field", "value", "expected"),
    [
        ("mnd", "type", "distrct", "one of: district, bankruptcy"),
        ("mnd", "ecf_host", "ecf.mn.uscourts.gov", "'ecf.mnd.uscourts.gov'"),
        ("mieb", "id", "", "a court id"),
        ("mieb", "web_url", "www.mieb.uscourts.gov", "an http(s) URL or nothing"),
        ("mnd", "id", "mnb", "an id ending in 'd'"),
    ],
)
def test_a_bad_row_names_file_line_and_field(tmp_path, court_id, field, value, expected):
    line = None

    def edit(lines):
        nonlocal line
        line = _set(lines, court_id, field, value)

    path = _corrupt(tmp_path, edit)
    with pytest.raises(CourtDataError) as caught:
        load_registry(path)
    message = str(caught.value)
    assert str(path) in message
    assert f"line {line} (row {line - 1})" in message
    assert f"field {field!r}" in message
    assert f"expected {expected}" in message


def test_a_duplicate_id_is_rejected(tmp_path):
    def edit(lines):
        lines.append(next(line for line in lines if line.startswith("mnd,")))

    path = _corrupt(tmp_path, edit)
    with pytest.raises(CourtDataError, match=r"line 190 .*field 'id'.*unique id.*'mnd'"):
        load_registry(path)


def test_a_short_row_and_a_bad_header_are_rejected(tmp_path):
    path = _corrupt(tmp_path, lambda lines: lines.append("xxd,Only a name"))
    with pytest.raises(CourtDataError, match=r"line 190 .*expected 9 fields"):
        load_registry(path)
    path = _corrupt(tmp_path, lambda lines: lines.__setitem__(0, lines[0].replace("id,", "", 1)))
    with pytest.raises(CourtDataError, match=r"line 1 .*expected the header"):
        load_registry(path)


def test_bad_facts_are_rejected(tmp_path):
    path = _corrupt(tmp_path, lambda lines: None)
    facts = json.loads((tmp_path / "court_facts.json").read_text())
    facts["courts"]["mieb"]["go_live"]["date"] = "June 1, 2021"
    (tmp_path / "court_facts.json").write_text(json.dumps(facts))
    with pytest.raises(CourtDataError, match=r"'mieb'.go_live.date: expected an ISO date"):
        load_registry(path)
    facts["courts"] = {"mnx": {}}
    (tmp_path / "court_facts.json").write_text(json.dumps(facts))
    with pytest.raises(CourtDataError, match=r"'mnx'.*did you mean"):
        load_registry(path)


def test_facts_panel_without_a_website_or_known_facts(registry):
    nmid = registry.get("nmid")
    assert nmid.web_url == ""
    panel = facts_panel(nmid, registry)
    assert "Not listed in PACER's court data" in panel
    assert "https://ecf.nmid.uscourts.gov" in panel
    assert "exact go-live date is not recorded" in panel
    assert 'from <a href="https://pacer.uscourts.gov/file-case/court-cmecf-lookup">' in panel
    assert '<span data-fact="court-data">January 10, 2023</span>' in panel
    assert "archive" not in panel and "splashingdiamonds" not in panel
    wawb = facts_panel(registry.get("wawb"), registry)
    assert "February 4, 2019" in wawb and "wawb.uscourts.gov/linking" in wawb


# ---- page Markdown -------------------------------------------------------------------------

GUIDE = """# Link

Intro for <!-- pacer:court name -->.

## Steps

<div data-variant="bankruptcy" markdown>

### Bankruptcy menus

Use **Bankruptcy** and **Adversary**.

<div class="inner">nested</div>

</div>

<div data-variant="district" markdown>

Use **Civil** and **Criminal**.

</div>

```html
<div data-variant="district" markdown>
kept: code
</div>
```

Done at <!-- pacer:court ecf_link -->.
"""


def test_filter_variants_keeps_only_the_court_type():
    district = filter_variants(GUIDE, "district")
    assert "Criminal" in district and "Adversary" not in district
    assert "Bankruptcy menus" not in district and "nested" not in district
    assert "kept: code" in district and district.rstrip().endswith("<!-- pacer:court ecf_link -->.")
    bankruptcy = filter_variants(GUIDE, "bankruptcy")
    assert "Adversary" in bankruptcy and "nested" in bankruptcy
    assert "Use **Civil**" not in bankruptcy
    assert filter_variants(GUIDE, "appellate").count("data-variant") == 1  # the code sample


def _render(text: str) -> str:
    config = load_config(str(ROOT / "mkdocs.yml"))
    md = markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )
    return md.convert(text)


@pytest.mark.parametrize("court_id", ["mnd", "mieb", "vib"])
def test_a_court_page_is_the_guide_with_the_courts_values(registry, court_id):
    court = registry.get(court_id)
    html = _render(court_page_markdown(GUIDE, court, registry, picker="index.md"))
    assert "pacer:court" not in html
    assert f"Intro for {court.values()['name']}." in html
    assert GENERIC["ecf_link"] not in html
    assert f'<a href="https://{court.ecf_host}">{court.ecf_host}</a>' in html
    assert '<div class="court-facts"' in html and 'href="index.md"' in html
    kept, dropped = ("Civil", "Adversary") if court.type == "district" else ("Adversary", "Civil")
    assert kept in html and dropped not in html


def test_a_variant_that_is_not_a_block_of_its_own_is_an_error():
    with pytest.raises(VariantError, match="line 3: data-variant must open"):
        filter_variants('Intro.\n\nText <span data-variant="district">Civil</span>.', "district")


def test_rebase_links_moves_relative_targets_only():
    text = (
        "[a](upgrade.md#step-2) [b](https://pacer.uscourts.gov) [c](#here) [d](/root)\n"
        "[ref]: sources.md\n```md\n[e](code.md)\n```"
    )
    assert rebase_links(text, "../") == (
        "[a](../upgrade.md#step-2) [b](https://pacer.uscourts.gov) [c](#here) [d](/root)\n"
        "[ref]: ../sources.md\n```md\n[e](code.md)\n```"
    )


# ---- the built site ------------------------------------------------------------------------


def _article(path: Path) -> BeautifulSoup:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return soup.select_one("article")


def test_every_court_has_a_page_with_its_host_and_only_its_menus(built_site, registry):
    pages = sorted(p.parent.name for p in (built_site / "courts").glob("*/index.html"))
    assert pages == sorted([*(c.id for c in registry), "checklist"])
    for court in registry:
        path = built_site / "courts" / court.id / "index.html"
        html = path.read_text(encoding="utf-8")
        assert "pacer:court" not in html, court.id
        article = _article(path)
        text = article.get_text(" ", strip=True)
        links = article.select("a[href*='//ecf.']")
        hosts = {urlsplit(a["href"]).netloc for a in links}
        assert f"https://{court.ecf_host}" in {a["href"] for a in links}, court.id
        assert hosts == {court.ecf_host}, (court.id, hosts)  # no other court's address
        assert court.name in text, court.id
        if court.type == "district":
            assert "Civil" in text and "Criminal" in text, court.id
            assert "Adversary" not in text, court.id
        else:
            assert "Bankruptcy" in text and "Adversary" in text, court.id
            assert "Criminal" not in text, court.id
        assert article.select_one(f'.court-facts[data-court="{court.id}"]'), court.id
        # Every page names the court's help contact, or says plainly that none was found.
        contact = court.facts.contact
        if contact is not None and contact.found:
            assert contact.source.url in {a.get("href") for a in article.select("a")}, court.id
            assert all(phone.split(" ext.")[0] in text for phone in contact.phones), court.id
        else:
            assert "This guide has no CM/ECF help contact for this court." in text, court.id


def test_court_pages_stay_out_of_search(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    locations = [doc["location"] for doc in index["docs"]]
    assert any(loc.startswith("link/") for loc in locations)
    court_pages = [loc for loc in locations if re.match(r"courts/[a-z]+/", loc)]
    assert court_pages == []


def test_picker_lists_every_court_without_script(built_site, registry):
    picker = built_site / "courts" / "index.html"
    article = _article(picker)
    links = [a["href"] for a in article.select(".court-state li a")]
    assert len(links) == len(registry) == 188
    for href in links:
        assert (picker.parent / href / "index.html").exists(), href
    states = [h2.get_text(strip=True).rstrip("¶") for h2 in article.select(".court-state h2")]
    assert states == sorted(states) and "Minnesota" in states
    # The filter is an enhancement: hidden until its script runs, and the script is local.
    box = article.select_one("[data-court-filter]")
    assert box.has_attr("hidden") and box.select_one("label[for='court-filter-input']")
    assert (built_site / "assets" / "court-filter.js").exists()
    guide = _article(built_site / "link" / "index.html")
    assert guide.select_one("a.court-picker-link")["href"].rstrip("/").endswith("courts")


# ---- one-court builds ----------------------------------------------------------------------


def test_court_build_for_minnesota(tmp_path):
    site = tmp_path / "site"
    result = mkdocs_build(site, env={"COURT": "mnd"})
    assert result.returncode == 0, result.stderr
    path = site / "link" / "index.html"
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    name = "United States District Court for the District of Minnesota"
    assert name in soup.select_one(".md-header__topic").get_text()
    text = soup.select_one("article").get_text(" ", strip=True)
    assert "Civil" in text and "Criminal" in text
    assert "Adversary" not in text and "Bankruptcy and Adversary" not in text
    assert "ecf.mnd.uscourts.gov" in text
    others = [p.name for p in (site / "courts").iterdir() if p.is_dir()]
    assert others == ["checklist"], "no other court pages"
    checklist = (site / "courts" / "checklist" / "index.html").read_text(encoding="utf-8")
    assert 'data-court="mnd"' in checklist and "court-checklist.js" not in checklist
    assert checklist.count('class="checklist-court"') == 1
    assert "Find your court" not in soup.select_one(".md-nav--primary").get_text()


def _court_name(page: Path) -> str:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return soup.select_one(".md-header__topic").get_text(" ", strip=True)


def test_make_build_for_one_court_writes_site_and_checks_it(tmp_path):
    # As a webmaster runs it: `COURT=mnd make build` after a default build left site/ behind.
    project = copy_project(tmp_path / "project", extra=("Makefile", "pyproject.toml"))
    old = project / "site" / "courts" / "iasb" / "index.html"
    old.parent.mkdir(parents=True)
    old.write_text("<html><body>the previous default build</body></html>")
    result = make("build", project, COURT="mnd")
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    assert "District of Minnesota" in _court_name(site / "link" / "index.html")
    assert not old.exists(), "site/ still holds the previous build"
    assert not (project / "build" / "court" / "site").exists()
    # The check step read this site: its summary names the folder and the pages it counted.
    pages = sum(1 for _ in site.rglob("*.html"))
    assert f"site: {pages} pages agree with" in result.stderr


def test_make_build_for_one_court_stops_on_a_stale_sentence(tmp_path):
    stale, log = make_with_stale_sentence("build", tmp_path / "project")
    assert re.search(rf"link/index\.html:\d+: {re.escape(stale)}: says password", log), log


def test_court_build_for_mieb_shows_its_go_live(tmp_path):
    site = tmp_path / "site"
    result = mkdocs_build(site, env={"COURT": "mieb"})
    assert result.returncode == 0, result.stderr
    text = _article(site / "link" / "index.html").get_text(" ", strip=True)
    assert "June 1, 2021" in text and "E-Filing (CM/ECF)" in text
    assert "Adversary" in text and "Criminal" not in text


def test_unknown_court_stops_the_build_with_a_suggestion(tmp_path):
    result = mkdocs_build(tmp_path / "site", env={"COURT": "mnx"})
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "unknown court id 'mnx'" in output and "Did you mean: mnd" in output


def test_a_corrupted_row_stops_the_build_with_the_row(tmp_path):
    project = copy_project(tmp_path / "project")
    data = project / "checker" / "site" / "data" / "courts.csv"
    lines = data.read_text(encoding="utf-8").splitlines()
    line = _set(lines, "iasd", "ecf_host", "ecf.iasd.uscourts.gob")
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = mkdocs_build(
        tmp_path / "site",
        config=project / "mkdocs.yml",
        cwd=project,
        env={"PACER_HELP_COURTS_CSV": str(data)},
    )
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"{data}, line {line} (row {line - 1}), field 'ecf_host'" in output
    assert "expected 'ecf.iasd.uscourts.gov'" in output


# ---- refresh from PACER's feed -------------------------------------------------------------


def _feed_from(registry) -> dict:
    """PACER's Court CM/ECF Lookup JSON, as it would describe the current data."""
    records = [
        {
            "title": c.pacer_title,
            "court_id": c.pacer_court_id,
            "type": c.type.title(),
            "login_url": f"https://{c.ecf_host}/",
            "web_url": c.web_url,
            "software_version": c.software_version,
        }
        for c in registry
    ]
    return {"meta": {"last_updated": "Tue, 10 Jan 2023 06:10:05 -0500"}, "data": records}


def test_refresh_from_the_same_feed_changes_nothing(tmp_path, registry):
    path = tmp_path / "courts.csv"
    for name in ("courts.csv", "courts.meta.json", "court_facts.json"):
        shutil.copy(DATA / name, tmp_path / name)
    feed = tmp_path / "data.json"
    feed.write_text(json.dumps(_feed_from(registry)))
    assert refresh(feed, path) == []
    assert path.read_bytes() == DEFAULT_CSV.read_bytes()
    meta = tmp_path / "courts.meta.json"
    assert meta.read_bytes() == (DATA / "courts.meta.json").read_bytes()


def test_refresh_takes_new_courts_dates_and_skips_other_records(tmp_path, registry):
    path = _corrupt(tmp_path, lambda lines: None)
    feed = _feed_from(registry)
    feed["meta"]["last_updated"] = "Mon, 02 Mar 2026 08:00:00 -0500"
    feed["data"] = [r for r in feed["data"] if r["court_id"] != "MNBK"]
    feed["data"][0]["web_url"] = "https://www.almd.uscourts.gov/"
    feed["data"][1]["login_url"] = "ecf.alnd.uscourts.gov"  # without a scheme
    feed["data"] += [
        {
            "title": "Testland Northern District Court",
            "court_id": "TLNDC",
            "type": "District",
            "login_url": "https://ecf.tlnd.uscourts.gov/",
            "web_url": "",
            "software_version": "X",
        },
        {
            "title": "Ohio Northern Asbestos",
            "court_id": "OHNDAD",
            "type": "District",
            "login_url": "https://ecf.ohndad.ohnd.uscourts.gov/",
            "web_url": "",
            "software_version": "X",
        },
        {
            "title": "1st Circuit",
            "court_id": "01CA",
            "type": "Appeals",
            "login_url": "https://ecf.ca1.uscourts.gov/",
            "web_url": "",
            "software_version": "X",
        },
    ]
    (tmp_path / "data.json").write_text(json.dumps(feed))
    notes = refresh(tmp_path / "data.json", path)
    assert any("new court tlnd" in n and "Northern District of Testland" in n for n in notes)
    assert any("mnb is no longer in the feed" in n for n in notes)
    # The facts of a court that left the feed (its help contact) stop the load, naming it...
    with pytest.raises(CourtDataError, match=r"court 'mnb': expected a court id from courts.csv"):
        load_registry(path)
    facts = json.loads((tmp_path / "court_facts.json").read_text())
    del facts["courts"]["mnb"]  # ...until someone removes them
    (tmp_path / "court_facts.json").write_text(json.dumps(facts))
    refreshed = load_registry(path)
    assert refreshed.as_of.isoformat() == "2026-03-02"
    assert len(refreshed) == 188
    assert refreshed.get("almd").web_url == "https://www.almd.uscourts.gov/"
    assert refreshed.get("tlnd").state == "Testland"
    assert refreshed.get("alnd").ecf_host == "ecf.alnd.uscourts.gov"


def test_refresh_never_writes_invalid_data(tmp_path, registry):
    path = _corrupt(tmp_path, lambda lines: None)
    feed = _feed_from(registry)
    feed["data"][0]["web_url"] = "www.almd.uscourts.gov"  # no scheme
    (tmp_path / "data.json").write_text(json.dumps(feed))
    before = path.read_bytes()
    with pytest.raises(CourtDataError, match="field 'web_url'"):
        refresh(tmp_path / "data.json", path)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.new"))
