"""A tiny static server on 127.0.0.1 that gzips text responses, as a real web server would.

Lighthouse and the transfer-size figures need compressed responses; Python's http.server sends
everything uncompressed, which would make every page look several times heavier than it is.
"""

from __future__ import annotations

import gzip
from contextlib import AbstractContextManager
from pathlib import Path

# The loopback server is the one the browser tests use.
from builds import QuietHandler, serve

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".mjs"}


class GzipHandler(QuietHandler):
    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the stdlib's redirect to the trailing slash
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)


class _Body:
    """A file-like object for SimpleHTTPRequestHandler.copyfile."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._offset = 0

    def read(self, size: int = -1) -> bytes:
        end = len(self._data) if size < 0 else self._offset + size
        chunk = self._data[self._offset : end]
        self._offset += len(chunk)
        return chunk

    def close(self) -> None:
        pass


def serve_gzip(directory: Path) -> AbstractContextManager[str]:
    """Serve ``directory`` with gzip on 127.0.0.1 at a free port; yields the base URL."""
    return serve(directory, GzipHandler)
