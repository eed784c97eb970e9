"""``python -m checker verify URL``: the crawl of a live court site (tests/support/live_site.py).

The site has robots.txt (with a group for our User-Agent), a sitemap index, a page found only in
the sitemap, a redirect, a redirect loop, a 404, a page that never answers, a 503 that asks to
retry, links to another host, a calendar of endless links, a PDF with a stale rule on page 2, a
text file, an image and links the crawler must not follow.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from live_site import STALE, Site, court_site, html, other_site, two_page_pdf

from checker.verify import robots
from checker.verify.crawl import (
    MAX_QUERY_VARIANTS,
    MAX_REDIRECTS,
    normal_url,
    retry_wait,
    sitemap_entries,
    user_agent,
)
from checker.verify.settings import Settings

# Requests from the crawl go straight to 127.0.0.1, whatever proxy the machine has.
ENV = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
FAST = ["--delay", "0", "--timeout", "1"]


def verify(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "checker", "verify", *args],
        capture_output=True, text=True, timeout=timeout, env=ENV,
    )  # fmt: skip


@pytest.fixture(scope="module")
def sites():
    other = other_site()
    court = court_site(other)
    yield court, other
    court.stop()
    other.stop()


@pytest.fixture(scope="module")
def crawled(sites):
    """One crawl of the court site, in JSON; the site's request log after it."""
    court, other = sites
    result = verify(f"{court.url}/", *FAST, "--format", "json")
    return result, json.loads(result.stdout or "{}"), court, other


def test_stale_rules_are_found_where_they_are(crawled):
    result, data, court, _ = crawled
    assert result.returncode == 1, result.stderr
    where = {(m["file"], json.dumps(m["location"])) for m in data["mismatches"]}
    a = court.url
    assert (f"{a}/rules/", '{"line": 1}') in where  # linked
    assert (f"{a}/orphan/", '{"line": 1}') in where  # only in the sitemap
    assert (f"{a}/new-home/", '{"line": 1}') in where  # a redirect's target
    assert (f"{a}/guide.pdf", '{"page": 2}') in where  # page 2 of a linked PDF
    assert (f"{a}/busy", '{"line": 1}') in where  # after a 503 and its Retry-After
    assert (f"{a}/notes.txt", '{"line": 3}') in where  # plain text
    assert {m["rule_id"] for m in data["mismatches"]} == {"password.length"}


def test_robots_txt_and_other_hosts_are_respected(crawled):
    _, data, court, other = crawled
    paths = court.paths()
    assert paths[0] == "/robots.txt"
    assert not [p for p in paths if p.startswith("/private/") or p.endswith(".doc")]
    assert other.hits == []
    assert any("robots.txt disallows" in note for note in data["notes"])
    assert any("other hosts" in note for note in data["notes"])


def test_links_it_must_not_follow_are_not_followed(crawled):
    _, _, court, _ = crawled
    paths = court.paths()
    assert paths.count("/rules/") == 1  # "/rules/#new" is the same page
    assert paths.count("/") == 1  # linked from the sitemap too
    assert not [p for p in paths if ":" in p or "#" in p]  # mailto:, tel:, javascript:


def test_it_gets_past_the_loop_the_404_the_silent_page_and_the_trap(crawled):
    _, data, court, _ = crawled
    errors = {e["url"]: e["reason"] for e in data["errors"]}
    a = court.url
    assert errors[f"{a}/missing"] == "404 Not Found"
    assert errors[f"{a}/slow"] == "no answer within 1 s (--timeout)"
    assert errors[f"{a}/drop"] == "the server closed the connection without answering"
    assert errors[f"{a}/loop-a"].startswith(f"redirect loop: {a}/loop-a -> {a}/loop-b -> ")
    assert court.paths().count("/loop-a") == 1
    calendar = [p for p in court.paths() if p.startswith("/calendar")]
    assert len(calendar) == MAX_QUERY_VARIANTS
    assert any(f"{a}/calendar: " in limit and "query strings" in limit for limit in data["limits"])
    assert any("image/png (1)" in note for note in data["notes"])
    assert f"{a}/logo.png" not in data["files"]


def test_it_retries_a_503_after_the_time_retry_after_asks(crawled):
    _, _, court, _ = crawled
    busy = [hit.at for hit in court.hits if hit.path == "/busy"]
    assert len(busy) == 2 and busy[1] - busy[0] >= 0.95


def test_it_sends_its_own_user_agent(crawled):
    _, _, court, _ = crawled
    agents = {hit.agent for hit in court.hits}
    assert len(agents) == 1
    (agent,) = agents
    assert re.fullmatch(r"pacer-help-checker/[\w.]+ \(\+https://\S+/webmasters/\S*\)", agent)


