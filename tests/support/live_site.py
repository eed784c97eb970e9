"""A court site on local servers, for the verifier's crawl (tests/verify/test_verify_live.py).

Each :class:`Site` is an HTTP server on 127.0.0.1 that answers from a table of routes and
records every request it gets (path, User-Agent, time). The PDF guide is written by hand
(:func:`two_page_pdf`): two pages of Helvetica text, the smallest file pypdf reads text from, so
the test needs no browser or PDF library.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from checker import RULESETS

OLD = RULESETS["pacer-2021"].rule("password.length").params
STALE = f"Passwords must be {OLD['min']}-{OLD['max']} characters."
STALE_SHORT = f"Minimum {OLD['min']}-character password."  # as id.uscourts.gov has it

# A route: (status, headers, body), or a function of the request count for that path giving one.
Answer = tuple[int, dict[str, str], bytes]
Route = Answer | Callable[[int], Answer]


def html(body: str, title: str = "Court") -> Answer:
    page = f"<!doctype html><html><head><title>{title}</title></head><body>{body}</body></html>"
    return 200, {"Content-Type": "text/html; charset=utf-8"}, page.encode()


def redirect(to: str, status: int = 301) -> Answer:
    return status, {"Location": to}, b""


@dataclass
class Hit:
    path: str
    agent: str
    at: float


@dataclass
class Site:
    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    hang: threading.Event = field(default_factory=threading.Event)
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def paths(self) -> list[str]:
        return [hit.path for hit in self.hits]

    def start(self) -> Site:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
                site.hits.append(Hit(self.path, self.headers.get("User-Agent", ""), time.time()))
                route = site.routes.get(self.path)
                if route == "hang":
                    site.hang.wait(30)  # a page that never answers, until the test ends
                    return
                if route == "drop":
                    self.close_connection = True  # hangs up without a word
                    return
                if callable(route):
                    route = route(sum(1 for hit in site.hits if hit.path == self.path))
                status, headers, body = route or (404, {"Content-Type": "text/html"}, b"gone")
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.hang.set()
        self.server.shutdown()
        self.server.server_close()


def two_page_pdf(*pages: list[str]) -> bytes:
    """A PDF with one page per list of lines, each line drawn in 12 pt Helvetica."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for lines in pages:
        text = "".join(
            f"BT /F1 12 Tf 72 {720 - 18 * row} Td ({line}) Tj ET\n"
            for row, line in enumerate(lines)
        ).encode("latin-1")
        objects.append(f"<< /Length {len(text)} >>\nstream\n".encode() + text + b"endstream")
        content = len(objects)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content} 0 R "
            "/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> "
            ">> >> >>".encode()
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    start = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{start}\n%%EOF\n".encode()
    return bytes(out)


def court_site(other: Site) -> Site:
    """The court's site; ``other`` is another host it links to (never to be requested)."""
    site = Site().start()
    a, b = site.url, other.url
    pdf = two_page_pdf(
        ["Upgrade your PACER account", "1. Go to the PACER website."],
        ["7. Security tab.", STALE],
    )
    site.routes.update({
        # Our own group allows what the "*" group does not; "Allow: /" comes before the
        # Disallow it must not override (the standard library's parser would let it).
        "/robots.txt": (200, {"Content-Type": "text/plain"}, (
            "User-agent: *\nDisallow: /\n\n"
            "User-agent: pacer-help-checker\nAllow: /\nDisallow: /private/\nDisallow: /*.doc$\n\n"
            f"Sitemap: {a}/sitemap-index.xml\n"
        ).encode()),
        "/sitemap-index.xml": (200, {"Content-Type": "application/xml"}, (
            '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{a}/sitemap-pages.xml</loc></sitemap>"
            f"<sitemap><loc>{b}/sitemap.xml</loc></sitemap></sitemapindex>"
        ).encode()),
        "/sitemap-pages.xml": (200, {"Content-Type": "application/xml"}, (
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{a}/</loc></url><url><loc>{a}/orphan/</loc></url>"
            f"<url><loc>{a}/private/hidden</loc></url><url><loc>{b}/sitemapped</loc></url>"
            "</urlset>"
        ).encode()),
        "/": html(
            '<h1>United States District Court</h1><a href="#main">Skip</a>'
            '<a href="/rules/">Password rules</a> <a href="/rules/#new">Again</a>'
            '<a href="/moved">Old address</a> <a href="/loop-a">Loop</a>'
            '<a href="/missing">Gone</a> <a href="/slow">Slow</a> <a href="/busy">Busy</a>'
            f'<a href="{b}/elsewhere">Another court</a> <a href="/calendar?month=1">Calendar</a>'
            '<a href="/guide.pdf">Guide (PDF)</a> <a href="/notes.txt">Notes</a>'
            '<a href="mailto:clerk@example.org">Mail</a> <a href="tel:+18006766856">Call</a>'
            '<a href="javascript:void(0)">Menu</a> <a href="/private/secret">Staff</a>'
            '<a href="/forms/form.doc">Form</a> <a href="/logo.png">Logo</a>'
            '<a href="/drop">Hangs up</a>'
        ),
        "/rules/": html(f"<h2>Password requirements</h2><p>{STALE}</p>", "Rules"),
        "/orphan/": html(f"<p>Upgrade requirements: {STALE_SHORT}</p>", "Only in the sitemap"),
        "/moved": redirect("/new-home/"),
        "/new-home/": html(f"<p>{STALE}</p>", "Moved here"),
        "/loop-a": redirect("/loop-b", 302),
        "/loop-b": redirect("/loop-a", 302),
        "/slow": "hang",
        "/drop": "drop",
        "/busy": lambda count: (
            (503, {"Retry-After": "1"}, b"busy") if count == 1 else html(f"<p>{STALE}</p>")
        ),
        "/guide.pdf": (200, {"Content-Type": "application/pdf"}, pdf),
        "/notes.txt": (200, {"Content-Type": "text/plain"}, f"Notes\n\n{STALE}\n".encode()),
        "/logo.png": (200, {"Content-Type": "image/png"}, b"\x89PNG"),
        "/private/secret": html(f"<p>{STALE}</p>"),
        "/private/hidden": html(f"<p>{STALE}</p>"),
        "/forms/form.doc": (200, {"Content-Type": "application/msword"}, b"doc"),
    })  # fmt: skip
    for month in range(1, 400):  # a calendar: every month links to the next, without end
        site.routes[f"/calendar?month={month}"] = html(
            f'<a href="/calendar?month={month + 1}">Next</a>'
            f'<a href="/calendar?month={month - 1}">Back</a>'
        )
    return site


def other_site() -> Site:
    site = Site().start()
    for path in ("/elsewhere", "/sitemapped", "/sitemap.xml", "/robots.txt"):
        site.routes[path] = html(f"<p>{STALE}</p>")
    return site
