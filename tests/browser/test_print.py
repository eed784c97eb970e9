"""Print: a guide prints as its steps, without the site's chrome or the checker's inputs, and a
printed link shows where it goes (the print rules in checker/site/assets/site.css)."""

from __future__ import annotations

CHROME = (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search", ".pacer-checker")


def test_a_guide_prints_its_steps_without_chrome_or_checker(page, site_url):
    page.goto(f"{site_url}/rules/")
    page.wait_for_selector('[data-checker] input[data-field="password"]')
    for part in (".md-header", ".pacer-checker"):
        assert page.locator(part).first.is_visible(), part
    page.emulate_media(media="print")
    for part in CHROME:
        assert not page.locator(part).first.is_visible(), part
    assert page.locator("article h1").is_visible()
    after = page.evaluate(
        """() => {
            const link = document.querySelector('article a[href^="http"]');
            return [link.href, getComputedStyle(link, '::after').content];
        }"""
    )
    href, content = after
    assert href in content and content.startswith('" ('), after
