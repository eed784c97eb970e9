"""The checklist for several courts (courts/checklist/), in Chromium: chosen on the court picker,
the courts in the address after "#", nothing stored, nothing loaded, printable, axe-clean, and
working under the strict Content-Security-Policy the site is meant to run under."""

from __future__ import annotations

import re
from http.server import SimpleHTTPRequestHandler

from browser_gates import GUARD_PROXY, foreign_requests, format_violations, run_axe
from builds import QuietHandler, serve

from checker.widget import CONTENT_SECURITY_POLICY

# A district court, a bankruptcy court and a district court of another state, in this order.
THREE = ("mnd", "iasb", "nysd")
CHECKLIST = "/courts/checklist/"
SHOWN = "[data-checklist] section[data-court]:visible"
# What the site must work under: the policy the webmasters page and the kit publish.
CSP = CONTENT_SECURITY_POLICY
CHROME = (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search")

_STORAGE = """async () => ({
    local: Object.entries(localStorage), session: Object.entries(sessionStorage),
    cookie: document.cookie,
    idb: indexedDB.databases ? (await indexedDB.databases()).map(d => d.name) : [],
})"""


def shown(page) -> list[str]:
    return [s.get_attribute("data-court") for s in page.locator(SHOWN).all()]


def open_checklist(page, site_url: str, ids=THREE) -> None:
    page.goto(f"{site_url}{CHECKLIST}#{','.join(ids)}", wait_until="load")
    page.wait_for_selector("[data-checklist][data-ready]", state="attached")


def test_it_lists_the_courts_in_the_address_in_order_and_follows_changes(page, site_url):
    open_checklist(page, site_url)
    assert shown(page) == list(THREE)
    types = {s.locator(".checklist-court__meta").inner_text().split(" court")[0]
             for s in page.locator(SHOWN).all()}  # fmt: skip
    assert types == {"District", "Bankruptcy"}
    status = page.locator("[data-checklist-status]")
    assert status.inner_text() == "This checklist has 3 courts."
    mnd = page.locator('section[data-court="mnd"]')
    text = mnd.inner_text()
    assert "ecf.mnd.uscourts.gov" in text and "Civil" in text and "Adversary" not in text
    assert "Document Filing System" in text  # the court's own way in, from its facts
    assert "Note the court's help contact." in text
    assert "Bankruptcy" in page.locator('section[data-court="iasb"]').inner_text()
    assert mnd.locator("input[type=checkbox]").count() >= 6

    page.evaluate("location.hash = '#mieb,nosuch'")
    page.wait_for_function("document.querySelectorAll('[data-checklist] section:not([hidden])')"
                           ".length === 1")  # fmt: skip
    assert shown(page) == ["mieb"]
    assert "No court has the id nosuch." in status.inner_text()
    page.go_back()  # the previous address: the three courts again
    page.wait_for_function("document.querySelectorAll('[data-checklist] section:not([hidden])')"
                           ".length === 3")  # fmt: skip
    assert shown(page) == list(THREE)
    page.evaluate("location.hash = ''")
    page.wait_for_function("document.querySelector('[data-checklist-status]').textContent"
                           ".startsWith('No courts chosen')")  # fmt: skip
    assert shown(page) == []


def test_courts_chosen_on_the_picker_open_the_checklist(page, site_url):
    page.goto(f"{site_url}/courts/", wait_until="load")
    page.wait_for_selector("[data-court-choose][data-ready]", state="attached")
    for court_id in ("mnd", "iasb"):
        page.locator(f'input[type=checkbox][value="{court_id}"]').check()
    link = page.get_by_role("link", name=re.compile("Open the checklist"))
    assert link.get_attribute("href") == "checklist/#mnd,iasb"
    assert link.inner_text() == "Open the checklist (2 courts)"
    page.wait_for_function(
        "document.getElementById('court-choose-status').textContent === '2 courts chosen.'"
    )
    page.get_by_label(re.compile("Add to checklist for United States District Court for the "
                                 "District of Minnesota")).uncheck()  # fmt: skip
    assert link.get_attribute("href") == "checklist/#iasb"
    page.locator('input[type=checkbox][value="mnd"]').check()
    link.click()
    page.wait_for_url(f"**{CHECKLIST}#iasb,mnd")
    page.wait_for_selector("[data-checklist][data-ready]", state="attached")
    assert shown(page) == ["iasb", "mnd"]


def test_it_stores_nothing(page, site_url):
    page.goto(f"{site_url}/", wait_until="load")
    before = page.evaluate(_STORAGE)
    cookies = page.context.cookies()
    open_checklist(page, site_url)
    page.locator('section[data-court="mnd"] input[type=checkbox]').first.check()
    page.evaluate("location.hash = '#iasb'")
    page.wait_for_function("document.querySelectorAll('[data-checklist] section:not([hidden])')"
                           ".length === 1")  # fmt: skip
    page.goto(f"{site_url}/courts/", wait_until="load")
    page.wait_for_selector("[data-court-choose][data-ready]", state="attached")
    page.locator('input[type=checkbox][value="mnd"]').check()
    after = page.evaluate(_STORAGE)
    assert after == before, (before, after)
    assert page.context.cookies() == cookies == []
    assert not re.search(r"mnd|iasb|nysd", repr(after) + repr(page.context.storage_state()))


def test_it_loads_nothing_but_the_sites_own_files(browser, site_url):
    context = browser.new_context(proxy=GUARD_PROXY)
    page = context.new_page()
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    try:
        assert foreign_requests(page, f"{site_url}{CHECKLIST}#{','.join(THREE)}") == []
        page.evaluate("location.hash = '#mieb'")
        page.wait_for_timeout(200)
    finally:
        context.close()
    assert seen and all(url.startswith(site_url) for url in seen), seen
    assert not [url for url in seen if "checklist" in url and url.endswith(".json")]


def test_it_prints_the_chosen_courts_without_the_sites_chrome(page, site_url):
    open_checklist(page, site_url)
    assert page.locator(".md-header").first.is_visible()
    page.emulate_media(media="print")
    for chrome in (*CHROME, "[data-checklist-print]", "[data-checklist-status]"):
        assert not page.locator(chrome).first.is_visible(), chrome
    assert page.locator("article h1").is_visible()
    assert shown(page) == list(THREE)
    boxes = page.locator(f"{SHOWN} input[type=checkbox]")
    assert boxes.count() >= 18 and boxes.first.is_visible()
    pdf = page.pdf(format="Letter")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_it_is_axe_clean_with_three_courts_and_on_the_picker_with_choices(page, site_url):
    open_checklist(page, site_url)
    findings = {"checklist": run_axe(page)}
    page.set_viewport_size({"width": 320, "height": 800})
    findings["checklist @320px"] = run_axe(page)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{site_url}/courts/", wait_until="load")
    page.wait_for_selector("[data-court-choose][data-ready]", state="attached")
    page.locator('input[type=checkbox][value="mnd"]').check()
    page.wait_for_timeout(500)  # the status line is announced after a pause
    findings["picker, one court chosen"] = run_axe(page)
    findings = {where: found for where, found in findings.items() if found}
    assert not findings, format_violations(findings)


def test_without_script_it_says_how_to_use_the_court_pages(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}{CHECKLIST}#{','.join(THREE)}")
        fallback = page.locator("[data-checklist-fallback]")
        assert fallback.is_visible()
        assert "use the court pages" in fallback.inner_text()
        assert fallback.get_by_role("link", name="Find your court").is_visible()
        assert page.locator("section[data-court]:visible").count() == 0
        page.goto(f"{site_url}/courts/")
        assert not page.locator("[data-court-choose]").is_visible()
        assert page.locator(".court-state input[type=checkbox]").count() == 0
    finally:
        context.close()


class CSPHandler(QuietHandler):
    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", CSP)
        SimpleHTTPRequestHandler.end_headers(self)


def test_it_works_under_a_strict_content_security_policy(browser, built_site):
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation', e => window.__violations.push("
        "[e.violatedDirective, e.blockedURI, e.sourceFile, e.lineNumber].join(' ')));"
    )
    try:
        with serve(built_site, CSPHandler) as url:
            response = page.goto(f"{url}{CHECKLIST}#{','.join(THREE)}", wait_until="load")
            assert response.headers["content-security-policy"] == CSP
            page.wait_for_selector("[data-checklist][data-ready]", state="attached")
            assert shown(page) == list(THREE)
            page.goto(f"{url}/courts/", wait_until="load")
            page.wait_for_selector("[data-court-choose][data-ready]", state="attached")
            page.locator('input[type=checkbox][value="mnd"]').check()
            assert page.get_by_role("link", name=re.compile("Open the checklist")).get_attribute(
                "href"
            ) == "checklist/#mnd"
            violations = page.evaluate("window.__violations")
    finally:
        context.close()
    # The theme's own inline scripts are another engineer's work; ours must cause none.
    ours = [v for v in violations if "court-checklist" in v or "court-filter" in v]
    assert ours == [], ours
