"""The kit's CMS-ready HTML: each guide as a fragment that Drupal's *Basic HTML* format keeps.

CKEditor 5 in Drupal removes, when a page is saved, every tag and attribute the text format does
not allow; Basic HTML allows only :data:`BASIC_HTML`. So a fragment is written in those tags
alone, and what the site shows with other markup is rewritten, not lost:

- a table, and a definition list, becomes a bulleted list: an item per row (per term), the
  row's first cell (the term) in bold, then each other cell (description) on a line of its own,
  led by its column heading ("Required: Yes"). Not a definition list: CKEditor 5, Drupal's editor,
  wraps the content of each ``<dt>`` and ``<dd>`` in a ``<p>`` (ckeditor5 issue 20055), so a
  pasted ``<dl>`` is saved changed, while a list item of text and ``<br>`` is saved as pasted
  (``tests/browser/test_kit.py`` pastes every fragment into CKEditor 5 set up as Drupal's);
- a drawing of a screen (an inline SVG in a ``<figure>``) becomes an ``<img>`` of its SVG file in
  the kit, at ``files_url`` + ``drawings/``, with its accessible name as ``alt``, then its caption
  as a paragraph (Drupal's own captions, ``data-caption``, need Drupal's editor plugin: a
  paragraph is kept by any editor);
- a note box (admonition) or a collapsible section (``<details>``) becomes its title in bold, then
  its content;
- headings move one level down (Basic HTML has no ``<h1>``); a code block becomes a paragraph of
  code; everything else that is not allowed is unwrapped, keeping its text.

Then the fragment is filtered with nh3 (a maintained sanitizer, the Rust library ammonia) set to
the same allow-list, as Drupal would filter it; the kit refuses a fragment whose text the filter
would change (:class:`FragmentError`), so what a webmaster pastes is exactly what readers get.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from checker.site.kit.drawings import DRAWINGS_DIR, Figure, figures
from checker.site.kit.guides import KIT_LINK, Guide, KitError, published_url
from checker.site.kit.pdf import demote_headings
from checker.site.settings import DEFAULT_KIT_FILES_URL

# Drupal core's standard "Basic HTML" text format (its ckeditor5 allowed-tags list), as tags and
# their allowed attributes. The img data-* attributes Drupal adds for its own uploads are left out.
BASIC_HTML: dict[str, set[str]] = {
    "br": set(),
    "p": set(),
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "h5": {"id"},
    "h6": {"id"},
    "cite": set(),
    "dl": set(),
    "dt": set(),
    "dd": set(),
    "a": {"href", "hreflang"},
    "blockquote": {"cite"},
    "ul": {"type"},
    "ol": {"start", "type"},
    "strong": set(),
    "em": set(),
    "code": set(),
    "li": set(),
    "img": {"src", "alt", "width", "height"},
}
# Their content is not text a reader should see (nh3 would keep it as text otherwise).
_DROPPED = ("script", "style", "template", "noscript", "svg")
_BLOCKS = ("p", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "h2", "h3", "h4", "h5", "h6")


class FragmentError(KitError):
    """The Basic HTML filter would change a fragment's text."""


def basic_html_filter(fragment: str) -> str:
    """``fragment`` as Drupal's Basic HTML format keeps it (nh3 with the same allow-list)."""
    import nh3

    return nh3.clean(
        fragment,
        tags=set(BASIC_HTML),
        attributes={tag: set(allowed) for tag, allowed in BASIC_HTML.items() if allowed},
        clean_content_tags=set(_DROPPED),
        link_rel=None,
        strip_comments=True,
    )


def fragment(guide: Guide, site_url: str = "", files_url: str = DEFAULT_KIT_FILES_URL) -> str:
    """The guide in Basic HTML tags, filtered; raises :class:`FragmentError` if text is lost."""
    soup = BeautifulSoup(guide.html, "html.parser")
    for element, shown in figures(soup):
        element.replace_with(*_image(soup, shown, files_url))
    for tag in soup.find_all(_DROPPED):
        tag.decompose()
    demote_headings(soup)
    for table in soup.find_all("table"):
        table.replace_with(_row_list(soup, _table_rows(table)))
    for listing in soup.find_all("dl"):
        listing.replace_with(_row_list(soup, _terms(listing)))
    for box in soup.select(".admonition"):
        _titled_block(soup, box, box.find(class_="admonition-title"))
    for details in soup.find_all("details"):
        _titled_block(soup, details, details.find("summary"))
    for pre in soup.find_all("pre"):
        _code_paragraph(soup, pre)
    for link in soup.find_all("a", href=True):
        _retarget(link, guide, site_url)
    for tag in soup.find_all(True):
        if tag.name not in BASIC_HTML:
            tag.unwrap()
        else:
            tag.attrs = {k: v for k, v in tag.attrs.items() if k in BASIC_HTML[tag.name]}
    written = _tidy(str(soup))
    kept = basic_html_filter(written)
    if _text(kept) != _text(written) or _images(kept) != _images(written):
        raise FragmentError(
            f"{guide.name}: the Basic HTML filter would change the fragment's text or images; "
            f"before: {_text(written)[:200]!r}; after: {_text(kept)[:200]!r}"
        )
    return kept


