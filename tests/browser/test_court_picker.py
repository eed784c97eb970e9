"""The court picker (courts/): a plain list without script; with script, an accessible filter."""

from __future__ import annotations


def test_filter_narrows_the_list_and_announces_the_count(page, site_url):
    page.goto(f"{site_url}/courts/")
    box = page.get_by_label("Filter courts by name, state or court id")
    assert box.is_visible()
    items = page.locator(".court-state li")
    assert items.count() == 188

    box.fill("minnesota")
    visible = page.locator(".court-state li:visible")
    assert visible.count() == 2
    states = [
        t.rstrip("¶").strip() for t in page.locator(".court-state:visible h2").all_inner_texts()
    ]
    assert states == ["Minnesota"]
    page.wait_for_function(
        "document.getElementById('court-filter-status').textContent === '2 courts match.'"
    )

    box.fill("mieb")
    # The court's link (each item also has its "Add to checklist" box).
    assert [t.strip() for t in visible.locator("a[data-court]").all_inner_texts()] == [
        "United States Bankruptcy Court for the Eastern District of Michigan"
    ]
    visible.first.get_by_role("link").click()
    page.wait_for_url("**/courts/mieb/")

    page.go_back()
    page.get_by_label("Filter courts by name, state or court id").fill("")
    assert page.locator(".court-state li:visible").count() == 188


def test_without_script_the_list_is_complete_and_the_filter_hidden(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/courts/")
        assert page.locator(".court-state li:visible").count() == 188
        assert not page.locator("#court-filter-input").is_visible()
    finally:
        context.close()


def test_a_court_page_prints_as_a_one_court_sheet(page, site_url):
    page.goto(f"{site_url}/courts/mnd/")
    assert page.locator(".court-picker-link").first.is_visible()
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".court-picker-link"):
        assert not page.locator(chrome).first.is_visible(), chrome
    facts = page.locator(".court-facts")
    assert facts.is_visible()
    text = page.locator("article").inner_text()
    assert "ecf.mnd.uscourts.gov" in text and "Criminal" in text and "Adversary" not in text
