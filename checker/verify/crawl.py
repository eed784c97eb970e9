"""``python -m checker verify URL...``: check a live court site by its address.

A polite crawler with few, plain knobs (:class:`Settings`, Scrapy's settings as the model):

- **What it reads.** The start addresses, and pages on the same site (scheme, host and port) only;
  ``--include-host`` adds others. It finds pages in the site's sitemaps (named in robots.txt, else
  ``/sitemap.xml``; sitemap index files too) and in the links of the pages it reads. It reads HTML,
  PDF and plain text by their Content-Type, and passes over anything else; links to ``mailto:``,
  ``tel:``, ``javascript:`` and within a page (``#...``) are not followed.
- **Politeness.** It obeys robots.txt (RFC 9309, :mod:`.robots`) for its own User-Agent, including
  Crawl-delay, and waits ``delay`` seconds from each answer to the next request to a host (1 s
  unless told), with one request at a time per host. On 429 and 503 it waits (as Retry-After
  asks, up to two minutes) and tries again, at most twice.
- **Limits.** ``max_pages`` pages (the report says when it stopped there); ``max_bytes`` per
  response, PDFs included (a PDF is streamed to a temporary file, never held whole); ``timeout``
  seconds for an answer or for the next part of one; ten redirects, followed only within the
  allowed hosts, a loop reported as one; addresses compared without their fragment, and at most
  25 query strings per path (a calendar's endless "next month" links end there).
- **Errors** (404, no answer, too large, an unreadable PDF) are listed per address and never stop
  the crawl.

The standard library does the HTTP (urllib): one request at a time per host needs no async
client, redirects are followed by hand anyway (each hop is checked against the allowed hosts, the
loop and robots.txt), and the core install keeps its two dependencies.
"""

from __future__ import annotations

import email.utils
import http.client
import io
import re
import socket
import ssl
import tempfile
import time
import urllib.error
import urllib.request
import zlib
from collections import Counter, deque
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from html import unescape
from typing import BinaryIO, TextIO
from urllib.parse import urljoin, urlsplit, urlunsplit

from checker import __version__
from checker.rulesets import RuleSet
from checker.verify import robots as robots_txt
from checker.verify.findings import Mismatch, Outcome
from checker.verify.readers import Links, Unreadable, check_html, check_pdf, check_text
from checker.verify.settings import Settings, StartError

# Where this project's page for court webmasters is published: the User-Agent names it, so a
# webmaster who sees the crawler in a log can read what it is.
WEBMASTERS_PAGE = "https://pacer-help.example.org/webmasters/#check-a-live-site"
AGENT = "pacer-help-checker"
MAX_REDIRECTS = 10
MAX_QUERY_VARIANTS = 25
MAX_URL_LENGTH = 2048
MAX_SITEMAPS = 50
MAX_RETRY_WAIT = 120.0
RETRIES = 2
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "sms:", "fax:", "ftp:")
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain", "text/markdown")
PDF_TYPES = ("application/pdf", "application/x-pdf")
GZIP_TYPES = ("application/gzip", "application/x-gzip")
_CHUNK = 1 << 16


def user_agent() -> str:
    return f"{AGENT}/{__version__} (+{WEBMASTERS_PAGE})"


class FetchError(Exception):
    """A request that did not give a page; the message says why, in a few words."""


# --- addresses ------------------------------------------------------------------------------


def normal_url(url: str) -> str | None:
    """``url`` as the crawler compares addresses (no fragment, host lower case, no default port,
    "/" for an empty path), or None when it is not an http(s) address it would request."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname or len(url) > MAX_URL_LENGTH:
        return None
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    default = {"http": 80, "https": 443}[scheme]
    netloc = host if port in (None, default) else f"{host}:{port}"
    path = parts.path.replace(" ", "%20") or "/"
    return urlunsplit((scheme, netloc, path, parts.query.replace(" ", "%20"), ""))


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


# --- HTTP -----------------------------------------------------------------------------------


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects come back as responses: the crawler decides where each one may lead."""

    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Response:
    url: str
    status: int
    reason: str
    content_type: str = ""
    charset: str | None = None
    location: str | None = None
    retry_after: str | None = None
    body: bytes = b""
    file: BinaryIO | None = None  # a PDF, streamed to a temporary file


