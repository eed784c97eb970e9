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
- **Limits.** ``max_pages`` pages; ``max_depth`` links from a start address (a sitemap's pages
  are one link from it); at most 25 query strings per path and 50 pages per path shape (digits
  in the path alike), so a calendar's endless "next month" links end there, by query or by path;
  a queue of at most ten times ``max_pages`` addresses. The report names each limit that cut the
  crawl short. ``max_bytes`` per response, unpacked, PDFs included (a PDF is streamed to a
  temporary file, never held whole); ``timeout`` seconds for an answer or for the next part of
  one, and ten times that for the whole request, connection, headers and body (a server dripping
  a byte at a time cannot hold the crawl); a Crawl-delay of at most 30 s (the report says when
  robots.txt asked for more, and how to wait as asked); ``READ_BUDGET`` seconds to read one page
  or PDF. Ten redirects, followed only within the allowed hosts, a loop reported as one;
  addresses compared without their fragment, non-ASCII characters percent-encoded.
- **Errors** (404, no answer, too large, over time, an unreadable PDF, a charset or
  Content-Encoding it cannot decode, even a fault of the checker's own while reading one page)
  are listed per address and never stop the crawl.

The standard library does the HTTP (urllib): one request at a time per host needs no async
client, redirects are followed by hand anyway (each hop is checked against the allowed hosts, the
loop and robots.txt), and the core install keeps its two dependencies.
"""

from __future__ import annotations

import codecs
import contextlib
import email.utils
import functools
import http.client
import io
import re
import socket
import ssl
import tempfile
import threading
import time
import urllib.error
import urllib.request
import zlib
from collections import Counter, deque
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from html import unescape
from typing import BinaryIO, TextIO
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from checker import __version__
from checker.rulesets import RuleSet
from checker.verify import readers
from checker.verify import robots as robots_txt
from checker.verify.findings import Found, Outcome, bounded
from checker.verify.readers import (
    Links,
    OverBudget,
    Unreadable,
    check_html,
    check_pdf,
    check_text,
    time_budget,
)  # fmt: skip
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
# Drupal's default robots.txt asks for 10 s; a site asking for an hour would stop a weekly check.
MAX_CRAWL_DELAY = 30.0
# The whole of one request, connection, headers and body, may take this many times --timeout.
REQUEST_BUDGET = 10
MAX_SHAPE_PAGES = 50
QUEUE_FACTOR = 10
_DIGITS = re.compile(r"[0-9]+")
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
    if len(url) > MAX_URL_LENGTH:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
        host = parts.hostname
        if host and not host.isascii():
            host = host.encode("idna").decode("ascii")  # a name in another script
    except (ValueError, UnicodeError):
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not host or not _printable_ascii(host):
        return None
    host = host.lower()
    if ":" in host:
        host = f"[{host}]"
    default = {"http": 80, "https": 443}[scheme]
    netloc = host if port in (None, default) else f"{host}:{port}"
    path = _percent_encoded(parts.path) or "/"
    return urlunsplit((scheme, netloc, path, _percent_encoded(parts.query), ""))


# Left as they are in a path or query: what RFC 3986 allows there, and "%" (escapes kept).
_URL_SAFE = "/?:@!$&'()*+,;=-._~%"


def _percent_encoded(text: str) -> str:
    """``text`` with spaces, controls and non-ASCII characters percent-encoded (as UTF-8): an
    address a server can be asked for (http.client refuses anything else)."""
    return quote(text, safe=_URL_SAFE, errors="surrogateescape")


def _printable_ascii(text: str) -> bool:
    return text.isascii() and text.isprintable()


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


class _Deadline:
    """The wall-clock budget of one request: when it is spent, the connection is shut, so a read
    waiting on a server that drips its headers, a chunk-size line or its body ends at once."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        self.timer = threading.Timer(seconds, self.expire)
        self.timer.daemon = True
        self.timer.start()

    def watch(self, sock: socket.socket) -> None:
        with self.lock:
            self.sockets.append(sock)
            if self.expired:
                _shut(sock)

    def expire(self) -> None:
        with self.lock:
            self.expired = True
            for sock in self.sockets:
                _shut(sock)

    def cancel(self) -> None:
        self.timer.cancel()


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # closed already
        sock.shutdown(socket.SHUT_RDWR)


class _Watched:
    """A connection whose socket, once made, is handed to its request's :class:`_Deadline`
    (before any TLS handshake, which the budget covers too)."""

    deadline: _Deadline

    def __init__(self, *args, deadline: _Deadline, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.deadline = deadline
        make = self._create_connection

        def connected(*args, **kwargs):
            sock = make(*args, **kwargs)
            deadline.watch(sock)
            return sock

        self._create_connection = connected


class _Connection(_Watched, http.client.HTTPConnection):
    pass


class _SecureConnection(_Watched, http.client.HTTPSConnection):
    pass


class _Handler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def http_open(self, req):
        return self.do_open(functools.partial(_Connection, deadline=self.deadline), req)


class _SecureHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def https_open(self, req):
        connection = functools.partial(_SecureConnection, deadline=self.deadline)
        return self.do_open(connection, req, context=ssl.create_default_context())


def fetch(url: str, settings: Settings, agent: str, stream: bool = True) -> Response:
    """One GET of ``url``, no redirect followed; raises :class:`FetchError`.

    The whole request, connection, headers and body, has :data:`REQUEST_BUDGET` times
    ``timeout`` seconds. The body is read a part at a time, unpacked as its Content-Encoding
    says, and given up on past ``max_bytes``; a PDF's (with ``stream``) goes to a temporary
    file. Bodies of other statuses are not read.
    """
    deadline = _Deadline(REQUEST_BUDGET * settings.timeout)
    try:
        return _fetch(url, settings, agent, stream, deadline)
    except FetchError:
        if deadline.expired:
            raise FetchError(_over_budget(settings)) from None
        raise
    except Exception as error:  # whatever else a server's answer can raise in the client
        if deadline.expired:
            raise FetchError(_over_budget(settings)) from None
        raise FetchError(_network_reason(error, settings)) from None
    finally:
        deadline.cancel()


def _fetch(url: str, settings: Settings, agent: str, stream: bool, deadline: _Deadline) -> Response:
    request = urllib.request.Request(url, headers={
        "User-Agent": agent,
        "Accept": "text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.1",
        "Accept-Encoding": "gzip, deflate;q=0.5, identity;q=0.1",
    })  # fmt: skip
    opener = urllib.request.build_opener(_NoRedirects, _Handler(deadline), _SecureHandler(deadline))
    try:
        answer = opener.open(request, timeout=settings.timeout)
    except urllib.error.HTTPError as error:
        with error:
            return Response(
                url, error.code, _reason(error.code, error.reason),
                location=_header(error.headers, "Location"),
                retry_after=_header(error.headers, "Retry-After"),
            )  # fmt: skip
    except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as error:
        raise FetchError(_network_reason(error, settings)) from None
    with answer:
        headers = answer.headers
        response = Response(
            url, answer.status, _reason(answer.status, answer.reason),
            content_type=headers.get_content_type(), charset=headers.get_content_charset(),
        )  # fmt: skip
        length = _number(headers.get("Content-Length"))
        if length is not None and length > settings.max_bytes:
            raise FetchError(_too_large(settings))
        unpack = _unpacker(headers.get("Content-Encoding"))
        into_file = stream and response.content_type in PDF_TYPES
        # The file goes to the caller, who closes it once the PDF is read.
        spooled = tempfile.SpooledTemporaryFile(max_size=1 << 20) if into_file else None  # noqa: SIM115
        sink: BinaryIO = spooled or io.BytesIO()
        try:
            _read_body(answer, sink, settings, unpack)
            if deadline.expired:  # the shut connection read as the end of the body
                raise FetchError(_over_budget(settings))
        except BaseException:
            sink.close()
            raise
        if into_file:
            sink.seek(0)
            response.file = sink
        else:
            response.body = sink.getvalue()
    return response


def _header(headers, name: str) -> str | None:
    """A header's value as the server sent it: http.client reads headers as Latin-1, so the bytes
    come back as they were (a Location in UTF-8, say), then are percent-encoded if not ASCII."""
    value = headers.get(name) if headers is not None else None
    if value is None or value.isascii():
        return value
    try:
        raw = value.encode("latin-1")
    except UnicodeEncodeError:
        return value
    return quote(raw, safe=_URL_SAFE + "#")


def _number(text: str | None) -> int | None:
    """A header's whole number: ASCII digits only (str.isdigit also takes "²" and other scripts'
    digits), and at most 18 of them (a larger one is no size or wait anyone means)."""
    text = (text or "").strip()
    if not text or not text.isascii() or not text.isdigit():
        return None
    return int(text) if len(text) <= 18 else 10**18


def _unpacker(encoding: str | None):
    """A decompressor for the body's Content-Encoding (None for none); raises FetchError for one
    the checker cannot read, rather than read packed bytes as text and find nothing in them."""
    encoding = (encoding or "").strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj(32 + zlib.MAX_WBITS)  # zlib-wrapped, as RFC 9110 says
    raise FetchError(f"Content-Encoding {encoding[:40]} is not one the checker reads")


def _read_body(answer, sink: BinaryIO, settings: Settings, unpack=None) -> None:
    # A part at a time: the timeout applies to each part, the request's deadline to them all.
    total = 0
    read = getattr(answer, "read1", answer.read)
    try:
        while True:
            part = read(_CHUNK)
            if not part:
                break
            if unpack is not None:
                part = _inflate(unpack, part, settings.max_bytes - total)
            total += len(part)
            if total > settings.max_bytes:
                raise FetchError(_too_large(settings))
            sink.write(part)
    except (OSError, ValueError, http.client.HTTPException) as error:  # a timeout, a reset
        raise FetchError(_network_reason(error, settings)) from None


def _inflate(unpack, part: bytes, room: int) -> bytes:
    """``part`` unpacked, at most ``room`` + 1 bytes of it (more is too large anyway)."""
    try:
        out = unpack.decompress(part, max(room, 0) + 1)
    except zlib.error:
        raise FetchError("not the gzip or deflate data its Content-Encoding says") from None
    return out


def _over_budget(settings: Settings) -> str:
    return (
        f"the answer took more than {REQUEST_BUDGET * settings.timeout:g} s "
        f"({REQUEST_BUDGET} x --timeout)"
    )


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
        seconds = _number(header)
        if seconds is not None:
            return float(seconds)
        try:
            when = email.utils.parsedate_to_datetime(header.strip())
        except (TypeError, ValueError, OverflowError, IndexError):
            when = None
        if when is not None:
            return max(0.0, when.timestamp() - time.time())
    return max(delay, 1.0) * 2**tries


# --- sitemaps -------------------------------------------------------------------------------

def sitemap_entries(body: bytes, settings: Settings) -> tuple[bool, list[str]]:
    """(is it a sitemap index?, the addresses it lists) for a sitemap, gzip or not.

    A scanner, not a regular expression or an XML parser: ``str.find`` from tag to tag, each
    character looked at a bounded number of times, whatever the file holds (a pattern before issue
    26 backtracked with the cube of a run of spaces). Comments are passed over, CDATA is read,
    the five XML entities and character references are decoded, and nothing a DTD declares is.
    """
    if body[:2] == b"\x1f\x8b":
        body = _gunzip(body, settings.max_bytes)
    text = body.decode("utf-8", errors="replace")
    head = text[:2000].lower()
    index = "<sitemapindex" in head or ":sitemapindex" in head
    entries, position = [], 0
    while (lt := text.find("<", position)) >= 0:
        if text.startswith("<!--", lt):
            end = text.find("-->", lt + 4)
            position = len(text) if end < 0 else end + 3
            continue
        gt = text.find(">", lt + 1)
        if gt < 0:
            break
        position = gt + 1
        if gt - lt <= 40 and text[lt + 1 : gt].strip().lower().rpartition(":")[2] == "loc":
            close = text.find("</", position)
            if close < 0:
                break
            entries.append(_loc(text[position:close]))
            position = close
    return index, entries


def _loc(value: str) -> str:
    value = value.strip()
    if value.startswith("<![CDATA[") and value.endswith("]]>"):
        return value[9:-3].strip()
    return unescape(value) if "&" in value else value


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
    depth: int = 0  # links from a start address


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
    shape_capped: Counter = field(default_factory=Counter)
    too_deep: int = 0
    queue_cut: int = 0
    long_delays: dict = field(default_factory=dict)  # host -> the Crawl-delay it asked for


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
        self.shapes: Counter = Counter()
        self.tally = _Tally()
        self.order = self.pages = self.sitemaps = 0
        self.found: list[tuple[int, tuple[list[Found], Counter]]] = []
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
        except Exception as error:  # a fault of the checker's own: one page's error, not the run's
            self.failed(request, host, f"could not be read ({type(error).__name__}: {error})")
            return
        try:
            self.answer(request, host, response)
        except (FetchError, Unreadable) as error:
            self.error(request, str(error))
        except Exception as error:
            self.error(request, f"could not be read ({type(error).__name__}: {error})")
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
            follow = _Request(target, request.kind, request.order, chain, depth=request.depth)
            self.host(origin(target)).queue.appendleft(follow)

    def read_robots(self, host: _Host, response: Response) -> None:
        host.robots = robots_txt.read(response.body, self.agent)
        delay = host.robots.crawl_delay
        if delay and delay > host.delay:
            if delay > MAX_CRAWL_DELAY:
                self.tally.long_delays[host.name] = delay
                delay = max(MAX_CRAWL_DELAY, host.delay)
            else:
                self.outcome.notes.append(
                    f"{host.name}/robots.txt asks for {delay:g} s between requests."
                )
            host.delay = delay
            host.next_at = time.monotonic() + delay
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
                # A sitemap's pages are one link from the site's home page.
                self.add(url, "sitemap" if index else "page", depth=1)

    def read_page(self, request: _Request, response: Response) -> None:
        name, kind = response.url, response.content_type
        links = Links()
        if kind not in (*HTML_TYPES, *TEXT_TYPES, *PDF_TYPES):
            self.tally.other_types[kind or "no Content-Type"] += 1
            self.start_error(request, f"not HTML, PDF or text ({kind or 'no Content-Type'})")
            return
        budget = readers.READ_BUDGET
        try:
            with time_budget(budget):
                if kind in HTML_TYPES:
                    found = bounded(check_html(decode(response), name, self.rules, links))
                elif kind in TEXT_TYPES:
                    found = bounded(check_text(io.StringIO(decode(response)), name, self.rules))
                else:
                    found = bounded(
                        check_pdf(response.file or io.BytesIO(response.body), name, self.rules)
                    )
        except Unreadable as error:
            self.error(request, f"unreadable: {error}")
            return
        except OverBudget:
            self.error(request, f"took more than {budget:g} s to read")
            return
        self.start_read = self.start_read or name in self.start_urls
        self.outcome.files.append(name)
        self.found.append((request.order, found))
        base = name
        if links.base:
            with contextlib.suppress(ValueError):  # a <base href> no address can be made of
                base = urljoin(name, links.base)
        for target in links.targets:
            self.link(base, target, request.depth + 1)

    # -- the queue --------------------------------------------------------------------------

    def link(self, base: str, target: str, depth: int) -> None:
        if not target or target.startswith("#") or target.lower().startswith(SKIPPED_SCHEMES):
            return
        try:
            url = normal_url(urljoin(base, target))
        except ValueError:  # "http://[" and other addresses urljoin cannot read
            return
        if url is None:
            return
        if not self.allows_host(url):
            self.tally.off_site += 1
            return
        self.add(url, "page", depth=depth)

    def add(self, url: str, kind: str, start: bool = False, depth: int = 0) -> None:
        if url in self.seen:
            return
        if kind in ("sitemap", "guess"):
            if self.sitemaps >= MAX_SITEMAPS:
                return
            self.sitemaps += 1
        parts = urlsplit(url)
        if kind == "page" and not start:
            if depth > self.settings.max_depth:
                self.tally.too_deep += 1
                return
            if self.queued() >= QUEUE_FACTOR * self.settings.max_pages:
                self.tally.queue_cut += 1
                return
            # Digits alike: /calendar/1, /calendar/2, ... are one shape.
            shape = f"{parts.scheme}://{parts.netloc}{_DIGITS.sub('#', parts.path)}"
            if self.shapes[shape] >= MAX_SHAPE_PAGES:
                self.tally.shape_capped[shape] += 1
                return
        if parts.query and not start:
            path = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
            variants = self.variants.setdefault(path, set())
            if len(variants) >= MAX_QUERY_VARIANTS:
                self.tally.query_capped[path] += 1
                return
            variants.add(parts.query)
        if kind == "page" and not start:
            self.shapes[shape] += 1
        self.seen.add(url)
        self.order += 1
        self.host(origin(url)).queue.append(_Request(url, kind, self.order, depth=depth))

    def queued(self) -> int:
        return sum(len(host.queue) for host in self.hosts.values())

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
        for _, (found, more) in sorted(self.found, key=lambda item: item[0]):
            self.outcome.add(found)
            self.outcome.add_unlisted(more)
        tally, limits, notes = self.tally, self.outcome.limits, self.outcome.notes
        if tally.not_read:
            limits.append(
                f"Stopped at --max-pages {self.settings.max_pages:,}: {tally.not_read:,} more "
                "addresses it found were not read."
            )
        if tally.too_deep:
            limits.append(
                f"Stopped at --max-depth {self.settings.max_depth}: {tally.too_deep:,} more "
                f"{'address' if tally.too_deep == 1 else 'addresses'} it found "
                f"{'was' if tally.too_deep == 1 else 'were'} more links from the start."
            )
        if tally.queue_cut:
            limits.append(
                f"The queue was cut at {QUEUE_FACTOR * self.settings.max_pages:,} addresses "
                f"({QUEUE_FACTOR} x --max-pages): {tally.queue_cut:,} more addresses it found "
                "were not queued."
            )
        for path, count in sorted(tally.query_capped.items()):
            limits.append(
                f"{path}: {count:,} more addresses with other query strings were not read "
                f"(at most {MAX_QUERY_VARIANTS} per path)."
            )
        for shape, count in sorted(tally.shape_capped.items()):
            limits.append(
                f"{shape}: {count:,} more addresses of this path shape (# for digits) were not "
                f"read (at most {MAX_SHAPE_PAGES} per path shape)."
            )
        for name, delay in sorted(tally.long_delays.items()):
            notes.append(
                f"{name}/robots.txt asks for {delay:g} s between requests; the crawl waited "
                f"{max(MAX_CRAWL_DELAY, self.settings.delay):g} s "
                f"(--delay {delay:g} waits as asked)."
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


def decode(response: Response) -> str:
    """A page's text: by its byte-order mark, else its Content-Type charset, else a ``<meta>``
    charset in its first 2 KB, else UTF-8 (the order HTML's encoding sniffing takes). A charset
    Python has no text codec for, or one no web page is in, raises :class:`FetchError`: guessing
    would read garbled text, find no rule in it, and call the page one that agrees."""
    body = response.body
    for mark, codec in _BOMS:
        if body.startswith(mark):
            return body[len(mark) :].decode(codec, errors="replace")
    charset = (response.charset or _meta_charset(body) or "utf-8").strip().lower()
    try:
        if codecs.lookup(charset).name in NOT_WEB_ENCODINGS:
            raise LookupError(charset)
        return body.decode(charset, errors="replace")
    except (LookupError, UnicodeError, ValueError, TypeError):
        raise FetchError(f"charset {charset[:40]} is not a web page encoding") from None


_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))  # fmt: skip
# Codecs Python has that no page is sent in (the HTML standard forbids UTF-7 outright); idna
# and undefined raise on any byte with errors="replace".
NOT_WEB_ENCODINGS = {"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape",
                     "utf-7", "rot-13", "mbcs", "oem"}  # fmt: skip
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


def _meta_charset(body: bytes) -> str | None:
    found = _META_CHARSET.search(body, 0, 2048)
    return found.group(1).decode("ascii", errors="replace") if found else None


def crawl(
    starts: list[str], rules: RuleSet, settings: Settings, progress: TextIO | None = None
) -> Outcome:
    """Check the sites at ``starts``; raises :class:`StartError` when none of them can be read."""
    return Crawl(starts, rules, settings, progress).run()
