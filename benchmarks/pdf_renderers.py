"""Measure the kit's PDF renderers on the same document: Chromium (the kit's) and WeasyPrint.

    PYTHONPATH=tests/support python benchmarks/pdf_renderers.py [--court mnd] [--weasyprint PYTHON]

WeasyPrint is not a dependency: pass an interpreter that has it (``pip install weasyprint`` in a
scratch venv) to measure it beside Chromium. Prints, per renderer: seconds, bytes, pages, the text
a PDF reader extracts (characters, and the share of the HTML's words found in it), the structure
elements, /Lang, /MarkInfo and outline entries. The kit's choice is recorded in
checker/site/kit/pdf.py.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import time
from pathlib import Path

from bs4 import BeautifulSoup
from pdf_structure import structure_counts
from pypdf import PdfReader

from checker.facts import build_date
from checker.site.courts.registry import project_registry
from checker.site.kit.guides import KIT_PAGES, guides
from checker.site.kit.make import edition
from checker.site.kit.pdf import document, printer
from checker.site.project import Project

ROOT = Path(__file__).resolve().parent.parent
WEASYPRINT = """
import sys, weasyprint
weasyprint.HTML(filename=sys.argv[1]).write_pdf(sys.argv[2], pdf_variant="pdf/ua-1")
"""


def describe(name: str, path: Path, seconds: float, words: list[str]) -> str:
    reader = PdfReader(path)
    text = " ".join((page.extract_text() or "") for page in reader.pages)
    found = set(text.split())
    kept = sum(1 for word in words if word in found) / max(1, len(words))
    root = reader.trailer["/Root"]
    tags = structure_counts(reader)
    main = {k: tags.get(k, 0) for k in ("H1", "H2", "H3", "L", "LI", "Table", "TH", "TD")}
    marked = root.get("/MarkInfo", {}).get("/Marked", False)
    return (
        f"{name:<11} {seconds:5.1f} s  {path.stat().st_size / 1024:6.0f} KB  "
        f"{len(reader.pages):3} pages  {len(text):6} chars  {kept:6.1%} of words  "
        f"Lang={root.get('/Lang', '-')} Marked={marked} outline={len(reader.outline)}\n"
        f"{'':11} structure: {sum(tags.values())} elements; {main}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--court", default="mnd")
    parser.add_argument("--weasyprint", metavar="PYTHON", help="an interpreter with weasyprint")
    args = parser.parse_args()
    project = Project.at(ROOT / "mkdocs.yml")
    registry = project_registry(project)
    court = registry.get(args.court)
    html = document(edition(court, build_date(), None), guides(project, registry, court, KIT_PAGES))
    words = BeautifulSoup(html, "html.parser").get_text(" ").split()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder, "guide.html")
        source.write_text(html, encoding="utf-8")
        with printer(project.settings.chromium_path()) as pdf:
            started = time.perf_counter()
            pdf.print(html, Path(folder, "chromium.pdf"))
            print(describe("Chromium", Path(folder, "chromium.pdf"), time.perf_counter() - started,
                           words))  # fmt: skip
        if args.weasyprint:
            started = time.perf_counter()
            out = Path(folder, "weasyprint.pdf")
            subprocess.run([args.weasyprint, "-c", WEASYPRINT, str(source), str(out)], check=True)
            print(describe("WeasyPrint", out, time.perf_counter() - started, words))
        else:
            print("WeasyPrint  not measured (pass --weasyprint PYTHON)")


if __name__ == "__main__":
    main()
