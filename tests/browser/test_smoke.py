def test_chromium_renders_the_start_page(page, site_url, browser):
    print(f"Chromium {browser.version}")  # a Debian/Playwright version skew shows in the log
    page.goto(f"{site_url}/")
    assert page.title().endswith("PACER Help")
