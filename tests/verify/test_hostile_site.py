"""``checker verify URL`` against hostile sites (issue 26): nothing a server sends can hang the
crawl, crash it, or slip past robots.txt; and the crawl's own limits (issue 23): depth, and pages
per path shape, each named in the report when it stops the crawl.

Every site is a local server on 127.0.0.1 (tests/live_site.py). A test that guards against a hang
runs the crawl in a subprocess with a generous ``timeout``: the crawl is expected to end long
before it (a deadline of a few seconds); the timeout only turns a hang into a failure.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys

import pytest
from live_site import STALE, Raw, Site, drip, html, two_page_pdf

ENV = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
FAST = ["--delay", "0", "--timeout", "0.5"]
HANG_GUARD = 90  # seconds; every crawl here ends within a few


def verify(*args: str, patch: str = "") -> subprocess.CompletedProcess:
    """``python -m checker verify ARGS``; ``patch`` is Python run first (a smaller limit)."""
    script = f"import sys\n{patch}\nfrom checker.cli import main\nsys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", script, "verify", *args],
        capture_output=True, text=True, timeout=HANG_GUARD, env=ENV,
    )  # fmt: skip


def crawl_json(*args: str, patch: str = "") -> tuple[subprocess.CompletedProcess, dict]:
    result = verify(*args, *FAST, "--format", "json", patch=patch)
    assert "Traceback" not in result.stderr, result.stderr
    return result, json.loads(result.stdout or "{}")


@pytest.fixture
def site():
    server = Site().start()
    yield server
    server.stop()


def home(site: Site, *paths: str) -> str:
    """A start page linking to ``paths``; its address."""
    site.routes["/"] = html("<p>Welcome.</p>" + "".join(f'<a href="{p}">x</a>' for p in paths))
    return f"{site.url}/"


def errors(data: dict) -> dict[str, str]:
    return {error["url"]: error["reason"] for error in data["errors"]}


# 1. Every wait has a deadline -----------------------------------------------------------------

HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"


def test_headers_dripped_a_byte_at_a_time_meet_the_deadline(site):
    site.routes["/drip"] = drip(HEAD, b"X-Slow: " + b"a" * 2000 + b"\r\n\r\n<p>Hi</p>")
    result, data = crawl_json(home(site, "/drip"))
    assert result.returncode == 0, result.stderr
    assert errors(data)[f"{site.url}/drip"] == "the answer took more than 5 s (10 x --timeout)"


def test_a_chunk_size_line_dripped_a_byte_at_a_time_meets_the_deadline(site):
    head = HEAD + b"Transfer-Encoding: chunked\r\n\r\n5\r\n<p>a \r\n"
    site.routes["/chunks"] = drip(head, b"0" * 2000 + b"5\r\n")
    result, data = crawl_json(home(site, "/chunks"))
    assert result.returncode == 0, result.stderr
    assert errors(data)[f"{site.url}/chunks"] == "the answer took more than 5 s (10 x --timeout)"


def test_a_long_crawl_delay_is_capped_and_the_report_says_so(site):
    site.routes["/robots.txt"] = (200, {}, b"User-agent: *\nCrawl-delay: 3600\n")
    start = home(site, "/a")
    site.routes["/a"] = html(f"<p>{STALE}</p>")
    patch = "import checker.verify.crawl as c; c.MAX_CRAWL_DELAY = 0.2"
    result, data = crawl_json(start, patch=patch)
    assert result.returncode == 1 and data["files"] == [start, f"{site.url}/a"]
    assert (
        f"{site.url}/robots.txt asks for 3600 s between requests; the crawl waited 0.2 s "
        "(--delay 3600 waits as asked)."
    ) in data["notes"]


SLOW_PDF = """
import time, pypdf, checker.verify.readers as r
r.READ_BUDGET = 1.0
def slow(self, *a, **k):
    end = time.monotonic() + 20
    while time.monotonic() < end:
        time.sleep(0.01)
    return "nothing"
