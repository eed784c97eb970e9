"""Drupal's Basic HTML format in real Chromium: CKEditor 5 (from npm) set up as Drupal sets it up,
then the format's ``allowed_html`` filter, from the settings in tests/data/drupal_basic_html.yml.

The kit's own allow-list (checker/site/kit/fragments.py) is not read here: the test's oracle is
Drupal's configuration, copied as data with its source.
"""

from __future__ import annotations

import functools
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, NavigableString, Tag
from builds import serve

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = ROOT / "tests" / "data" / "drupal_basic_html.yml"
HARNESS = Path(__file__).parent / "drupal_editor"
CKEDITOR_BUILD = ROOT / "node_modules" / "ckeditor5" / "dist" / "browser"
# Drupal's toolbar ids that CKEditor 5 spells the same; drupalInsertImage is Drupal's own button.
_TOOLBAR = {"bold", "italic", "link", "bulletedList", "numberedList", "blockQuote", "heading",
            "code", "sourceEditing", "|"}  # fmt: skip
# Where the kit's README has the webmaster upload the kit's files.
FILES_PATH = "/sites/default/files/pacer-help/"
_HEADINGS = {"heading2": "h2", "heading3": "h3", "heading4": "h4", "heading5": "h5",
             "heading6": "h6"}  # fmt: skip


def settings() -> dict:
    return yaml.safe_load(SETTINGS.read_text(encoding="utf-8"))


def allowed_html() -> dict[str, set[str]]:
    """``allowed_html`` as tags and attributes (``<a hreflang href>``: a, {hreflang, href})."""
    items = re.findall(r"<([a-z0-9]+)([^>]*)>", settings()["allowed_html"])
    return {tag: set(attributes.split()) for tag, attributes in items}


def basic_html_filter(markup: str) -> str:
    """``markup`` after the format's filter_html (nh3, set up with ``allowed_html``)."""
    import nh3

    allowed = allowed_html()
    return nh3.clean(markup, tags=set(allowed), attributes=allowed, link_rel=None,
                     strip_comments=True)  # fmt: skip


def editor_setup() -> dict:
    """The plugin names and configuration ``makeEditor`` (basic_html.js) builds the editor from."""
    data = settings()
    plugins: list[str] = []
    config: dict = {}
    for plugin in data["plugins"].values():
        plugins += [name for name in plugin["ckeditor5"] if name not in plugins]
        for key, value in (plugin.get("config") or {}).items():
            config.setdefault(key, {}).update(value)
    drupal = data["editor"]["plugins"]
    config["toolbar"] = [item for item in data["editor"]["toolbar"] if item in _TOOLBAR]
    config["heading"] = {"options": [{"model": "paragraph", "title": "Paragraph"}] + [
        {"model": name, "view": _HEADINGS[name], "title": name}
        for name in drupal["ckeditor5_heading"]["enabled_headings"]
    ]}  # fmt: skip
    lists = drupal["ckeditor5_list"]
    config["list"] = {"properties": {**lists["properties"], "styles": False},
                      "multiBlock": lists["multiBlock"]}  # fmt: skip
    # Drupal turns the Source button's extra tags into General HTML Support rules
    # (HTMLRestrictions::toGeneralHtmlSupportConfig): each tag with its attributes allowed.
    config["htmlSupport"] = {"allow": [
        {"name": tag, "attributes": dict.fromkeys(attributes, True)}
        for tag, *attributes in (item.strip("<>").split()
                                 for item in drupal["ckeditor5_sourceEditing"]["allowed_tags"])
    ]}  # fmt: skip
    return {"plugins": plugins, "config": config}


@dataclass
class Editor:
    """A page holding the editor; ``files_url`` is where ``site_files`` are served."""

    page: object
    files_url: str

    def paste(self, html: str, way: str) -> str:
        """``html`` pasted ``way`` ("source" or "editor"), as the editor saves it."""
        function = {"source": "pasteIntoSource", "editor": "pasteIntoEditor"}[way]
        return self.page.evaluate(f"html => window.{function}(html)", html)

    def changes(self, fragment: str) -> list[str]:
        """What Drupal would change in ``fragment``, pasted into Source and into the editing area,
        saved, filtered by ``allowed_html``: words, images, then the first tag or attribute that
        differs, and images that do not load; [] when it comes back as it was pasted."""
        found = []
        for way in ("source", "editor"):
            saved = basic_html_filter(self.paste(fragment, way))
            if words(saved) != words(fragment):
                found.append(f"pasted into {way}: words changed")
            if images(saved) != images(fragment):
                found.append(f"pasted into {way}: images changed: {images(saved)}")
            difference = first_difference(canonical(fragment), canonical(saved))
            if difference:
                found.append(f"pasted into {way}: {difference}")
            found += [f"pasted into {way}: {src} does not load" for src in self.broken_images()]
        return found

    def broken_images(self) -> list[str]:
        """The addresses of the images in the editing area that do not load."""
        return self.page.evaluate("window.brokenImages()")


