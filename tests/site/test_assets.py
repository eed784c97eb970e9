"""The site's one stylesheet: what `generate` writes from the CSS sources, and what pages load."""

from __future__ import annotations

import re

from checker.site.pipeline.assets import SITE_STYLES, STYLESHEET, assets, compact_css
from checker.site.pipeline.theme_icons import SPRITE, material_stylesheet
from checker.widget import STYLES_PATH, styles

COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def no_space(css: str) -> str:
    return re.sub(r"\s", "", css)


def test_compacting_removes_comments_and_whitespace_only():
    source = SITE_STYLES.read_text(encoding="utf-8") + "\n" + styles()
    compact = compact_css(source)
    assert "/*" not in compact and "\n" not in compact.rstrip("\n")
    # Every character that is not whitespace or a comment survives, in order.
    assert no_space(compact) == no_space(COMMENT.sub("", source))
    assert len(compact) < 0.7 * len(source)


def test_strings_are_kept_as_written():
    css = 'a::after {\n  content: " (  /* not a comment */ " attr(href) ")";\n}\n/* gone */'
    assert compact_css(css) == 'a::after{content: " (  /* not a comment */ " attr(href) ")";}\n'


def test_one_stylesheet_holds_the_site_and_the_checker_styles():
    files = assets()
    assert files[STYLES_PATH] == styles()  # readable, for webmasters who embed the checker
    sheet = files[STYLESHEET]
    for selector in (".court-facts", ".pacer-checker", "@media print", ".md-typeset a"):
        assert selector in sheet, selector
    # Material's own styles come first, their icons in the sprite: no data: image is left.
    assert sheet.startswith(material_stylesheet().read_text()[:200].split("{")[0])
    assert "data:image" not in sheet and 'url("icons.svg#md-admonition-icon--note")' in sheet
    assert files[SPRITE].count("<view ") == sheet.count('url("icons.svg#') > 30
    # The checker's rules come last, so a webmaster's page and ours cascade the same way.
    assert sheet.index(".pacer-checker") > sheet.index("@media print")


def test_pages_load_our_one_stylesheet_and_the_widget_script_only_with_a_widget(built_site):
    from bs4 import BeautifulSoup

    pages = {path: BeautifulSoup(path.read_text(), "html.parser")
             for path in built_site.rglob("*.html")}  # fmt: skip
    with_widget = 0
    for path, page in pages.items():
        sheets = [link["href"].rsplit("/", 1)[-1] for link in page.select("link[rel=stylesheet]")]
        assert sheets == ["pacer-help.css"], (path, sheets)  # in place of Material's own
        scripts = [tag["src"] for tag in page.select("script[src]")]
        widget = page.select_one("[data-checker]") is not None
        assert any(s.endswith("pacer-checker.js") for s in scripts) == widget, path
        code = page.select_one("article pre") is not None
        assert any(s.endswith("code-toolbar.js") for s in scripts) == code, path
        with_widget += widget
    assert with_widget >= 2


def test_materials_helpers_load_only_for_the_features_that_call_them():
    import jinja2
    from builds import ROOT

    template = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides")).get_template(
        "partials/javascripts/base.html"
    )
    env = {"base_url": "..", "url": lambda path: f"../{path}"}
    template.environment.filters["url"] = env["url"]
    plain = {"theme": {"features": ["navigation.footer", "content.code.copy"]}, "extra": {}}
    assert "<script" not in template.render(config=plain, **env)
    for turned_on in (
        {"theme": {"palette": {"scheme": "slate"}}, "extra": {}},
        {"theme": {"features": ["content.tabs.link"]}, "extra": {}},
        {"theme": {"features": ["announce.dismiss"]}, "extra": {}},
        {"theme": {}, "extra": {"version": {"provider": "mike"}}},
        {"theme": {}, "extra": {"consent": {"title": "Cookies"}}},
        {"theme": {}, "extra": {}, "repo_url": "https://github.com/example/site"},
    ):
        rendered = template.render(config=turned_on, **env)
        assert 'src="../assets/pacer-material.js" data-scope=".."' in rendered, turned_on