Row = tuple[Tag, list[tuple[str, Tag]]]  # a term, and its descriptions with their labels


def _table_rows(table: Tag) -> list[Row]:
    heads = [cell.get_text(" ", strip=True) for cell in table.select("thead th")]
    rows = []
    for row in table.select("tbody tr") or table.find_all("tr"):
        cells = row.find_all(["td", "th"])
        if not cells or row.parent.name == "thead":
            continue
        labels = [heads[index] if index < len(heads) else "" for index in range(1, len(cells))]
        rows.append((cells[0], list(zip(labels, cells[1:], strict=True))))
    return rows


def _terms(listing: Tag) -> list[Row]:
    rows: list[Row] = []
    for item in listing.find_all(["dt", "dd"], recursive=False):
        if item.name == "dt":
            rows.append((item, []))
        elif rows:
            rows[-1][1].append(("", item))
    return rows


def _row_list(soup: BeautifulSoup, rows: list[Row]) -> Tag:
    """``<ul>``, an item per row: ``<strong>term</strong><br>Label: description<br>...``."""
    listing = soup.new_tag("ul")
    for term, descriptions in rows:
        item = soup.new_tag("li")
        strong = soup.new_tag("strong")
        strong.extend(_inline(soup, term))
        item.append(strong)
        for label, description in descriptions:
            item.append(soup.new_tag("br"))
            if label:
                item.append(f"{label}: ")
            item.extend(_inline(soup, description))
        listing.append(item)
    return listing


def _inline(soup: BeautifulSoup, cell: Tag) -> list:
    """A cell's content on one line of a list item: its paragraphs joined by line breaks."""
    for number, paragraph in enumerate(cell.find_all("p", recursive=False)):
        if number:
            paragraph.insert_before(soup.new_tag("br"))
        paragraph.unwrap()
    contents = list(cell.contents)
    while contents and _blank(contents[0]):
        contents.pop(0)
    while contents and _blank(contents[-1]):
        contents.pop()
    return contents


def _blank(node: object) -> bool:
    return isinstance(node, NavigableString) and not node.strip()


def _image(soup: BeautifulSoup, shown: Figure, files_url: str) -> list[Tag]:
    """``<p><img></p>`` and the caption's ``<p>``: CKEditor 5 saves an image in a paragraph as it
    was pasted (``tests/browser/test_kit_drawings.py``)."""
    image = soup.new_tag("img", attrs={
        "src": f"{files_url}{DRAWINGS_DIR}/{shown.file_name}", "alt": shown.name,
        "width": shown.width, "height": shown.height,
    })  # fmt: skip
    holder = soup.new_tag("p")
    holder.append(image)
    blocks = [holder]
    if shown.caption:
        caption = soup.new_tag("p")
        caption.string = shown.caption
        blocks.append(caption)
    return blocks


def _titled_block(soup: BeautifulSoup, block: Tag, title: Tag | None) -> None:
    """A box's title as a bold paragraph, then its content, in place of the box."""
    if title is not None:
        heading = soup.new_tag("p")
        strong = soup.new_tag("strong")
        strong.extend(list(title.contents))
        heading.append(strong)
        title.replace_with(heading)
    block.unwrap()


def _code_paragraph(soup: BeautifulSoup, pre: Tag) -> None:
    paragraph = soup.new_tag("p")
    code = soup.new_tag("code")
    for number, line in enumerate(pre.get_text().rstrip("\n").split("\n")):
        if number:
            code.append(soup.new_tag("br"))
        code.append(NavigableString(line))
    paragraph.append(code)
    pre.replace_with(paragraph)


def _retarget(link: Tag, guide: Guide, site_url: str) -> None:
    """A link to a place in this guide stays; one to another guide of the kit goes to the
    published site when there is one (the webmaster's own pages are not known), else is text."""
    kit = KIT_LINK.match(str(link["href"]))
    if not kit:
        return
    if kit["page"] == guide.name:
        link["href"] = f"#{kit['fragment']}" if kit["fragment"] else "#"
        if not kit["fragment"]:
            link.unwrap()
    elif site_url:
        link["href"] = published_url(site_url, kit["page"], kit["fragment"])
    else:
        link.unwrap()


def _tidy(markup: str) -> str:
    """One block element a line, so a webmaster can read the source view."""
    markup = re.sub(r"\n{2,}", "\n", markup).strip()
    for tag in _BLOCKS:
        markup = re.sub(rf"\s*(<{tag}[\s>])", r"\n\1", markup)
    return markup.strip() + "\n"


def _images(markup: str) -> list[dict]:
    return [img.attrs for img in BeautifulSoup(markup, "html.parser").find_all("img")]


def _text(markup: str) -> str:
    return " ".join(BeautifulSoup(markup, "html.parser").get_text(" ").split())