def test_text_and_github_formats_name_the_urls(sites):
    court, _ = sites
    text = verify(f"{court.url}/rules/", *FAST)
    assert text.returncode == 1
    lines = text.stdout.splitlines()
    assert lines[0].startswith(f"{court.url}/rules/:1: {STALE}: says password 8-45 characters")
    errors = lines.index(next(line for line in lines if line.startswith("Pages that could not")))
    assert lines[errors - 1] == "" and f"{court.url}/missing: 404 Not Found" in lines[errors:]
    assert re.search(r"mismatch\(es\) in \d+ pages; \d+ page\(s\) could not be read", text.stderr)
    github = verify(f"{court.url}/", *FAST, "--format", "github").stdout.splitlines()
    assert (
        f"::error title=PACER rule password.length (page 2)::{court.url}/guide.pdf:page 2: "
        f"{STALE} (says password 8-45 characters; pacer-2025 says password 14-45 characters)"
    ) in github
    assert f"::warning title=page not read::{court.url}/missing: 404 Not Found" in github
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in github)


def test_fetch_errors_alone_do_not_fail_the_run():
    site = Site().start()
    try:
        site.routes["/"] = html('<p>Nothing to see.</p><a href="/missing">x</a>')
        result = verify(f"{site.url}/", *FAST)
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.stdout.splitlines()[:2] == [
            "Pages that could not be read (1):", f"{site.url}/missing: 404 Not Found"
        ]  # fmt: skip
        assert result.stderr == "1 page agrees with pacer-2025; 1 page(s) could not be read\n"
    finally:
        site.stop()


def test_max_pages_stops_the_crawl_and_the_report_says_so(sites):
    court, _ = sites
    result = verify(f"{court.url}/", *FAST, "--max-pages", "3", "--format", "json")
    data = json.loads(result.stdout)
    assert len(data["files"]) + len(data["errors"]) <= 3
    assert data["limits"] and data["limits"][0].startswith("Stopped at --max-pages 3: ")
    assert "stopped at a limit" in result.stderr


def test_an_unreachable_start_address_is_one_line_and_exit_2():
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    result = verify(f"http://127.0.0.1:{port}/", *FAST)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"checker: error: no start address could be read: http://127.0.0.1:{port}/: "
        "connection refused\n"
    )


def test_a_start_address_robots_txt_forbids_is_exit_2(sites):
    court, _ = sites
    result = verify(f"{court.url}/private/secret", *FAST)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.endswith("/private/secret: robots.txt does not allow it\n")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    "args, message",
    [
        (["http://127.0.0.1:1/", "docs/"], "give either files and folders or URLs, not both"),
        (["docs/", "--max-pages", "5"], "--max-pages: for URLs only"),
        (["http://127.0.0.1:1/", "--timeout", "0"], "--timeout must be more than 0"),
        (["http://127.0.0.1:1/", "--max-pages", "many"], "invalid int value"),
    ],
)
def test_usage_errors_are_one_line(args, message):
    result = verify(*args)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert message in result.stderr and "Traceback" not in result.stderr


def test_crawl_delay_in_robots_txt_spaces_the_requests():
    site = Site().start()
    try:
        site.routes["/robots.txt"] = (200, {}, b"User-agent: *\nCrawl-delay: 0.3\n")
        site.routes["/"] = html("".join(f'<a href="/p{n}">{n}</a>' for n in range(3)))
        for n in range(3):
            site.routes[f"/p{n}"] = html("<p>Hello.</p>")
        result = verify(f"{site.url}/", "--delay", "0", "--format", "json")
        assert result.returncode == 0, result.stderr
        times = [hit.at for hit in site.hits]
        assert len(times) == 6  # robots.txt, /sitemap.xml, /, three pages
        assert min(b - a for a, b in zip(times, times[1:], strict=False)) >= 0.29
        assert "asks for 0.3 s between requests" in " ".join(json.loads(result.stdout)["notes"])
    finally:
        site.stop()


def test_progress_shows_on_a_terminal_only():
    import pexpect

    site = Site().start()
    try:
        site.routes["/"] = html("<p>Hello.</p>")
        child = pexpect.spawn(
            sys.executable, ["-m", "checker", "verify", f"{site.url}/", *FAST],
            encoding="utf-8", timeout=60, env=ENV,
        )  # fmt: skip
        output = child.read()
        child.close()
        assert child.exitstatus == 0
        progress = r"\r\x1b\[Kchecker: \d+ pages read, \d+ queued, \d+ could not be read"
        assert re.search(progress, output)
        assert output.endswith("\r\x1b[K1 page agrees with pacer-2025\r\n")
        piped = verify(f"{site.url}/", *FAST)
        assert piped.stderr == "1 page agrees with pacer-2025\n"
    finally:
        site.stop()


def test_the_defaults_are_polite():
    settings = Settings()
    assert settings.delay >= 1 and settings.concurrency == 1
    assert settings.timeout <= 15 and settings.max_pages == 1000
    assert 0 < settings.max_bytes <= 20_000_000


# Pieces -------------------------------------------------------------------------------------

AGENT = "pacer-help-checker/0.1.0 (+https://example.org/)"