@contextmanager
def drupal_editor(
    browser, workspace: Path, site_files: Path | None = None, files_path: str = FILES_PATH
) -> Iterator[Editor]:
    """CKEditor 5 as Drupal's Basic HTML editor, on a page served from 127.0.0.1.

    ``site_files`` is served at ``files_path``, where the kit's README has the webmaster upload
    the kit, so the images a fragment names load as they would on the court's site.
    """
    root = workspace / "drupal"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(HARNESS, root / "editor")
    for name in ("ckeditor5.umd.js", "ckeditor5.css"):
        shutil.copy(CKEDITOR_BUILD / name, root / "editor" / name)
    if site_files is not None:
        target = root / files_path.strip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(site_files.resolve(), target_is_directory=True)
    with serve(root) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        foreign: list[str] = []
        context.route("**/*", functools.partial(_loopback_only, foreign))
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        try:
            page.goto(f"{url}/editor/index.html")
            page.evaluate("setup => window.makeEditor(setup)", editor_setup())
            yield Editor(page, url + files_path)
            assert errors == [], errors
            assert foreign == [], f"the editor page asked other hosts for {foreign}"
        finally:
            context.close()


def _loopback_only(foreign: list[str], route) -> None:
    # Nothing the editor or a fragment asks for may leave the machine.
    if route.request.url.startswith(("http://127.0.0.1:", "data:", "blob:")):
        route.continue_()
    else:
        foreign.append(route.request.url)
        route.abort()


def canonical(markup: str) -> list:
    """Markup as a comparable tree: tags with their attributes, text with runs of white space as
    one space (no-break spaces too: the editor writes some spaces as ``&nbsp;``), and the white
    space between blocks dropped."""
    return _nodes(BeautifulSoup(markup, "html.parser"))


# White space in these is not content; in these, white space at the start and the end is not.
_CONTAINERS = {"[document]", "ul", "ol", "dl", "blockquote", "figure"}
_BLOCKS = {"[document]", "p", "li", "dt", "dd", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl",
           "blockquote", "figure", "figcaption"}  # fmt: skip


def _nodes(parent: Tag) -> list:
    nodes: list = []
    for child in parent.children:
        if isinstance(child, Tag):
            nodes.append((child.name, sorted(child.attrs.items()), _nodes(child)))
        elif type(child) is NavigableString:  # not a comment or a doctype
            text = re.sub(r"[\s\xa0]+", " ", str(child))
            if parent.name in _CONTAINERS and not text.strip():
                continue
            if nodes and isinstance(nodes[-1], str):
                nodes[-1] += text
            else:
                nodes.append(text)
    for index, node in enumerate(nodes):
        if not isinstance(node, str):
            continue
        before = nodes[index - 1] if index else None
        after = nodes[index + 1] if index + 1 < len(nodes) else None
        if (before is None and parent.name in _BLOCKS) or _is_block(before):
            node = node.lstrip()
        if (after is None and parent.name in _BLOCKS) or _is_block(after):
            node = node.rstrip()
        nodes[index] = node
    return [node for node in nodes if node != ""]


def _is_block(node: object) -> bool:
    return isinstance(node, tuple) and node[0] in _BLOCKS


def words(markup: str) -> list[str]:
    return BeautifulSoup(markup, "html.parser").get_text(" ").split()


def images(markup: str) -> list[tuple[str, str]]:
    return [(str(img.get("src")), str(img.get("alt")))
            for img in BeautifulSoup(markup, "html.parser").find_all("img")]  # fmt: skip


def first_difference(expected: list, got: list, path: str = "") -> str:
    """Where two canonical trees first differ, for an assertion message a person can act on."""
    for index, (want, have) in enumerate(zip(expected, got, strict=False)):
        if want == have:
            continue
        if isinstance(want, tuple) and isinstance(have, tuple) and want[:2] == have[:2]:
            return first_difference(want[2], have[2], f"{path}/{want[0]}[{index}]")
        return f"at {path or '/'}[{index}]: expected {want!r:.300}, got {have!r:.300}"
    if len(expected) != len(got):
        return f"at {path or '/'}: {len(expected)} nodes expected, {len(got)} came back"
    return ""
