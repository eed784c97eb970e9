"""The guides a kit holds, rendered from the same Markdown and records as the site.

A court's edition of each page comes from
:func:`checker.site.pipeline.generate.court_page_source` (the
court's variant, the link guide written for the court), and is rendered by Python-Markdown with
the extensions ``mkdocs.yml`` configures, the ``pacer`` shortcodes among them: the same pipeline
every engine runs, so a kit says what the court's site says. What only a web page can hold is
then left out (:func:`for_paper_and_cms`), because neither a PDF nor a CMS keeps it:

- blocks marked ``data-web-only`` (the live password checker and the sentences about it);
- a passage marked ``data-ruleset`` with an older rule set: a PDF's text and a CMS filter lose the
  marker, so such a passage is kept (unmarked) only if it states nothing the current rules
  contradict, and left out otherwise;
- links to pages outside the kit: to the published site when ``site_url`` is a public address,
  else the link text alone (a kit for a court cannot know where our pages will live).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import markdown
from bs4 import BeautifulSoup, Tag

from checker.facts import book
from checker.rulesets import DEFAULT_RULESET
from checker.site.courts.pages import h1_title
from checker.site.courts.registry import Court, Registry
from checker.site.pipeline.generate import court_page_source
from checker.site.project import Project, load_config
from checker.verify import verify_html

# What an e-filer at a court needs today, in the order they do it: upgrade once, link at this
# court, set up MFA when PACER asks, change the password on PACER's schedule, keep the account's
# details (notice emails at each court among them) right, and, since most attorneys file with
# staff, MFA and e-filing in a firm (filing agents, shared accounts, vendors).
KIT_PAGES = ("upgrade.md", "link.md", "mfa.md", "password-change.md", "account.md", "firms.md")
# MkDocs adds these to every configuration (mkdocs/config/defaults.py).
_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
_LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", ""}


class KitError(ValueError):
    """Something the kit needs is missing or wrong; the message says what and where."""


@dataclass(frozen=True)
class Guide:
    """One page of the kit: where it comes from, its title and its HTML for paper and CMS."""

    name: str  # the Markdown page, relative to docs/ ("link.md")
    title: str
    html: str
    facts_checked: dt.date | None  # the oldest check of any dated fact the page states

    @property
    def slug(self) -> str:
        return page_anchor(self.name)


def guides(
    project: Project,
    registry: Registry,
    court: Court | None,
    pages: Iterable[str] = KIT_PAGES,
    site_url: str = "",
) -> list[Guide]:
    """The kit's guides for ``court`` (or the generic edition, for all courts)."""
    converter = markdown_converter(project)
    names = tuple(pages)
    found = []
    for name in names:
        meta, body = court_page_source(project.docs_dir, name, court, registry)
        converter.reset()
        html = converter.convert(body)
        title = str(meta.get("title") or h1_title(body) or name)
        soup = BeautifulSoup(html, "html.parser")
        checked = _facts_checked(soup, court)
        for_paper_and_cms(soup, name, names, site_url)
        found.append(Guide(name, _plain_title(title), str(soup), checked))
    return found


def markdown_converter(project: Project) -> markdown.Markdown:
    """Python-Markdown with the extensions and settings of the project's ``mkdocs.yml``."""
    config = load_config(project.config_file)
    extensions: list[str] = list(_BUILTIN_EXTENSIONS)
    configs: dict[str, dict[str, Any]] = {}
    for item in config.get("markdown_extensions") or []:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        if name not in extensions:
            extensions.append(name)
        if options:
            configs[name] = dict(options)
    # Paper and a CMS page have no use for the pilcrow links beside headings.
    configs.setdefault("toc", {})["permalink"] = False
    try:
        return markdown.Markdown(extensions=extensions, extension_configs=configs)
    except (ImportError, ValueError, TypeError) as error:
        raise KitError(f"{project.config_file}: markdown_extensions: {error}") from None


def public_site_url(value: str) -> str:
    """``value`` if it is an address readers outside this machine can open, else ''."""
    parts = urlsplit(value)
    if parts.scheme in ("http", "https") and parts.hostname not in _LOCAL_HOSTS:
        return value if value.endswith("/") else value + "/"
    return ""


def for_paper_and_cms(soup: BeautifulSoup, name: str, kit: tuple[str, ...], site_url: str) -> None:
    """Leave out what only a web page can hold (module docstring), in place."""
    for block in soup.select("[data-web-only], [data-checker]"):
        block.decompose()
    for block in soup.select("[data-ruleset]"):
        if block.get("data-ruleset") == DEFAULT_RULESET or not verify_html(str(block), name):
            del block["data-ruleset"]
        else:
            block.decompose()
    for block in soup.select("[data-variant]"):
        block.unwrap()
    for link in soup.select("a[href]"):
        _retarget(link, name, kit, site_url)


def page_anchor(name: str, fragment: str = "") -> str:
    """The id a kit page's heading (or the page itself) has once pages share one document."""
    slug = name.removesuffix(".md").replace("/", "-")
    return f"{slug}--{fragment}" if fragment else slug


def _retarget(link: Tag, name: str, kit: tuple[str, ...], site_url: str) -> None:
    href = str(link["href"])
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("#"):
        return  # another site's address, or a place on this page: kept as written
    target = posixpath.normpath(posixpath.join(posixpath.dirname(name), parts.path))
    if target in kit:
        link["href"] = f"kit:{target}#{parts.fragment}"
    elif site_url and target.endswith(".md"):
        link["href"] = published_url(site_url, target, parts.fragment)
    else:
        link.unwrap()


def published_url(site_url: str, page: str, fragment: str = "") -> str:
    """Where a Markdown page (``rules.md``, ``index.md``) lives on the published site."""
    path = page.removesuffix(".md")
    path = "" if path == "index" else path.removesuffix("/index") + "/"
    return site_url + path + (f"#{fragment}" if fragment else "")


KIT_LINK = re.compile(r"^kit:(?P<page>[^#]+)#(?P<fragment>.*)$")


def _facts_checked(soup: BeautifulSoup, court: Court | None) -> dt.date | None:
    """The oldest check of any dated fact the page states: the site's facts by their spans, the
    court's own facts (go-live date, links, help contact, notes) from its records."""
    facts = book()
    stated = {str(span["data-fact"]) for span in soup.select("[data-fact]")}
    days = [facts.get(fact_id).checked_on for fact_id in stated if fact_id in facts.facts]
    if court is not None:
        days += [fact.checked_on for fact in court.facts.all()]
    return min(days, default=None)


def _plain_title(title: str) -> str:
    """A title as text: shortcodes in titles render to HTML (a rule's number in a span)."""
    if "<" not in title and "pacer:" not in title:
        return title
    from checker.site.markdown.extension import expand

    return BeautifulSoup(expand(title), "html.parser").get_text()
