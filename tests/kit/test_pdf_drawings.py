"""The kit's PDF plumbing for drawings, on a small document: each drawing a guide shows is
tagged as one ``Figure`` with its accessible name as ``/Alt``, beside its ``Caption``; its text
is in the PDF as text (the verifier reads it); no other ``Figure`` without ``/Alt``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from drupal_editor import FILES_PATH, drupal_editor, images
from pdf_structure import figures
from pypdf import PdfReader

from checker.site.kit.drawings import DRAWINGS_DIR
from checker.site.kit.fragments import fragment
from checker.site.kit.guides import Guide
from checker.site.kit.pdf import Edition, Printer, document, guide_document
from checker.site.screens import draw, figure
from checker.verify.readers import pdf_pages

EDITION = Edition("PACER Help for a test court", "For a test.", dt.date(2026, 12, 6), None)


@pytest.fixture(scope="module")
def pdf_printer(browser):
    # The kit's printer on the suite's Chromium (one Playwright a process).
    return Printer(browser)


def test_each_drawing_is_a_figure_with_alt_text_and_a_caption(pdf_printer, tmp_path):
    drawings = [draw("ecf-menu-after", "ecf.mnd.uscourts.gov", "district"),
                draw("ecf-utilities", "ecf.mnd.uscourts.gov", "district")]  # fmt: skip
    body = "<h1>Link</h1><p>Select <strong>Utilities</strong>.</p>"
    body += "".join(figure(drawing) + "<p>Then go on.</p>" for drawing in drawings)
    guide = Guide("link.md", "Link", body, None)
    for name, html in (("all", document(EDITION, [guide])),
                       ("one", guide_document(EDITION, guide))):  # fmt: skip
        path = tmp_path / f"{name}.pdf"
        pdf_printer.print(html, path)
        found = figures(PdfReader(path))
        assert [alt for alt, _ in found] == [drawing.name for drawing in drawings], name
        assert all("Caption" in beside for _, beside in found), found
        with Path(path).open("rb") as handle:
            text = " ".join(" ".join(page.split()) for _, page in pdf_pages(handle))
        assert "ecf.mnd.uscourts.gov" in text and drawings[0].caption in text


def test_without_the_group_role_a_drawing_would_be_a_figure_without_alt_text(pdf_printer, tmp_path):
    """Why the kit marks each drawing's <figure> as a group, and proof the check can fail: a
    plain <figure> is tagged as a second Figure, with no /Alt, around the drawing's."""
    drawing = draw("ecf-menu-after", "ecf.mnd.uscourts.gov", "district")
    guide = Guide("link.md", "Link", f"<h1>Link</h1>{figure(drawing)}", None)
    html = document(EDITION, [guide])
    assert html.count('role="group"') == 1
    pdf_printer.print(html.replace(' role="group"', ""), tmp_path / "plain.pdf")
    assert None in [alt for alt, _ in figures(PdfReader(tmp_path / "plain.pdf"))]


def test_a_fragments_drawing_comes_back_unchanged_from_drupals_editor(browser, tmp_path):
    """A fragment with drawings, pasted into CKEditor 5 set up as Drupal's Basic HTML editor,
    saved and filtered, is the fragment; its images load from where the README puts them."""
    court = "ecf.iasb.uscourts.gov", "bankruptcy"
    drawings = [draw("ecf-menu-after", *court), draw("ecf-utilities", *court)]
    guide = Guide("link.md", "Link", "<h1>Link</h1><p>Select <strong>Utilities</strong>.</p>"
                  + "".join(figure(drawing) for drawing in drawings), None)  # fmt: skip
    kit = tmp_path / "kit"
    (kit / DRAWINGS_DIR).mkdir(parents=True)
    for drawing in drawings:
        (kit / DRAWINGS_DIR / f"{drawing.screen_id}.svg").write_text(drawing.svg, encoding="utf-8")
    written = fragment(guide, files_url=FILES_PATH)
    assert [alt for _, alt in images(written)] == [drawing.name for drawing in drawings]
    with drupal_editor(browser, tmp_path, kit) as editor:
        assert editor.changes(written) == []
        missing = written.replace("ecf-utilities.svg", "missing.svg")
        assert [problem.rsplit("/", 1)[1] for problem in editor.changes(missing)] == [
            "missing.svg does not load"] * 2  # fmt: skip
