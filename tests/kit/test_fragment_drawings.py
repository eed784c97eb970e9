"""The kit's drawings without a browser: a guide holding a drawing as a page shows it becomes a
fragment with an ``<img src alt width height>`` of a file in the kit, and that file is the
drawing for the kit's court (its host, its menus), or the kit stops, naming guide and drawing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from checker.site.courts.registry import project_registry
from checker.site.kit.drawings import drawing_files
from checker.site.kit.fragments import fragment
from checker.site.kit.guides import Guide, KitError
from checker.site.project import Project
from checker.site.screens import draw, figure
from checker.site.settings import Settings, SettingsError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def registry():
    return project_registry(Project.at(ROOT / "mkdocs.yml"))


def guide_with(*drawings) -> Guide:
    body = "".join(figure(drawing) for drawing in drawings)
    html = f'<h1 id="t">Link</h1><p>Select <strong>Civil</strong>.</p>{body}<p>Done.</p>'
    return Guide("link.md", "Link", html, None)


def test_a_drawing_becomes_an_image_of_its_file_with_alt_text_then_its_caption(registry):
    mnd = registry.get("mnd")
    drawing = draw("ecf-menu-after", mnd.ecf_host, mnd.type)
    written = fragment(guide_with(drawing), files_url="/files/pacer/")
    soup = BeautifulSoup(written, "html.parser")
    assert not soup.find(["svg", "figure", "figcaption"])
    (image,) = soup.find_all("img")
    assert image.attrs == {
        "src": "/files/pacer/drawings/ecf-menu-after.svg", "alt": drawing.name,
        "width": str(drawing.width), "height": str(drawing.height),
    }  # fmt: skip
    assert "1 Civil; 2 Criminal" in image["alt"]
    # The image alone in a paragraph (CKEditor 5 keeps it so), the caption the next paragraph.
    assert image.parent.name == "p" and image.parent.get_text(strip=True) == ""
    assert image.parent.find_next_sibling("p").get_text() == drawing.caption
    assert "Your screen may look different." in written
    # No word of the drawing is lost: the step says it, the alt text says what is outlined.
    assert written.index("Select") < written.index("<img") < written.index("Done.")


@pytest.mark.parametrize(("court", "host", "menus", "not_menus"), [
    ("mnd", "ecf.mnd.uscourts.gov", ("Civil", "Criminal"), ("Bankruptcy", "Adversary")),
    ("iasb", "ecf.iasb.uscourts.gov", ("Bankruptcy", "Adversary"), ("Civil", "Criminal")),
])  # fmt: skip
def test_the_files_are_the_courts_drawings(registry, court, host, menus, not_menus):
    this = registry.get(court)
    files = drawing_files([guide_with(draw("ecf-menu-after", this.ecf_host, this.type))], this)
    assert list(files) == ["ecf-menu-after.svg"]
    svg = files["ecf-menu-after.svg"]
    assert svg.startswith("<svg") and 'xmlns="http://www.w3.org/2000/svg"' in svg
    assert "viewBox=" in svg  # written from the drawing, not from parsed HTML (which lowercases)
    words = re.sub(r"<[^>]+>", " ", svg).split()
    assert host in words and all(menu in words for menu in menus), words
    assert not any(menu in words for menu in not_menus), words


def test_a_guide_drawn_for_another_court_stops_the_kit_naming_guide_and_drawing(registry):
    iasb, mnd = registry.get("iasb"), registry.get("mnd")
    shown = guide_with(draw("ecf-menu-after", iasb.ecf_host, iasb.type))
    with pytest.raises(KitError, match=r"^link\.md: drawing 'ecf-menu-after': the guide shows"):
        drawing_files([shown], mnd)
    # Only the host differs: still refused (the file would show another court's address).
    same_type = next(c for c in registry if c.type == mnd.type and c.id != mnd.id)
    with pytest.raises(KitError, match=re.escape(same_type.ecf_host)):
        drawing_files([guide_with(draw("ecf-menu-after", same_type.ecf_host, mnd.type))], mnd)


def test_a_figure_without_an_accessible_name_is_refused():
    html = '<figure class="pacer-screen" data-screen="x"><svg></svg></figure>'
    with pytest.raises(KitError, match=r"drawing 'x': expected an <svg> with an aria-label"):
        fragment(Guide("link.md", "Link", html, None))


def test_the_files_url_is_a_folder_on_the_courts_site():
    assert Settings.from_env({}).kit_files_url == "/sites/default/files/pacer-help/"
    assert Settings.from_env({"KIT_FILES_URL": "/files/pacer"}).kit_files_url == "/files/pacer/"
    for bad in ("files/pacer/", "//cdn.example/", "http://court.example/"):
        with pytest.raises(SettingsError, match=r"^KIT_FILES_URL: expected a path"):
            Settings.from_env({"KIT_FILES_URL": bad})
