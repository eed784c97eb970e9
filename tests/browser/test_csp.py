"""The site under a court's Content-Security-Policy: every page type logs 0 violations in real
Chromium with the header sent (CONTENT_SECURITY_POLICY in checker/widget.py, the policy the
webmasters page gives), and the password checker still works there.

Coverage: every page that is not a court page, plus one court page per element skeleton (the 188
court pages share one template and its scripts). A mutation test proves the gate sees an inline
script.
"""

from __future__ import annotations

from browser_gates import (
    PASSING_FIELDS,
    csp_violations,
    fill_widget,
    findings_by_page,
    record_csp_violations,
    wait_for_verdict,
)
from builds import append_to_article, header_handler, serve
from site_gates import court_sample, html_files, is_court_page

from checker.widget import CONTENT_SECURITY_POLICY

POLICY = {"Content-Security-Policy": CONTENT_SECURITY_POLICY}


def _violations_by_page(browser, base_url: str, paths: list[str], search: str = "") -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    logged = record_csp_violations(context)
    watched = set()

    def violations(page, url: str) -> list[str]:
        if page not in watched:
            watched.add(page)
            # A file moved out of the page must still load: Material's icons, once data: URLs.
            page.on("response", lambda r: r.status >= 400 and logged.append(f"{r.status} {r.url}"))
            # Material's helpers load only for features that call them: a page that calls one
            # throws.
            page.on("pageerror", lambda error: logged.append(f"script error: {error}"))
        logged.clear()
        page.goto(url, wait_until="load")
        if search:  # the search box starts Material's search worker
            page.locator(".md-search__input").click()
            page.keyboard.type(search)
            page.wait_for_selector(".md-search-result__item", timeout=10_000)
        page.wait_for_timeout(200)
        return csp_violations(page, logged)

    return findings_by_page(context, base_url, paths, violations)


def test_every_page_type_logs_no_violation_under_the_policy(browser, built_site):
    courts, _ = court_sample(built_site)
    paths = [path for path, _ in html_files(built_site) if not is_court_page(path)] + courts
    assert "/" in paths and "/courts/" in paths and courts, paths
    with serve(built_site, header_handler(POLICY)) as url:
        found = _violations_by_page(browser, url, paths)
        found |= _violations_by_page(browser, url, ["/"], search="password")
    assert not found, "CSP violations:\n" + "\n".join(
        f"{path}: {violation}" for path, violations in found.items() for violation in violations
    )


def test_material_icons_come_from_one_sprite_under_the_policy(browser, built_site):
    with serve(built_site, header_handler(POLICY)) as url:
        context = browser.new_context()
        page = context.new_page()
        loaded = []
        page.on("response", lambda r: "icons.svg" in r.url and loaded.append(r.status))
        try:
            page.goto(f"{url}/upgrade/", wait_until="load")
            mask = page.evaluate(
                """() => getComputedStyle(document.querySelector('.warning > .admonition-title'),
                                          '::before').maskImage"""
            )
        finally:
            context.close()
    assert "icons.svg#md-admonition-icon--warning" in mask, mask
    assert loaded == [200], loaded


def test_the_checker_works_under_the_policy(browser, built_site):
    with serve(built_site, header_handler(POLICY)) as url:
        context = browser.new_context()
        logged = record_csp_violations(context)
        page = context.new_page()
        try:
            page.goto(f"{url}/rules/")
            fill_widget(page, PASSING_FIELDS)
            wait_for_verdict(page, "pass")
            assert csp_violations(page, logged) == []
        finally:
            context.close()


def test_gate_reports_an_inline_script(browser, site_copy):
    copy = site_copy
    append_to_article(copy / "index.html", "<script>document.title += '!'</script>")
    with serve(copy, header_handler(POLICY)) as url:
        found = _violations_by_page(browser, url, ["/", "/404.html"])
    assert set(found) == {"/"}, found
    assert any("script-src" in violation for violation in found["/"]), found
