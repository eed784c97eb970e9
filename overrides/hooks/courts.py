"""MkDocs hook: a link guide per court, a court picker, and court-branded builds.

The logic lives in checker.site.courts (the registry) and checker.site.court_pages (the page
Markdown and HTML); this file only adapts them to MkDocs.

Default build:
  - ``courts/<id>/`` for each of the 188 courts, generated from docs/link.md with the court's
    facts and only its variant (bankruptcy or district); kept out of the search index. Their
    source paths sit beside link.md (``link-<id>.md``) so the guide's relative links resolve
    exactly as they do on link.md. The guide's Markdown renders once per court type; each court
    page is that HTML with the court's values filled in (see checker.site.court_pages).
  - ``courts/`` (in nav as "Find your court"): the court picker.

``COURT=<id> mkdocs build``: a site for one court (for its webmaster): the court's name in the
header, docs/link.md written for that court only, no other court pages.

``PACER_HELP_COURTS_CSV=path/to/courts.csv`` builds from another copy of the court data (its
``courts.meta.json`` and ``court_facts.json`` sit beside it). A bad row stops the build with the
file, line and field.
"""

from __future__ import annotations

import copy
import os

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils.meta import get_data

from checker.site import tailoring
from checker.site.court_pages import (
    court_page_markdown,
    drop_other_variants_html,
    fill_panel,
    fill_values,
    filter_variants,
    h1_title,
    insert_after_h1,
    picker_markdown,
    single_court_picker_markdown,
    value_tokens,
)
from checker.site.courts import Court, CourtDataError, Registry, UnknownCourtError, load_registry

GUIDE = "link.md"
PICKER = "courts/index.md"
SHEET_CLASS = "court-sheet"

_registry: Registry | None = None
_court: Court | None = None  # set in a one-court build
_pages: dict[str, Court] = {}  # generated src_uri -> court
_rendered: dict[str, tuple[str, object]] = {}  # court type -> (page HTML with tokens, its TOC)


def on_config(config):
    global _registry, _court
    _pages.clear()
    _rendered.clear()
    tailoring.current = None
    try:
        path = os.environ.get("PACER_HELP_COURTS_CSV") or None
        if path and not os.path.isabs(path):
            path = os.path.join(os.path.dirname(config.config_file_path), path)
        _registry = load_registry(path)
    except CourtDataError as error:
        raise PluginError(f"court data: {error}") from None
    court_id = os.environ.get("COURT", "").strip()
    _court = None
    if court_id:
        try:
            _court = _registry.get(court_id)
        except UnknownCourtError as error:
            raise PluginError(f"COURT={court_id}: {error}") from None
        config.site_name = f"{_court.name}: PACER Help"
        config.extra["court"] = {"id": _court.id, "name": _court.name, "type": _court.type}
        config.nav = _without(config.nav, PICKER)
    return config


def _without(nav, target: str):
    """The nav without entries pointing at ``target`` (the picker, in a one-court build)."""
    if not isinstance(nav, list):
        return nav
    kept = []
    for item in nav:
        if isinstance(item, dict):
            item = {k: _without(v, target) for k, v in item.items() if v != target}
            if not item:
                continue
        elif item == target:
            continue
        kept.append(item)
    return kept


def on_files(files: Files, config) -> Files:
    assert _registry is not None
    if _court is not None:
        # The picker's address still works in a one-court build; it points at the guide.
        picker = single_court_picker_markdown(_court)
        files.append(
            File.generated(config, PICKER, content=picker, inclusion=InclusionLevel.NOT_IN_NAV)
        )
        return files
    files.append(File.generated(config, PICKER, content=picker_markdown(_registry)))
    guide = files.get_file_from_path(GUIDE)
    if guide is None:
        raise PluginError(f"courts hook: docs/{GUIDE} is missing; court pages are built from it")
    body, meta = get_data(guide.content_string)
    title = meta.get("title") or h1_title(body) or "Link your CM/ECF account"
    # The source sits beside link.md, so the picker link is written as from there.
    by_type = {t: court_page_markdown(body, t, picker=PICKER) for t in ("district", "bankruptcy")}
    for court in _registry:
        front = {**meta, "title": f"{title}: {court.name}", "search": {"exclude": True}}
        file = File.generated(
            config,
            f"link-{court.id}.md",
            content=_front_matter(front) + by_type[court.type],
            inclusion=InclusionLevel.NOT_IN_NAV,
        )
        file.dest_uri = (
            f"courts/{court.id}/index.html"
            if config.use_directory_urls
            else f"courts/{court.id}.html"
        )
        files.append(file)
        _pages[file.src_uri] = court
    return files


def _front_matter(meta: dict) -> str:
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n\n"


def on_page_markdown(markdown: str, page, config, files) -> str:
    src = page.file.src_uri
    if _court is not None:
        tailoring.current = _court.values()
        if src == GUIDE:
            return court_page_markdown(markdown, _court.type)
        return filter_variants(markdown, _court.type)
    court = _pages.get(src)
    if court is not None:
        if court.type in _rendered:
            return ""  # on_page_content fills in the HTML rendered for this court type
        tailoring.current = value_tokens()
        return markdown
    tailoring.current = None
    if src == GUIDE:
        link = f"[Find your court]({PICKER}){{ .court-picker-link }}"
        return insert_after_h1(
            markdown, f"Want this guide with your court's address and menus? {link}."
        )
    return markdown


def on_page_content(html: str, page, config, files) -> str:
    src = page.file.src_uri
    if _court is not None:
        if src != GUIDE:
            return drop_other_variants_html(html, _court.type)
        html = drop_other_variants_html(html, _court.type)
        return _sheet(fill_panel(html, _court, _registry), _court)
    court = _pages.get(src)
    tailoring.current = None
    if court is None:
        return html
    if court.type in _rendered:
        html, toc = _rendered[court.type]
        page.toc = _fill_toc(toc, court)
    else:
        html = drop_other_variants_html(html, court.type)
        _rendered[court.type] = (html, page.toc)
        page.toc = _fill_toc(page.toc, court)
    return _sheet(fill_panel(fill_values(html, court), court, _registry), court)


def _sheet(html: str, court: Court) -> str:
    return f'<div class="{SHEET_CLASS}" data-court="{court.id}">\n{html}\n</div>'


def _fill_toc(toc, court: Court):
    if "COURTVALUE" not in repr([item.title for item in _walk(toc)]):
        return toc
    toc = copy.deepcopy(toc)
    for item in _walk(toc):
        item.title = fill_values(item.title, court)
    return toc


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item.children)


def on_post_build(config) -> None:
    tailoring.current = None


def on_build_error(error) -> None:
    tailoring.current = None