pypdf.PageObject.extract_text = slow
"""


def test_a_pdf_over_its_time_budget_is_an_error_and_the_crawl_goes_on(site):
    site.routes["/slow.pdf"] = (200, {"Content-Type": "application/pdf"}, two_page_pdf(["x"]))
    site.routes["/rules/"] = html(f"<p>{STALE}</p>")
    result, data = crawl_json(home(site, "/slow.pdf", "/rules/"), patch=SLOW_PDF)
    assert result.returncode == 1  # the stale page after the PDF was still read
    assert [m["file"] for m in data["mismatches"]] == [f"{site.url}/rules/"]
    assert errors(data)[f"{site.url}/slow.pdf"] == "took more than 1 s to read"


SLOW_HTML = """
import time, checker.verify.readers as r, checker.verify.crawl as c
r.READ_BUDGET = 1.0
original = c.check_html
def slow(html, name, *a, **k):
    if name.endswith("/slow/"):
        end = time.monotonic() + 20
        while time.monotonic() < end:
            time.sleep(0.01)
    return original(html, name, *a, **k)
c.check_html = slow
"""


def test_a_page_over_its_time_budget_is_an_error_and_the_crawl_goes_on(site):
    site.routes["/slow/"] = html(f"<p>{STALE}</p>")
    site.routes["/rules/"] = html(f"<p>{STALE}</p>")
    result, data = crawl_json(home(site, "/slow/", "/rules/"), patch=SLOW_HTML)
    assert result.returncode == 1
    assert [m["file"] for m in data["mismatches"]] == [f"{site.url}/rules/"]
    assert errors(data)[f"{site.url}/slow/"] == "took more than 1 s to read"


# 2. Linear on any input -------------------------------------------------------------------------


def test_a_sitemap_with_runs_of_spaces_is_read_in_linear_time(site):
    # The pattern before issue 26 took 20 s on 4,000 spaces, and grew with their cube.
    spaces = " " * 200_000
    orphan = f"{site.url}/orphan/"
    body = f"<urlset><url><loc>{spaces}x{spaces}</url><url><loc> {orphan} </loc></url></urlset>"
    site.routes["/sitemap.xml"] = (200, {"Content-Type": "application/xml"}, body.encode())
    site.routes["/orphan/"] = html(f"<p>{STALE}</p>")
    result, data = crawl_json(home(site))
    assert result.returncode == 1 and f"{site.url}/orphan/" in data["files"]


def test_robots_txt_wildcards_are_matched_without_backtracking(site):
    rule = "/" + "*a" * 12 + "*b"
    site.routes["/robots.txt"] = (200, {}, f"User-agent: *\nDisallow: {rule}\n".encode())
    long = "/" + "a" * 200
    site.routes[long] = html(f"<p>{STALE}</p>")
    site.routes[long + "b"] = html(f"<p>{STALE}</p>")
    result, data = crawl_json(home(site, long, long + "b"))
    assert result.returncode == 1
    assert f"{site.url}{long}" in data["files"]  # no "b" in it: allowed
    assert long + "b" not in site.paths()  # disallowed


# 3. Nothing the server controls can crash it ----------------------------------------------------


@pytest.mark.parametrize(
    "answer, reason",
    [
        ((200, {"Content-Type": "text/html; charset=idna"}, b"<p>Hi</p>"),
         "charset idna is not a web page encoding"),
        ((200, {"Content-Type": "text/html; charset=undefined"}, b"<p>Hi</p>"),
         "charset undefined is not a web page encoding"),
        ((200, {"Content-Type": "text/html"}, b'<meta charset="idna"><p>Hi</p>'),
         "charset idna is not a web page encoding"),
        ((200, {"Content-Type": "text/html; charset=no-such-thing"}, b"<p>Hi</p>"),
         "charset no-such-thing is not a web page encoding"),
    ],
    ids=["idna header", "undefined header", "idna meta", "unknown"],
)
def test_an_odd_charset_is_an_error_not_a_crash(site, answer, reason):
    site.routes["/odd"] = answer
    result, data = crawl_json(home(site, "/odd"))
    assert result.returncode == 0
    assert errors(data)[f"{site.url}/odd"] == reason


def raw_answer(status: str, headers: str, body: bytes = b"", encoding: str = "latin-1") -> Raw:
    """An answer whose status line and headers are sent in ``encoding`` (http.client reads them
    as Latin-1, so "\u00b2" arrives as "\u00b2", which str.isdigit takes for a digit)."""
    return Raw([f"HTTP/1.1 {status}\r\n{headers}\r\n".encode(encoding) + body])


@pytest.mark.parametrize(
    "header",
    ["Content-Length: \u00b2", "Content-Length: 1\u00b3", "Content-Length: 9" + "0" * 5000],
    ids=["superscript", "digit and superscript", "5000 digits"],
)
def test_a_content_length_that_is_not_an_ascii_number_crashes_nothing(site, header):
    body = f"<p>{STALE}</p>".encode()
    site.routes["/odd"] = raw_answer("200 OK", f"Content-Type: text/html\r\n{header}\r\n", body)
    result, data = crawl_json(home(site, "/odd"))
    assert result.returncode in (0, 1), result.stderr
    assert f"{site.url}/odd" in data["files"] or f"{site.url}/odd" in errors(data)


def test_a_retry_after_that_is_not_an_ascii_number_crashes_nothing(site):
    site.routes["/busy"] = raw_answer("503 Busy", "Retry-After: \u00b2\r\nContent-Length: 0\r\n")
    result, data = crawl_json(home(site, "/busy"))
    assert result.returncode == 0
    assert errors(data)[f"{site.url}/busy"].startswith("503 Busy (after 3 tries")


@pytest.mark.parametrize("delay", ["inf", "nan", "1e999", "-5"])
def test_an_odd_crawl_delay_crashes_nothing(site, delay):
    site.routes["/robots.txt"] = (200, {}, f"User-agent: *\nCrawl-delay: {delay}\n".encode())
    result, data = crawl_json(home(site, "/a"))
    assert result.returncode == 0 and f"{site.url}/" in data["files"]


RAISES = """
import checker.verify.crawl as c
original = c.check_html
def broken(html, name, *a, **k):
    if name.endswith("/broken/"):
        raise RuntimeError("a reader bug")
    return original(html, name, *a, **k)