def fetch(url: str, settings: Settings, agent: str, stream: bool = True) -> Response:
    """One GET of ``url``, no redirect followed; raises :class:`FetchError`.

    The body is read a part at a time and given up on past ``max_bytes``; a PDF's (with
    ``stream``) goes to a temporary file. Bodies of other statuses are not read.
    """
    request = urllib.request.Request(url, headers={
        "User-Agent": agent,
        "Accept": "text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.1",
        "Accept-Encoding": "identity",
    })  # fmt: skip
    opener = urllib.request.build_opener(_NoRedirects)
    try:
        answer = opener.open(request, timeout=settings.timeout)
    except urllib.error.HTTPError as error:
        with error:
            return Response(
                url, error.code, _reason(error.code, error.reason),
                location=error.headers.get("Location"),
                retry_after=error.headers.get("Retry-After"),
            )  # fmt: skip
    except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as error:
        raise FetchError(_network_reason(error, settings)) from None
    with answer:
        headers = answer.headers
        response = Response(
            url, answer.status, _reason(answer.status, answer.reason),
            content_type=headers.get_content_type(), charset=headers.get_content_charset(),
        )  # fmt: skip
        length = headers.get("Content-Length")
        if length and length.isdigit() and int(length) > settings.max_bytes:
            raise FetchError(_too_large(settings))
        into_file = stream and response.content_type in PDF_TYPES
        # The file goes to the caller, who closes it once the PDF is read.
        spooled = tempfile.SpooledTemporaryFile(max_size=1 << 20) if into_file else None  # noqa: SIM115
        sink: BinaryIO = spooled or io.BytesIO()
        try:
            _read_body(answer, sink, settings)
        except BaseException:
            sink.close()
            raise
        if into_file:
            sink.seek(0)
            response.file = sink
        else:
            response.body = sink.getvalue()
    return response


def _read_body(answer, sink: BinaryIO, settings: Settings) -> None:
    # A part at a time: the timeout applies to each part, and the whole answer may take at most
    # ten times as long (a server sending a byte now and then cannot hold the crawl).
    deadline = time.monotonic() + 10 * settings.timeout
    total = 0
    read = getattr(answer, "read1", answer.read)
    try:
        while True:
            part = read(_CHUNK)
            if not part:
                return
            total += len(part)
            if total > settings.max_bytes:
                raise FetchError(_too_large(settings))
            if time.monotonic() > deadline:
                raise FetchError(f"the answer took more than {10 * settings.timeout:g} s")
            sink.write(part)
    except (OSError, ValueError, http.client.HTTPException) as error:  # a timeout, a reset
        raise FetchError(_network_reason(error, settings)) from None


def _reason(status: int, reason: str | None) -> str:
    return f"{status} {reason}".strip() if reason else str(status)


def _too_large(settings: Settings) -> str:
    return f"larger than --max-bytes ({settings.max_bytes:,} bytes)"


def _network_reason(error: BaseException, settings: Settings) -> str:
    cause = getattr(error, "reason", error)
    if isinstance(cause, socket.timeout | TimeoutError):
        return f"no answer within {settings.timeout:g} s (--timeout)"
    if isinstance(cause, http.client.RemoteDisconnected):
        return "the server closed the connection without answering"
    if isinstance(cause, ConnectionRefusedError):
        return "connection refused"
    if isinstance(cause, socket.gaierror):
        return "host not found"
    if isinstance(cause, ssl.SSLError | ssl.CertificateError):
        return f"TLS error ({getattr(cause, 'reason', None) or cause})"
    if isinstance(cause, ConnectionResetError):
        return "connection reset"
    return f"{type(cause).__name__}: {cause}" if str(cause) else type(cause).__name__


def retry_wait(header: str | None, tries: int, delay: float) -> float:
    """Seconds to wait before trying again: what Retry-After asks (seconds or a date), else a
    backoff that doubles with each try."""
    if header:
        header = header.strip()
        if header.isdigit():
            return float(header)
        try:
            when = email.utils.parsedate_to_datetime(header)
        except (TypeError, ValueError):
            when = None
        if when is not None:
            return max(0.0, when.timestamp() - time.time())
    return max(delay, 1.0) * 2**tries


