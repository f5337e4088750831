"""A built site on 127.0.0.1, and Debian's Chromium to look at it, for tests and tools.

`serve_directory` serves a folder under a mount path (the path of site_url, "/handbook/"),
optionally gzip-compressing text the way a real host does, so that measurements such as
Lighthouse see realistic transfer sizes. `chromium` launches /usr/bin/chromium through
Playwright with flags that keep it off the network; Playwright never downloads a browser here.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = os.environ.get("HANDBOOK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class _Handler(http.server.SimpleHTTPRequestHandler):
    mount = "/"
    compress = False

    def log_message(self, *args) -> None:
        pass

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.mount):
            return str(Path(self.directory) / "__outside_mount__")
        return super().translate_path("/" + path[len(self.mount) :])

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the base class redirects "folder" to "folder/"
            path = os.path.join(path, "index.html")
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and wants_gzip and path.endswith(COMPRESSIBLE)):
            return super().send_head()
        if not os.path.isfile(path):
            return super().send_head()  # the base class answers 404
        body = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A browser closed before a response finished (a test or measurement moved on): not
        # an error of the site, and a traceback per request would bury the real output.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


@contextlib.contextmanager
def serve_directory(root: Path, mount: str = "/", compress: bool = False) -> Iterator[str]:
    """Serve `root` at http://127.0.0.1:PORT{mount}; yields that base URL."""
    mount = "/" + mount.strip("/") + "/" if mount.strip("/") else "/"
    handler = type("Handler", (_Handler,), {"mount": mount, "compress": compress})
    server = _QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{mount}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def serve_published(site: Path, mount: str = "/handbook/", compress: bool = False) -> Iterator[str]:
    """Serve a build laid out as mike publishes it: the site as version "latest", with a
    versions.json beside it (so Material shows its version selector). Yields the URL of the
    site, ending in "latest/"."""
    with tempfile.TemporaryDirectory(prefix="handbook-published-") as scratch:
        published = Path(scratch)
        (published / "latest").symlink_to(Path(site).resolve(), target_is_directory=True)
        (published / "versions.json").write_text(
            '[{"version": "1.0", "title": "1.0", "aliases": ["latest"], "properties": null}]'
        )
        with serve_directory(published, mount, compress) as base:
            yield base + "latest/"


@contextlib.contextmanager
def chromium() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()
