"""The kit's CMS-ready HTML: each guide as a fragment that Drupal's *Basic HTML* format keeps.

CKEditor 5 in Drupal removes, when a page is saved, every tag and attribute the text format does
not allow; Basic HTML allows only :data:`BASIC_HTML`. So a fragment is written in those tags
alone, and what the site shows with other markup is rewritten, not lost:

- a table becomes a definition list: each row's first cell is the term, the other cells its
  descriptions, each led by its column heading ("Required: Yes");
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

from checker.site.kit.guides import KIT_LINK, Guide, KitError, published_url
from checker.site.kit.pdf import demote_headings

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


def fragment(guide: Guide, site_url: str = "") -> str:
    """The guide in Basic HTML tags, filtered; raises :class:`FragmentError` if text is lost."""
    soup = BeautifulSoup(guide.html, "html.parser")
    for tag in soup.find_all(_DROPPED):
        tag.decompose()
    demote_headings(soup)
    for table in soup.find_all("table"):
        table.replace_with(_definition_list(soup, table))
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
    if _text(kept) != _text(written):
        raise FragmentError(
            f"{guide.name}: the Basic HTML filter would change the fragment's text; "
            f"before: {_text(written)[:200]!r}; after: {_text(kept)[:200]!r}"
        )
    return kept


def _definition_list(soup: BeautifulSoup, table: Tag) -> Tag:
    heads = [cell.get_text(" ", strip=True) for cell in table.select("thead th")]
    listing = soup.new_tag("dl")
    for row in table.select("tbody tr") or table.find_all("tr"):
        cells = row.find_all(["td", "th"])
        if not cells or row.parent.name == "thead":
            continue
        term = soup.new_tag("dt")
        term.extend(list(cells[0].contents))
        listing.append(term)
        for index, cell in enumerate(cells[1:], 1):
            description = soup.new_tag("dd")
            if index < len(heads) and heads[index]:
                description.append(f"{heads[index]}: ")
            description.extend(list(cell.contents))
            listing.append(description)
    return listing


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


def _text(markup: str) -> str:
    return " ".join(BeautifulSoup(markup, "html.parser").get_text(" ").split())