# --- sitemaps -------------------------------------------------------------------------------

_LOC = re.compile(r"<(?:\w+:)?loc>\s*([^<]*?)\s*</(?:\w+:)?loc>", re.IGNORECASE)
_SITEMAP_INDEX = re.compile(r"<(?:\w+:)?sitemapindex\b", re.IGNORECASE)


def sitemap_entries(body: bytes, settings: Settings) -> tuple[bool, list[str]]:
    """(is it a sitemap index?, the addresses it lists) for a sitemap, gzip or not."""
    if body[:2] == b"\x1f\x8b":
        body = _gunzip(body, settings.max_bytes)
    text = body.decode("utf-8", errors="replace")
    return bool(_SITEMAP_INDEX.search(text, 0, 2000)), [
        unescape(m.group(1)) for m in _LOC.finditer(text)
    ]


def _gunzip(body: bytes, limit: int) -> bytes:
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflate.decompress(body, limit + 1)
    except zlib.error as error:
        raise FetchError(f"not a gzip file ({error})") from None
    if len(out) > limit:
        raise FetchError(f"larger than --max-bytes ({limit:,} bytes) once unpacked")
    return out


# --- the crawl ------------------------------------------------------------------------------


@dataclass
class _Request:
    url: str
    kind: str  # "page", "robots", "sitemap", or "guess" (a /sitemap.xml no file named)
    order: int
    chain: tuple[str, ...] = ()  # the redirects that led here, first one first
    tries: int = 0
    not_before: float = 0.0


@dataclass
class _Host:
    """One origin: its robots.txt (None until read), its queue and its clock."""

    name: str
    delay: float
    robots: robots_txt.Robots | None = None
    asked_robots: bool = False
    robots_request: _Request | None = None  # where robots.txt redirected to
    queue: deque = field(default_factory=deque)
    next_at: float = 0.0
    busy: int = 0


@dataclass
class _Tally:
    """What the crawl passed over, for the report's notes."""

    disallowed: int = 0
    off_site: int = 0
    not_read: int = 0
    other_types: Counter = field(default_factory=Counter)
    query_capped: Counter = field(default_factory=Counter)