@pytest.mark.parametrize(
    "text, path, allowed",
    [
        ("User-agent: *\nAllow: /\nDisallow: /private/\n", "/private/x", False),  # longest wins
        ("User-agent: *\nDisallow: /private/\nAllow: /private/open\n", "/private/open/a", True),
        ("User-agent: *\nDisallow: /*.pdf$\n", "/a/guide.pdf", False),
        ("User-agent: *\nDisallow: /*.pdf$\n", "/a/guide.pdf?x=1", True),
        ("User-agent: *\nDisallow: /search\n", "/search?q=1", False),
        ("User-agent: *\nDisallow: /\n\nUser-agent: Pacer-Help-Checker\nDisallow:\n", "/x", True),
        ("User-agent: googlebot\nDisallow: /\n", "/x", True),  # no group for us or for *
        ("User-agent: *\nDisallow: /a%7Eb\n", "/a~b", False),
        ("User-agent: *\nAllow: /p\nDisallow: /p\n", "/p", True),  # a tie: Allow wins
        ("User-agent: *\nDisallow: /\n", "/robots.txt", True),
    ],
)
def test_robots_txt_as_rfc_9309_reads_it(text, path, allowed):
    assert robots.parse(text, AGENT).allows(path) is allowed


def test_robots_txt_crawl_delay_and_sitemaps():
    parsed = robots.parse(
        "Sitemap: https://a/s.xml\nUser-agent: pacer-help-checker\nUser-agent: other\n"
        "Crawl-delay: 5 # seconds\nDisallow: /x\n\nUser-agent: *\nCrawl-delay: 1\n",
        AGENT,
    )
    assert parsed.crawl_delay == 5 and parsed.sitemaps == ["https://a/s.xml"]
    assert not parsed.allows("/x/y")


@pytest.mark.parametrize(
    "given, normal",
    [
        ("HTTP://Court.Example:80/a#frag", "http://court.example/a"),
        ("https://court.example", "https://court.example/"),
        ("https://court.example:8443/a b?x=1 2", "https://court.example:8443/a%20b?x=1%202"),
        ("mailto:clerk@example.org", None),
        ("ftp://court.example/file", None),
        ("https://court.example:99999/", None),
    ],
)
def test_addresses_are_compared_without_fragments_and_default_ports(given, normal):
    assert normal_url(given) == normal


def test_retry_after_as_seconds_a_date_or_missing():
    assert retry_wait("7", 0, 1.0) == 7
    assert 0 <= retry_wait("Wed, 21 Oct 2015 07:28:00 GMT", 0, 1.0) < 1  # in the past
    assert retry_wait(None, 0, 1.0) == 1 and retry_wait(None, 2, 1.0) == 4


def test_sitemaps_gzip_and_index():
    import gzip

    body = b"<sitemapindex><sitemap><loc> https://a/s1.xml </loc></sitemap></sitemapindex>"
    assert sitemap_entries(gzip.compress(body), Settings()) == (True, ["https://a/s1.xml"])
    urlset = b"<urlset><url><loc>https://a/?a=1&amp;b=2</loc></url></urlset>"
    assert sitemap_entries(urlset, Settings()) == (False, ["https://a/?a=1&b=2"])


def test_the_hand_written_pdf_reads_as_two_pages():
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(two_page_pdf(["one"], ["two", STALE])))
    assert len(reader.pages) == 2
    assert STALE in reader.pages[1].extract_text()


# The webmasters page ----------------------------------------------------------------------------

WEBMASTERS = Path(__file__).resolve().parents[2] / "docs" / "webmasters.md"
EXAMPLE_SITE = "https://www.example.uscourts.gov"


def test_the_webmasters_page_shows_a_live_check_as_it_prints():
    page = WEBMASTERS.read_text(encoding="utf-8")
    site = Site().start()
    try:
        site.routes["/"] = html('<a href="/upgrade/">Upgrade</a> <a href="/old-forms/">Forms</a>')
        site.routes["/upgrade/"] = (
            200, {"Content-Type": "text/html"},
            b"<html><body><h1>Upgrade</h1>\n<p>Minimum 8-character password.</p></body></html>",
        )  # fmt: skip
        result = verify(f"{site.url}/", *FAST)
    finally:
        site.stop()
    assert result.returncode == 1, result.stderr
    shown = result.stdout.replace(site.url, EXAMPLE_SITE).strip()
    assert f"```text\n{shown}\n```" in page


def test_the_webmasters_page_gives_the_real_user_agent_and_defaults():
    page = WEBMASTERS.read_text(encoding="utf-8")
    assert f"```text\n{user_agent()}\n```" in page
    assert user_agent().split("(+")[1].rstrip(")").endswith("/webmasters/#check-a-live-site")
    assert "\n### Check a live site\n" in page  # the anchor the User-Agent points to
    defaults = Settings()
    for option, value in [
        ("--max-pages N", f"{defaults.max_pages:,}"),
        ("--max-bytes N", f"{defaults.max_bytes:,}"),
        ("--timeout N", f"{defaults.timeout:g}"),
        ("--delay N", f"{defaults.delay:g}"),
        ("--concurrency N", f"{defaults.concurrency}"),
    ]:
        assert f"| `{option}` | {value} |" in page, option
    assert f"at most {MAX_QUERY_VARIANTS} addresses that differ only after the `?`" in page
    assert f"at most {MAX_REDIRECTS} redirects" in page
