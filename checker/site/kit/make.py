"""Write a court's kit (``build/kit/<id>/``), or every court's and the one for all courts.

Each kit is checked as it is written: ``python -m checker verify`` reads every file it holds (the
PDF through our own PDF reader, each fragment as Drupal keeps it), so a stale sentence in the
Markdown stops ``make kit``, naming the file and the statement.
"""

from __future__ import annotations

import atexit
import datetime as dt
import multiprocessing
import os
import shutil
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from checker.facts import build_date
from checker.site.courts.registry import Court, Registry, project_registry
from checker.site.kit.drawings import DRAWINGS_DIR, drawing_files
from checker.site.kit.embed import CHECKER_PAGE, PAGE_STYLES, checker_page, page_styles
from checker.site.kit.fragments import fragment
from checker.site.kit.guides import KIT_PAGES, Guide, guides, public_site_url
from checker.site.kit.pdf import Edition, Printer, document, guide_document, printer
from checker.site.kit.readme import readme
from checker.site.project import Project
from checker.verify import Mismatch, Review
from checker.verify.files import verify_paths
from checker.widget import versioned_files

KIT_DIR = Path("build") / "kit"
ALL = "all"


@dataclass
class Kit:
    """One kit written: where it is, what it holds, what the verifier found in it."""

    id: str
    directory: Path
    files: list[Path] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)
    # Passages that look like rule statements but were not read: the kit must read wholly, as
    # if verified with --fail-on review.
    reviews: list[Review] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def pdf(self) -> Path:
        return self.directory / pdf_name(self.id)

    @property
    def guide_pdfs(self) -> list[Path]:
        return [path for path in self.files if path.suffix == ".pdf" and path != self.pdf]

    @property
    def problems(self) -> list[str]:
        return [
            *(str(m) for m in self.mismatches),
            *(str(r) for r in self.reviews),
            *(f"{name}: unreadable: {reason}" for name, reason in self.unreadable),
        ]


def pdf_name(kit_id: str, guide: Guide | None = None) -> str:
    """``pacer-help-mnd.pdf`` for the kit's guides together, ``pacer-help-mnd-link.pdf`` for one."""
    return f"pacer-help-{kit_id}-{guide.slug}.pdf" if guide else f"pacer-help-{kit_id}.pdf"


def edition(court: Court | None, built: dt.date, facts_checked: dt.date | None) -> Edition:
    if court is None:
        return Edition(
            "PACER Help: guides for e-filers in federal district and bankruptcy courts",
            "For attorneys and their staff who e-file in a United States district or bankruptcy "
            "court that uses NextGen CM/ECF.",
            built,
            facts_checked,
        )
    return Edition(
        f"PACER Help for the {court.name}",
        f"For attorneys and their staff who e-file at the {court.name} "
        f"({court.type} court, {court.state}).",
        built,
        facts_checked,
    )


def make_kit(
    project: Project,
    registry: Registry,
    court: Court | None,
    out: Path,
    pdf: Printer,
) -> Kit:
    """Write one kit under ``out`` (``out/<id>/``, ``out/all/`` without a court) and verify it."""
    started = time.perf_counter()
    kit_id = court.id if court else ALL
    target = out / kit_id
    shutil.rmtree(target, ignore_errors=True)
    (target / "fragments").mkdir(parents=True)
    site_url = public_site_url(project.settings.site_url)
    found = guides(project, registry, court, KIT_PAGES, site_url)
    built = build_date()
    checked = min((g.facts_checked for g in found if g.facts_checked), default=None)
    this = edition(court, built, checked)
    kit = Kit(kit_id, target)
    pdf.print(document(this, found), kit.pdf)
    kit.files.append(kit.pdf)
    for guide in found:
        path = target / pdf_name(kit_id, guide)
        pdf.print(guide_document(this, guide, site_url), path)
        kit.files.append(path)
    files_url = project.settings.kit_files_url
    for guide in found:
        path = target / "fragments" / f"{guide.slug}.html"
        kit.files.append(_write(path, fragment(guide, site_url, files_url)))
    drawings = drawing_files(found, court)
    if drawings:
        (target / DRAWINGS_DIR).mkdir()
    for name, svg in sorted(drawings.items()):
        kit.files.append(_write(target / DRAWINGS_DIR / name, svg))
    checker = versioned_files()
    for name, data in checker.items():
        (target / name).write_bytes(data)
        kit.files.append(target / name)
    kit.files.append(_write(target / CHECKER_PAGE, checker_page(checker)))
    kit.files.append(_write(target / PAGE_STYLES, page_styles()))
    text = readme(
        edition_title=this.title, kit_id=kit_id, pdf_name=kit.pdf.name, guides=found,
        guide_pdfs=[path.name for path in kit.guide_pdfs], drawings=sorted(drawings),
        files_url=files_url, files=checker, built=built, facts_checked=checked,
    )  # fmt: skip
    kit.files.append(_write(target / "README.md", text))
    # Named as the webmaster wrote the command: relative to the folder it runs in, when it can be.
    outcome = verify_paths([_shown(target)])
    kit.mismatches, kit.unreadable = outcome.mismatches, outcome.unreadable
    kit.reviews = outcome.reviews
    kit.seconds = time.perf_counter() - started
    return kit


def make_kits(
    project: Project,
    court_id: str = "",
    out: Path | None = None,
    jobs: int = 1,
) -> Iterator[Kit]:
    """The kit for ``court_id``; without one, every court's kit and then the one for all courts.

    ``jobs`` processes write kits side by side, each with its own Chromium.
    """
    registry = project_registry(project)
    out = out or project.root / KIT_DIR
    ids = [registry.get(court_id).id] if court_id else [*(c.id for c in registry), ALL]
    if jobs <= 1 or len(ids) == 1:
        with printer(project.settings.chromium_path()) as pdf:
            for kit_id in ids:
                yield make_kit(project, registry, _court(registry, kit_id), out, pdf)
        return
    spawn = multiprocessing.get_context("spawn")  # a fresh interpreter for each Chromium driver
    setup = (project, out)
    with ProcessPoolExecutor(jobs, mp_context=spawn, initializer=_start, initargs=setup) as pool:
        yield from pool.map(_kit_in_worker, ids)


def _court(registry: Registry, kit_id: str) -> Court | None:
    return None if kit_id == ALL else registry.get(kit_id)


_worker: dict[str, object] = {}


def _start(project: Project, out: Path) -> None:
    pdf = printer(project.settings.chromium_path())
    atexit.register(pdf.__exit__, None, None, None)
    _worker.update(project=project, registry=project_registry(project), out=out,
                   pdf=pdf.__enter__())  # fmt: skip


def _kit_in_worker(kit_id: str) -> Kit:
    registry = _worker["registry"]
    court = _court(registry, kit_id)  # type: ignore[arg-type]
    return make_kit(_worker["project"], registry, court, _worker["out"],
                    _worker["pdf"])  # type: ignore[arg-type]  # fmt: skip


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _shown(path: Path) -> str:
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()