class Crawl:
    """One crawl of the sites at ``starts``: :meth:`run` returns the :class:`Outcome`, or raises
    :class:`StartError` when no start address could be read."""

    def __init__(
        self, starts: list[str], rules: RuleSet, settings: Settings, progress: TextIO | None = None
    ) -> None:
        self.rules, self.settings, self.progress = rules, settings, progress
        self.agent = user_agent()
        self.starts = []
        for given in starts:
            url = normal_url(given)
            if url is None:
                raise StartError(f"{given}: not an http or https address")
            self.starts.append(url)
        self.start_urls = set(self.starts)  # and the addresses they redirect to
        self.start_errors: dict[str, str] = {}
        self.start_read = False
        self.outcome = Outcome(rules.name, live=True)
        self.allowed = {origin(url) for url in self.starts}
        self.included = {host.lower() for host in settings.include_hosts}
        self.hosts: dict[str, _Host] = {}
        self.seen: set[str] = set()
        self.variants: dict[str, set[str]] = {}
        self.tally = _Tally()
        self.order = self.pages = self.sitemaps = 0
        self.found: list[tuple[int, list[Mismatch]]] = []
        self.shown = 0.0

    def run(self) -> Outcome:
        for url in self.starts:
            self.add(url, "page", start=True)
        for name in sorted(self.allowed):
            self.add(f"{name}/sitemap.xml", "guess")
        workers = self.settings.concurrency * (len(self.allowed) + len(self.included) + 1)
        running: dict[Future, tuple[_Request, _Host]] = {}
        with ThreadPoolExecutor(max_workers=min(16, workers)) as pool:
            while True:
                self.submit_ready(pool, running)
                pause = self.next_ready_in()
                if not running:
                    if pause is None:
                        break
                    time.sleep(pause)
                    continue
                done, _ = wait(running, timeout=pause, return_when=FIRST_COMPLETED)
                for future in done:
                    request, host = running.pop(future)
                    host.busy -= 1
                    # The delay runs from the answer, so the server sees the requests apart
                    # however long each took to start or to answer.
                    host.next_at = max(host.next_at, time.monotonic() + host.delay)
                    self.handle(request, host, future)
                self.show()
        return self.finish()

    def submit_ready(self, pool: ThreadPoolExecutor, running: dict) -> None:
        now = time.monotonic()
        for host in list(self.hosts.values()):
            while host.busy < self.settings.concurrency and host.next_at <= now:
                request = self.take(host, now)
                if request is None:
                    break
                host.busy += 1
                host.next_at = now + host.delay
                stream = request.kind == "page"
                future = pool.submit(fetch, request.url, self.settings, self.agent, stream)
                running[future] = (request, host)

    def take(self, host: _Host, now: float) -> _Request | None:
        """The next request to send to ``host`` now: its robots.txt first, then its queue in
        order, passing over what robots.txt disallows and pages past --max-pages."""
        if host.robots is None:
            if host.asked_robots or not host.queue:
                return None
            host.asked_robots = True
            return host.robots_request or _Request(f"{host.name}/robots.txt", "robots", 0)
        while host.queue and host.queue[0].not_before <= now:
            request = host.queue.popleft()
            if not host.robots.allows(_path(request.url)):
                self.tally.disallowed += 1
                self.start_error(request, "robots.txt does not allow it")
                continue
            if request.kind == "page" and not request.chain and not request.tries:
                if self.pages >= self.settings.max_pages:
                    self.tally.not_read += 1
                    continue
                self.pages += 1
            return request
        return None

    def next_ready_in(self) -> float | None:
        """Seconds until a queued request may go (at least 0.01), or None when none is queued."""
        now, times = time.monotonic(), []
        for host in self.hosts.values():
            waiting = host.busy >= self.settings.concurrency or (
                host.robots is None and host.asked_robots
            )  # on an answer, not on the clock
            if host.queue and not waiting:
                times.append(max(host.next_at, host.queue[0].not_before) - now)
        return max(0.01, min(times)) if times else None

    # -- answers ----------------------------------------------------------------------------

    def handle(self, request: _Request, host: _Host, future: Future) -> None:
        try:
            response = future.result()
        except FetchError as error:
            self.failed(request, host, str(error))
            return
        try:
            self.answer(request, host, response)
        finally:
            if response.file is not None:
                response.file.close()

    def answer(self, request: _Request, host: _Host, response: Response) -> None:
        status = response.status
        if status in (429, 503):
            wait_for = retry_wait(response.retry_after, request.tries, host.delay)
            if request.tries < RETRIES and wait_for <= MAX_RETRY_WAIT:
                request.tries += 1
                request.not_before = time.monotonic() + wait_for
                host.next_at = max(host.next_at, request.not_before)
                host.queue.appendleft(request)
                return
            asked = f"; it asks to wait {wait_for:.0f} s" if wait_for > MAX_RETRY_WAIT else ""
            self.failed(
                request, host, f"{response.reason} (after {request.tries + 1} tries{asked})"
            )
        elif 300 <= status < 400 and response.location:
            self.redirect(request, host, response)
        elif not 200 <= status < 300 or status == 204:
            self.failed(request, host, response.reason)
        elif request.kind == "robots":
            self.read_robots(host, response)
        elif request.kind in ("sitemap", "guess"):
            self.read_sitemap(response)
        else:
            self.read_page(request, response)

    def failed(self, request: _Request, host: _Host, reason: str) -> None:
        if request.kind == "robots":
            # RFC 9309 2.3.1: a robots.txt that is unavailable (4xx) allows everything; one that
            # is unreachable (5xx, no answer) disallows everything.
            answered = reason[:1].isdigit()
            unreachable = not answered or reason.startswith("5")
            host.robots = robots_txt.Robots(disallow_all=unreachable)
            if unreachable:
                self.outcome.errors.append(
                    (request.url, f"{reason}; so nothing on {host.name} was read")
                )
                why = f"its robots.txt answered {reason}" if answered else reason
                for queued in host.queue:
                    self.start_error(queued, why)
            return
        if request.kind == "guess":
            return  # a site without /sitemap.xml: not an error
        self.error(request, reason)

    def error(self, request: _Request, reason: str, url: str | None = None) -> None:
        if url is None:
            url = request.url
            if request.chain:
                reason += f" (redirected from {request.chain[0]})"
        self.outcome.errors.append((url, reason))
        self.start_error(request, reason)

    def start_error(self, request: _Request, reason: str) -> None:
        first = request.chain[0] if request.chain else request.url
        if first in self.start_urls:
            self.start_errors.setdefault(first, reason)

    def redirect(self, request: _Request, host: _Host, response: Response) -> None:
        target = normal_url(urljoin(request.url, response.location or ""))
        chain = (*request.chain, request.url)
        start = chain[0] in self.start_urls
        if request.kind == "robots":
            # Followed five times, on the same site only; else it is as if there were none.
            same_site = target and origin(target) == host.name and target not in chain
            if same_site and len(chain) <= 5:
                host.robots_request = _Request(target, "robots", 0, chain)
                host.asked_robots = False
            else:
                host.robots = robots_txt.Robots()
            return
        if target is None:
            self.error(request, "redirects to an address the crawler cannot read")
        elif target in chain:
            loop = " -> ".join((*chain[chain.index(target) :], target))
            self.error(request, f"redirect loop: {loop}", url=chain[0])
        elif len(chain) > MAX_REDIRECTS:
            self.error(request, f"more than {MAX_REDIRECTS} redirects", url=chain[0])
        elif not self.allows_host(target) and not start:
            self.tally.off_site += 1
        elif target in self.seen and not start:
            pass  # read, or to be read, under its own address
        else:
            if not self.allows_host(target):  # a start address moved: to https, to www.
                self.allowed.add(origin(target))
                self.outcome.notes.append(f"{chain[0]} redirects to {target}: that site is read.")
            if start:
                self.start_urls.add(target)
            self.seen.add(target)
            follow = _Request(target, request.kind, request.order, chain)
            self.host(origin(target)).queue.appendleft(follow)

    def read_robots(self, host: _Host, response: Response) -> None:
        text = response.body[: robots_txt.MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
        host.robots = robots_txt.parse(text, self.agent)
        delay = host.robots.crawl_delay
        if delay and delay > host.delay:
            host.delay = delay
            host.next_at = time.monotonic() + delay
            self.outcome.notes.append(
                f"{host.name}/robots.txt asks for {delay:g} s between requests."
            )
        if host.name in {origin(url) for url in self.starts} and host.robots.sitemaps:
            host.queue = deque(r for r in host.queue if r.kind != "guess")
            for url in host.robots.sitemaps:
                normal = normal_url(url)
                if normal and self.allows_host(normal):
                    self.add(normal, "sitemap")

    def read_sitemap(self, response: Response) -> None:
        try:
            index, entries = sitemap_entries(response.body, self.settings)
        except FetchError as error:
            self.outcome.errors.append((response.url, str(error)))
            return
        for entry in entries:
            url = normal_url(entry)
            if url is not None and self.allows_host(url):
                self.add(url, "sitemap" if index else "page")

    def read_page(self, request: _Request, response: Response) -> None:
        name, kind = response.url, response.content_type
        links = Links()
        try:
            if kind in HTML_TYPES:
                found = list(check_html(_decode(response), name, self.rules, links))
            elif kind in TEXT_TYPES:
                found = list(check_text(io.StringIO(_decode(response)), name, self.rules))
            elif kind in PDF_TYPES:
                found = list(
                    check_pdf(response.file or io.BytesIO(response.body), name, self.rules)
                )
            else:
                self.tally.other_types[kind or "no Content-Type"] += 1
                self.start_error(request, f"not HTML, PDF or text ({kind or 'no Content-Type'})")
                return
        except Unreadable as error:
            self.error(request, f"unreadable: {error}")
            return
        self.start_read = self.start_read or name in self.start_urls
        self.outcome.files.append(name)
        self.found.append((request.order, found))
        base = urljoin(name, links.base) if links.base else name
        for target in links.targets:
            self.link(base, target)

    # -- the queue --------------------------------------------------------------------------

    def link(self, base: str, target: str) -> None:
        if not target or target.startswith("#") or target.lower().startswith(SKIPPED_SCHEMES):
            return
        url = normal_url(urljoin(base, target))
        if url is None:
            return
        if not self.allows_host(url):
            self.tally.off_site += 1
            return
        self.add(url, "page")

    def add(self, url: str, kind: str, start: bool = False) -> None:
        if url in self.seen:
            return
        if kind in ("sitemap", "guess"):
            if self.sitemaps >= MAX_SITEMAPS:
                return
            self.sitemaps += 1
        parts = urlsplit(url)
        if parts.query and not start:
            path = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
            variants = self.variants.setdefault(path, set())
            if len(variants) >= MAX_QUERY_VARIANTS:
                self.tally.query_capped[path] += 1
                return
            variants.add(parts.query)
        self.seen.add(url)
        self.order += 1
        self.host(origin(url)).queue.append(_Request(url, kind, self.order))

    def host(self, name: str) -> _Host:
        if name not in self.hosts:
            self.hosts[name] = _Host(name, self.settings.delay)
        return self.hosts[name]

    def allows_host(self, url: str) -> bool:
        if origin(url) in self.allowed:
            return True
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        return host in self.included or f"{host}:{parts.port}" in self.included

    # -- the end ----------------------------------------------------------------------------

    def show(self, final: bool = False) -> None:
        """Progress on one line of a terminal, twice a second at most; cleared at the end."""
        if self.progress is None:
            return
        now = time.monotonic()
        if not final and now - self.shown < 0.5:
            return
        self.shown = now
        queued = sum(len(host.queue) for host in self.hosts.values())
        line = (
            f"checker: {len(self.outcome.files)} pages read, {queued} queued, "
            f"{len(self.outcome.errors)} could not be read"
        )
        self.progress.write("\r\033[K" + ("" if final else line))
        self.progress.flush()

    def finish(self) -> Outcome:
        self.show(final=True)
        if not self.start_read:
            reasons = "; ".join(
                f"{url}: {self.start_errors.get(url, 'not read')}" for url in self.starts
            )
            raise StartError(f"no start address could be read: {reasons}")
        for _, found in sorted(self.found, key=lambda item: item[0]):
            self.outcome.mismatches.extend(found)
        tally, limits, notes = self.tally, self.outcome.limits, self.outcome.notes
        if tally.not_read:
            limits.append(
                f"Stopped at --max-pages {self.settings.max_pages:,}: {tally.not_read:,} more "
                "addresses it found were not read."
            )
        for path, count in sorted(tally.query_capped.items()):
            limits.append(
                f"{path}: {count:,} more addresses with other query strings were not read "
                f"(at most {MAX_QUERY_VARIANTS} per path)."
            )
        if tally.disallowed:
            notes.append(
                f"{tally.disallowed:,} addresses were not requested: robots.txt disallows them."
            )
        if tally.off_site:
            notes.append(
                f"{tally.off_site:,} links lead to other hosts and were not followed "
                "(--include-host HOST adds one)."
            )
        if tally.other_types:
            kinds = ", ".join(f"{kind} ({n})" for kind, n in sorted(tally.other_types.items()))
            notes.append(f"Not HTML, PDF or text, so not read: {kinds}.")
        return self.outcome


def _decode(response: Response) -> str:
    body = response.body
    charset = response.charset or _meta_charset(body) or "utf-8"
    try:
        return body.decode(charset, errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


def _meta_charset(body: bytes) -> str | None:
    if body.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    found = _META_CHARSET.search(body, 0, 2048)
    return found.group(1).decode("ascii") if found else None


def crawl(
    starts: list[str], rules: RuleSet, settings: Settings, progress: TextIO | None = None
) -> Outcome:
    """Check the sites at ``starts``; raises :class:`StartError` when none of them can be read."""
    return Crawl(starts, rules, settings, progress).run()
