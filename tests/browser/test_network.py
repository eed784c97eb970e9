"""Every built page loads with zero requests to hosts other than 127.0.0.1 (no CDN, no web fonts,
no analytics): hard rule 3. Requests are recorded with page.on("request"); any request to another
host is aborted by a route and, failing that, would go to a dead loopback proxy, so a test never
sends anything off the machine.

Coverage: a static scan of every page (court pages included) and every stylesheet for URLs the
browser would load from another host; real Chromium loads of every page that is not a court page
plus one court page per element skeleton (the 188 court pages share one template and its scripts,
so what they load differs only where their markup does, which the static scan reads in full).
"""

from __future__ import annotations

from browser_gates import GUARD_PROXY, findings_by_page, foreign_requests
from builds import append_to_article, serve
from site_gates import court_sample, foreign_loads, html_files, is_court_page

FOREIGN = "203.0.113.9"  # TEST-NET-3 (RFC 5737): documentation only, never routed


def _requests_by_page(browser, base_url: str, paths: list[str]) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, proxy=GUARD_PROXY)
    return findings_by_page(context, base_url, paths, foreign_requests)


def test_no_page_loads_anything_from_another_host(browser, site_url, built_site):
    static = foreign_loads(built_site)
    assert not static, "pages or stylesheets refer to other hosts:\n" + "\n".join(static)
    courts, _ = court_sample(built_site)
    paths = [path for path, _ in html_files(built_site) if not is_court_page(path)] + courts
    found = _requests_by_page(browser, site_url, paths)
    assert not found, "requests to other hosts:\n" + "\n".join(
        f"{path}: {url}" for path, urls in found.items() for url in urls
    )


def test_gate_reports_a_request_to_another_host(browser, site_copy):
    copy = site_copy
    append_to_article(
        copy / "index.html",
        f'<img src="http://{FOREIGN}/x.png" alt="">'
        f"<script>fetch('http://{FOREIGN}/beacon').catch(() => null)</script>",
    )
    with serve(copy) as url:
        found = _requests_by_page(browser, url, ["/", "/404.html"])
    assert set(found) == {"/"}, found
    assert f"http://{FOREIGN}/x.png" in found["/"]
    assert f"http://{FOREIGN}/beacon" in found["/"]
    assert any(FOREIGN in problem for problem in foreign_loads(copy, only={"/"}))
