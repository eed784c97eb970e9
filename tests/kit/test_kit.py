"""The court kit, as a webmaster makes it: ``COURT=mnd make kit`` (a district court) and
``COURT=iasb make kit`` (a bankruptcy court) in a copy of the project, then every file checked.

- the PDF: tagged and marked, en-US, the court in its title (shown as the window title), an
  outline from the headings, "Page i of N" on every page, no table row split across pages, the
  dates on the first page, at most 400 KB, link addresses as text, only the court's CM/ECF host,
  the menus of its court type, the Person, Address and Security tabs, and ``verify`` clean;
- the fragments: only Drupal's Basic HTML tags and attributes, no text lost under a Basic HTML
  filter (nh3, set up here from Drupal's allow-list, not from the kit's code), ``verify`` clean;
- the checker: the SRI hashes match the files; the page works framed from another origin, both
  served with the Content-Security-Policy.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser_gates import (
    PASSING_FIELDS,
    csp_violations,
    fill_widget,
    record_csp_violations,
    wait_for_verdict,
)
from bs4 import BeautifulSoup
from builds import (
    copy_project,
    header_handler,
    make,
    make_with_stale_sentence,
    serve,
    small_court_data,
)
from drupal_editor import (
    allowed_html,
    basic_html_filter,
    drupal_editor,
    images,
)
from pdf_structure import figures, structure_counts
from pypdf import PdfReader

from checker.site.courts.registry import project_registry
from checker.site.kit.guides import KIT_PAGES, guides
from checker.site.project import Project
from checker.verify.files import verify_paths
from checker.verify.readers import pdf_pages
from checker.widget import CONTENT_SECURITY_POLICY, sri, versioned_names

# Drupal's standard Basic HTML format, as its text format configuration lists it.
ALLOWED = allowed_html()
MENUS = {"district": ("Civil", "Criminal"), "bankruptcy": ("Bankruptcy", "Adversary")}
KITS = {"mnd": "district", "iasb": "bankruptcy"}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("kit"), extra=("Makefile", "pyproject.toml"))
    for court in KITS:
        result = make("kit", project, COURT=court)
        assert result.returncode == 0, result.stdout + result.stderr
        assert f"build/kit/{court}: " in result.stderr and "verified" in result.stderr
    return project


def kit_dir(project: Path, court: str) -> Path:
    return project / "build" / "kit" / court


def pdf_text(path: Path) -> list[str]:
    with path.open("rb") as handle:
        return [" ".join(text.split()) for _, text in pdf_pages(handle)]


def outline_titles(outline) -> list[str]:
    titles = []
    for item in outline:
        titles += outline_titles(item) if isinstance(item, list) else [item.title]
    return titles


@pytest.mark.parametrize("court", KITS)
def test_the_pdf_is_tagged_titled_and_outlined(project, court):
    pdf = kit_dir(project, court) / f"pacer-help-{court}.pdf"
    assert pdf.stat().st_size <= 400 * 1024, pdf.stat().st_size
    reader = PdfReader(pdf)
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"].value is True
    assert root["/Lang"] == "en-US"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    title = reader.metadata.title
    assert court_name(court) in title, title
    types = set(structure_counts(reader))
    assert {"H1", "H2", "H3", "L", "LI", "Table", "TH", "TD", "Link"} <= types, types
    titles = outline_titles(reader.outline)
    for heading in ("Upgrade your PACER account", "Step 8: Fill in the Security tab",
                    "Your court", "Set up multifactor authentication"):  # fmt: skip
        assert any(heading in t for t in titles), (heading, titles[:20])


@pytest.mark.parametrize("court", KITS)
def test_the_pdf_says_what_a_court_page_says(project, court):
    pages = pdf_text(kit_dir(project, court) / f"pacer-help-{court}.pdf")
    count = len(pages)
    for number, text in enumerate(pages, 1):
        assert f"Page {number} of {count}" in text, number
    first = pages[0]
    day = r"[A-Z][a-z]+ \d{1,2}, 20\d\d"
    assert re.search(rf"Made on {day}\.", first), first[:400]
    assert re.search(rf"Facts last checked against their sources: {day}", first), first[:400]
    text = " ".join(pages)
    hosts = set(re.findall(r"\becf\.([a-z]+)\.uscourts\.gov", text))
    assert hosts == {court}, hosts
    (own,) = [menus for kind, menus in MENUS.items() if kind == KITS[court]]
    (other,) = [menus for kind, menus in MENUS.items() if kind != KITS[court]]
    assert f"shows {own[0]} and {own[1]}" in text, "its menus"
    assert f"{other[0]} and {other[1]}" not in text
    for tab in ("Person", "Address", "Security"):
        assert f"Fill in the {tab} tab" in text, tab
    # Addresses are printed as text after their links, not as CSS generated content.
    assert "(https://pacer.uscourts.gov/" in text


@pytest.mark.parametrize("court", KITS)
def test_each_guide_has_a_pdf_of_its_own(project, court):
    kit = kit_dir(project, court)
    readme = (kit / "README.md").read_text(encoding="utf-8")
    combined = " ".join(pdf_text(kit / f"pacer-help-{court}.pdf"))
    for page in KIT_PAGES:
        slug = page.removesuffix(".md")
        pdf = kit / f"pacer-help-{court}-{slug}.pdf"
        reader = PdfReader(pdf)
        root = reader.trailer["/Root"]
        assert root["/MarkInfo"]["/Marked"].value is True and root["/Lang"] == "en-US", pdf.name
        assert {"H1", "H2", "L", "LI"} <= set(structure_counts(reader)), pdf.name
        title, edition = reader.metadata.title.split(": PACER Help for the ", 1)
        assert title in combined and court_name(court) in edition, reader.metadata.title
        pages = pdf_text(pdf)
        # The guide's own title, then whose edition it is and its dates, on page 1; no cover page.
        assert pages[0].startswith(title) and court_name(court) in pages[0], pages[0][:300]
        assert "Made on" in pages[0] and f"Page {len(pages)} of {len(pages)}" in pages[-1]
        assert f"`{pdf.name}`: {title}" in readme, pdf.name
        if slug == "link":
            assert len(pages) <= 8, len(pages)  # a court's link guide fits in 8 pages
            assert re.findall(r"\becf\.([a-z]+)\.uscourts\.gov", " ".join(pages))[0] == court


@pytest.mark.parametrize("court", KITS)
def test_the_drawings_are_figures_with_alt_text_images_and_files_of_the_court(project, court):
    kit = kit_dir(project, court)
    source = Project.at(project / "mkdocs.yml")
    registry = project_registry(source)
    shown = {}  # each guide's drawings, by their accessible names, as the guide shows them
    for guide in guides(source, registry, registry.get(court), KIT_PAGES):
        soup = BeautifulSoup(guide.html, "html.parser")
        shown[guide.name] = [svg["aria-label"] for svg in soup.select("figure svg[role=img]")]
    assert sum(len(names) for names in shown.values()) >= 20, shown
    # The PDFs: each drawing one Figure, its accessible name its /Alt, beside its Caption.
    combined = [alt for alt, _ in figures(PdfReader(kit / f"pacer-help-{court}.pdf"))]
    assert combined == [name for page in KIT_PAGES for name in shown[page]]
    for page in KIT_PAGES:
        one = figures(PdfReader(kit / f"pacer-help-{court}-{page.removesuffix('.md')}.pdf"))
        assert [alt for alt, _ in one] == shown[page], page
        assert all("Caption" in beside for _, beside in one), page
    # The fragments: an <img> with that alt text per drawing, of a file in the kit.
    for page in KIT_PAGES:
        fragment = (kit / "fragments" / f"{page.removesuffix('.md')}.html").read_text("utf-8")
        found = images(fragment)
        assert [alt for _, alt in found] == shown[page], page
        for src, _ in found:
            assert src.startswith("/sites/default/files/pacer-help/drawings/"), src
            assert (kit / "drawings" / src.rsplit("/", 1)[1]).is_file(), src
    # The court's host and the menus of its court type, in the files and in the PDF.
    own, other = MENUS[KITS[court]], next(m for k, m in MENUS.items() if k != KITS[court])
    words = [re.sub(r"<[^>]+>", " ", path.read_text("utf-8")).split()
             for path in sorted((kit / "drawings").glob("*.svg"))]  # fmt: skip
    every = {word for drawn in words for word in drawn}
    assert f"ecf.{court}.uscourts.gov" in every and set(own) <= every, sorted(every)[:80]
    assert not set(other) & every
    assert not {w for w in every if re.fullmatch(r"ecf\.[a-z]+\.uscourts\.gov", w)} - {
        f"ecf.{court}.uscourts.gov"}
    menus = (kit / "drawings" / "ecf-menu-after.svg").read_text("utf-8")
    assert all(f">{menu}</text>" in menus for menu in own), menus


def court_name(court: str) -> str:
    return "District of Minnesota" if court == "mnd" else "Southern District of Iowa"


def test_no_table_row_is_split_across_pages(project):
    court = "mnd"
    pages = pdf_text(kit_dir(project, court) / f"pacer-help-{court}.pdf")
    # Every row of the guides' tables, as the kit printed them, must be found whole on one page.
    source = Project.at(project / "mkdocs.yml")
    registry = project_registry(source)
    rows = [
        " ".join(" ".join(cell.get_text(" ").split()) for cell in row.find_all(["td", "th"]))
        for guide in guides(source, registry, registry.get(court), KIT_PAGES)
        for row in BeautifulSoup(guide.html, "html.parser").select("tr")
    ]
    assert len(rows) > 30
    split = [row for row in rows if not any(row in page for page in pages)]
    assert split == [], split


@pytest.mark.parametrize("court", KITS)
def test_every_file_passes_the_verifier(project, court):
    outcome = verify_paths([str(kit_dir(project, court))])
    assert outcome.mismatches == [] and outcome.unreadable == []
    names = {Path(name).name for name in outcome.files}
    assert {f"pacer-help-{court}.pdf", "link.html", "checker.html", "README.md"} <= names


@pytest.mark.parametrize("court", KITS)
def test_fragments_keep_every_word_under_basic_html(project, court):
    fragments = sorted((kit_dir(project, court) / "fragments").glob("*.html"))
    assert [f.stem for f in fragments] == sorted(
        ["upgrade", "link", "mfa", "password-change", "account", "firms"]
    )
    for path in fragments:
        text = path.read_text(encoding="utf-8")
        soup = BeautifulSoup(text, "html.parser")
        assert not soup.find(["html", "head", "body", "table", "script", "style"]), path.name
        for tag in soup.find_all(True):
            assert tag.name in ALLOWED, (path.name, tag.name)
            assert set(tag.attrs) <= ALLOWED[tag.name], (path.name, tag.name, tag.attrs)
        kept = basic_html_filter(text)
        words = " ".join(soup.get_text(" ").split())
        assert " ".join(BeautifulSoup(kept, "html.parser").get_text(" ").split()) == words
    link = (kit_dir(project, court) / "fragments" / "link.html").read_text(encoding="utf-8")
    # The court facts, a definition list on the site, are a list of terms and lines here.
    assert "<li><strong>CM/ECF address</strong><br>" in link and f"ecf.{court}.uscourts.gov" in link


def test_fragments_come_back_unchanged_from_drupals_editor(project, browser, tmp_path):
    """Each fragment, pasted into CKEditor 5 set up as Drupal's Basic HTML editor (into Source, and
    into the editing area), saved, then filtered by the format's allowed_html, is the fragment:
    every word, every image, every tag and attribute. The images load from where the README has
    the webmaster upload the kit."""
    shown = 0
    for court in KITS:
        kit = kit_dir(project, court)
        with drupal_editor(browser, tmp_path / court, kit) as editor:
            for path in sorted((kit / "fragments").glob("*.html")):
                fragment = path.read_text(encoding="utf-8")
                assert editor.changes(fragment) == [], f"{court}/{path.name}"
                shown += len(images(fragment))
    assert shown >= 40  # the drawings are in the fragments, and each came back and loaded


def test_the_editor_wraps_definition_lists_in_paragraphs(browser, tmp_path):
    """Why fragments hold no <dl>: the same comparison fails on one (ckeditor5 issue 20055)."""
    listing = "<dl>\n<dt>Court</dt>\n<dd>District of Minnesota</dd>\n</dl>\n"
    with drupal_editor(browser, tmp_path) as editor:
        found = editor.changes(listing)
    # Every word kept, both ways in; the term's text wrapped in a <p>.
    assert len(found) == 2 and all("at /dl[0]/dt[0][0]: expected 'Court', got ('p'" in f
                                   for f in found), found  # fmt: skip


@pytest.mark.parametrize("court", KITS)
def test_the_readme_gives_each_file_its_place_and_the_hashes(project, court):
    kit = kit_dir(project, court)
    readme = (kit / "README.md").read_text(encoding="utf-8")
    for name in versioned_names():
        value = sri((kit / name).read_bytes())
        assert f"`{name}`: `{value}`" in readme
        assert f'integrity="{value}" crossorigin="anonymous"' in readme
        assert f'integrity="{value}"' in (kit / "checker.html").read_text(encoding="utf-8")
    needles = ("Basic HTML", "Body", "Media", "<iframe", f"COURT={court} make kit",
               "Facts last checked", CONTENT_SECURITY_POLICY, f"pacer-help-{court}.pdf",
               f"`pacer-help-{court}-link.pdf`: Link your CM/ECF account",
               "Upload the files of `drawings/` to `/sites/default/files/pacer-help/drawings/`",
               f"{len(list((kit / 'drawings').glob('*.svg')))} SVG files")
    for needle in needles:
        assert needle in readme, needle


def test_the_checker_page_works_framed_from_another_origin_under_the_policy(project, browser):
    kit = kit_dir(project, "mnd")
    policy = header_handler({"Content-Security-Policy": CONTENT_SECURITY_POLICY})
    host = project / "host"
    with serve(kit, policy) as checker_origin:
        host.mkdir(exist_ok=True)
        (host / "index.html").write_text(
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Court</title>'
            f'</head><body><main><iframe src="{checker_origin}/checker.html" '
            'title="PACER password checker" width="800" height="1100"></iframe>'
            "</main></body></html>",
            encoding="utf-8",
        )
        # The framing page is another origin's: its own policy is its business (with this one,
        # a frame from another host needs a frame-src; from the court's own host it needs none).
        with serve(host) as host_origin:
            assert host_origin.split(":")[-1] != checker_origin.split(":")[-1]
            context = browser.new_context()
            logged = record_csp_violations(context)
            page = context.new_page()
            try:
                page.goto(f"{host_origin}/")
                frame = page.frame_locator("iframe")
                frame.locator('[data-checker] input[data-field="password"]').wait_for()
                checker = next(f for f in page.frames if f.url.endswith("/checker.html"))
                fill_widget(checker, PASSING_FIELDS)
                wait_for_verdict(checker, "pass")
                assert csp_violations(page, logged) == []
            finally:
                context.close()


def test_make_kit_for_every_court_writes_each_and_all(tmp_path):
    project = copy_project(tmp_path / "project", extra=("Makefile", "pyproject.toml"))
    env = small_court_data(tmp_path / "courts")
    result = make("kit", project, **env)
    assert result.returncode == 0, result.stdout + result.stderr
    kits = sorted(p.name for p in (project / "build" / "kit").iterdir())
    assert kits == ["all", "mieb", "mnd"]
    generic = " ".join(pdf_text(project / "build" / "kit" / "all" / "pacer-help-all.pdf"))
    assert "Bankruptcy and Adversary" in generic and "Civil and Criminal" in generic


def test_a_stale_sentence_stops_make_kit_naming_the_file_and_statement(tmp_path):
    stale, log = make_with_stale_sentence("kit", tmp_path / "project")
    assert re.search(rf"build/kit/mnd/fragments/link\.html:\d+: {re.escape(stale)}", log), log
    assert re.search(rf"pacer-help-mnd\.pdf:page \d+: {re.escape(stale)}", log), log