c.check_html = broken
"""


def test_an_unexpected_error_on_one_page_is_listed_and_the_crawl_goes_on(site):
    site.routes["/broken/"] = html("<p>Hi</p>")
    site.routes["/rules/"] = html(f"<p>{STALE}</p>")
    result, data = crawl_json(home(site, "/broken/", "/rules/"), patch=RAISES)
    assert result.returncode == 1
    assert errors(data)[f"{site.url}/broken/"] == "could not be read (RuntimeError: a reader bug)"
    assert [m["file"] for m in data["mismatches"]] == [f"{site.url}/rules/"]


def test_a_start_page_that_cannot_be_read_is_exit_2_without_a_traceback(site):
    site.routes["/"] = (200, {"Content-Type": "text/html; charset=undefined"}, b"<p>Hi</p>")
    result = verify(f"{site.url}/", *FAST)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr == (
        f"checker: error: no start address could be read: {site.url}/: "
        "charset undefined is not a web page encoding\n"
    )


@pytest.mark.parametrize(
    "option, value, message",
    [
        ("--delay", "nan", "--delay must be a finite number, not nan"),
        ("--delay", "inf", "--delay must be a finite number, not inf"),
        ("--timeout", "inf", "--timeout must be a finite number, not inf"),
        ("--timeout", "1e999", "--timeout must be a finite number, not inf"),
        ("--delay", "-1", "--delay must be at least 0 and at most 86,400, not -1"),
        ("--timeout", "-0.5", "--timeout must be more than 0 and at most 3,600, not -0.5"),
        ("--max-pages", "-5", "--max-pages must be at least 1 and at most 10,000,000, not -5"),
        ("--max-depth", "-1", "--max-depth must be at least 0 and at most 10,000, not -1"),
        ("--max-bytes", "0", "--max-bytes must be at least 1 and at most 1,000,000,000,000, not 0"),
    ],
)
def test_numeric_options_refuse_nan_inf_and_negatives_in_one_line(site, option, value, message):
    result = verify(f"{site.url}/", option, value)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"checker: error: {message}\n"
    assert site.hits == []  # refused before any request


# 4. Robots and the queue ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        b"\xef\xbb\xbfUser-agent: *\nDisallow: /private/\n",
        b"User-agent: *\rDisallow: /private/\r",
        b"User-agent: *\r\nDisallow: /private/\r\n",
        "\ufeffUser-agent: *\nDisallow: /private/\n".encode("utf-16"),
    ],
    ids=["utf-8 BOM", "CR", "CRLF", "utf-16 with BOM"],
)
def test_robots_txt_with_a_bom_or_odd_line_endings_is_obeyed(site, body):
    site.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, body)
    site.routes["/private/x"] = html(f"<p>{STALE}</p>")
    result, data = crawl_json(home(site, "/private/x"))
    assert result.returncode == 0
    assert "/private/x" not in site.paths()


def test_robots_txt_paths_in_other_encodings_match_percent_encoded_links(site):
    # RFC 9309 2.2.2: octets outside US-ASCII compare percent-encoded. A Latin-1 robots.txt's
    # "é" is %E9; a UTF-8 one's is %C3%A9.
    rules = b"User-agent: *\nDisallow: /caf\xe9\nDisallow: /th\xc3\xa9\n"
    site.routes["/robots.txt"] = (200, {}, rules)
    site.routes["/caf%E9"] = html(f"<p>{STALE}</p>")
    site.routes["/th%C3%A9"] = html(f"<p>{STALE}</p>")
    result, data = crawl_json(home(site, "/caf%E9", "/thé"))
    assert result.returncode == 0
    assert not {"/caf%E9", "/th%C3%A9"} & set(site.paths())


def word(number: int) -> str:
    """A name without digits (so no two share a path shape): a, b, ..., z, ba, bb, ..."""
    letters = ""
    while True:
        number, rest = divmod(number, 26)
        letters = chr(97 + rest) + letters
        if not number:
            return letters


def test_the_queue_is_bounded_by_the_page_limit_and_the_report_says_where(site):
    from checker.verify.crawl import QUEUE_FACTOR

    entries = "".join(f"<url><loc>{site.url}/{word(n)}</loc></url>" for n in range(5000))
    site.routes["/"] = html("<p>Hi</p>")
    site.routes["/sitemap.xml"] = (200, {}, f"<urlset>{entries}</urlset>".encode())
    result, data = crawl_json(f"{site.url}/", "--max-pages", "5")
    bound = QUEUE_FACTOR * 5
    assert f"The queue was cut at {bound:,} addresses ({QUEUE_FACTOR} x --max-pages)" in " ".join(
        data["limits"]
    )
    assert len(data["files"]) + len(data["errors"]) <= 5


# 6. Output --------------------------------------------------------------------------------------


def test_links_with_non_ascii_characters_are_percent_encoded(site):
    site.routes["/caf%C3%A9/r%C3%A8gles?q=%C3%A9"] = html(f"<p>{STALE}</p>")
    result, data = crawl_json(home(site, "/café/règles?q=é"))
    assert result.returncode == 1, data
    assert data["mismatches"][0]["file"] == f"{site.url}/caf%C3%A9/r%C3%A8gles?q=%C3%A9"


def test_a_redirect_to_a_non_ascii_location_is_followed(site):
    site.routes["/old"] = raw_answer(
        "301 Moved", "Location: /n\u00e9w\r\nContent-Length: 0\r\n", encoding="utf-8"
    )  # fmt: skip
    site.routes["/n%C3%A9w"] = html(f"<p>{STALE}</p>")
    result, data = crawl_json(home(site, "/old"))
    assert result.returncode == 1 and f"{site.url}/n%C3%A9w" in data["files"]


def test_control_characters_from_a_page_are_escaped_in_the_text_report(site):
    site.routes["/rules/"] = html(f"<p>\x1b]0;owned\x07\x1b[2J {STALE}</p>")
    result = verify(home(site, "/rules/"), *FAST)
    assert result.returncode == 1
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\\x1b]0;owned\\x07\\x1b[2J" in result.stdout


def test_a_404_reason_phrase_cannot_reach_the_terminal_raw(site):
    site.routes["/bad"] = raw_answer("404 \x1b[2JGone", "Content-Length: 0\r\n")
    result = verify(home(site, "/bad"), *FAST)
    assert result.returncode == 0 and "\x1b" not in result.stdout + result.stderr
    assert f"{site.url}/bad: 404 \\x1b[2JGone" in result.stdout


def test_a_gzip_encoded_page_is_decoded(site):
    body = gzip.compress(html(f"<p>{STALE}</p>")[2])
    site.routes["/zipped"] = (
        200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, body
    )  # fmt: skip
    result, data = crawl_json(home(site, "/zipped"))
    assert result.returncode == 1 and data["mismatches"][0]["file"] == f"{site.url}/zipped"


def test_a_page_in_an_unknown_content_encoding_is_an_error_not_an_agreement(site):
    site.routes["/br"] = (200, {"Content-Type": "text/html", "Content-Encoding": "br"}, b"\x8b\x02")
    result, data = crawl_json(home(site, "/br"))
    assert result.returncode == 0
    assert errors(data)[f"{site.url}/br"] == "Content-Encoding br is not one the checker reads"


def test_a_utf_16_page_with_a_bom_and_no_charset_is_read(site):
    body = ("\ufeff" + f"<html><body><p>{STALE}</p></body></html>").encode("utf-16-le")
    site.routes["/wide"] = (200, {"Content-Type": "text/html"}, body)
    result, data = crawl_json(home(site, "/wide"))
    assert result.returncode == 1 and data["mismatches"][0]["file"] == f"{site.url}/wide"


# Issue 23: the crawl's own limits ---------------------------------------------------------------


def test_a_path_built_calendar_stops_at_its_path_shape_limit(site):
    from checker.verify.crawl import MAX_SHAPE_PAGES

    for month in range(1, 300):
        site.routes[f"/calendar/{month}"] = html(
            f'<a href="/calendar/{month + 1}">Next</a><a href="/calendar/{month - 1}">Back</a>'
        )
    site.routes["/rules/"] = html(f"<p>{STALE}</p>")
    # Depth would stop it too (at 10 links): the shape's limit stops it whatever the depth.
    result, data = crawl_json(home(site, "/calendar/1", "/rules/"), "--max-depth", "1000")
    calendar = [p for p in site.paths() if p.startswith("/calendar/")]
    assert len(calendar) == MAX_SHAPE_PAGES
    assert f"{site.url}/rules/" in data["files"]
    assert any(
        f"{site.url}/calendar/#: " in limit and f"at most {MAX_SHAPE_PAGES} per path shape" in limit
        for limit in data["limits"]
    ), data["limits"]


def test_max_depth_stops_a_chain_of_links_and_the_report_says_so(site):
    path = ""
    for step in "abcdefgh":
        site.routes[f"{path}/{step}"] = html(f'<a href="{path}/{step}/{chr(ord(step) + 1)}">on</a>')
        path += f"/{step}"
    result, data = crawl_json(home(site, "/a"), "--max-depth", "3")
    assert set(site.paths()) >= {"/", "/a", "/a/b", "/a/b/c"}
    assert "/a/b/c/d" not in site.paths()
    stopped = "Stopped at --max-depth 3: 1 more address"
    assert any(limit.startswith(stopped) for limit in data["limits"]), data["limits"]


def test_the_default_depth_fits_a_court_site():
    from checker.verify.settings import Settings

    # A court page is a few links from home (home, section, list, page, attachment); a site map
    # page puts all of it at depth 2. Ten leaves room for menus that nest.
    assert Settings().max_depth == 10
