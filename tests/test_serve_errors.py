"""`make serve` with a failed rebuild: the error in the browser, and recovery once it is fixed."""

from __future__ import annotations

import logging
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError

from browser import chromium, require_chromium
from handbook.preview.serve_errors import BuildFailure, error_page, guard_server, guarded_builder
from project_copy import copy_project
from serve_rebuild import BUILT, _reader, free_port, wait_for


def test_a_failed_build_is_kept_with_the_warnings_logged_on_the_way():
    failure = BuildFailure()

    def broken():
        logging.getLogger("mkdocs.structure.pages").warning("Doc file 'a.md' links nowhere")
        raise Abort("Aborted with 1 warnings in strict mode!")

    guarded_builder(broken, failure)()
    assert failure.get() == [
        "Doc file 'a.md' links nowhere",
        "Aborted with 1 warnings in strict mode!",
    ]
    guarded_builder(lambda: None, failure)()
    assert failure.get() == []


class FakeServer:
    """The three things guard_server uses of MkDocs' LiveReloadServer."""

    _visible_epoch = 1234

    def __init__(self, builder):
        self.builder = builder
        self.app = lambda environ, start_response: [b"the site"]

    def get_app(self):
        return self.app

    def set_app(self, app):
        self.app = app


def request(server, path):
    statuses = []
    body = b"".join(
        server.app({"PATH_INFO": path}, lambda status, headers: statuses.append(status))
    )
    return (statuses[0] if statuses else "200 OK"), body.decode()


def test_while_a_build_is_broken_pages_show_the_error_and_other_requests_pass():
    def broken():
        raise PluginError("docs/x.md:3: citation [@nope]: 'nope' is not a key <b>")

    server = guard_server(FakeServer(broken))
    assert request(server, "/handbook/x/") == ("200 OK", "the site")
    server.builder()
    status, body = request(server, "/handbook/x/")
    assert status.startswith("500")
    assert "docs/x.md:3: citation [@nope]: &#x27;nope&#x27; is not a key &lt;b&gt;" in body
    assert '"/livereload/1234/"' in body  # polls MkDocs' own endpoint from the current epoch
    assert request(server, "/livereload/1234/1") == ("200 OK", "the site")
    assert request(server, "/handbook/assets/stylesheets/handbook.css") == ("200 OK", "the site")


def test_the_error_page_escapes_messages_and_reloads_after_the_given_epoch():
    page = error_page(["<script>alert(1)</script>"], 42)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
    assert "> 42)" in page


@pytest.mark.browser
def test_serve_shows_a_broken_rebuild_in_the_browser_and_recovers(tmp_path):
    require_chromium()
    root = copy_project(tmp_path / "project")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_MINIFY": "false"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_reader, args=(server.stderr, lines), daemon=True).start()
    article = root / "docs" / "model-families" / "gans.md"
    good = article.read_text(encoding="utf-8")
    try:
        assert wait_for(lines, BUILT, 180), "mkdocs serve did not finish its first build"
        with chromium() as browser:
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/handbook/model-families/gans/")
            assert "Generative adversarial" in page.locator("h1").inner_text()

            article.write_text(good.replace("[@goodfellow2014]", "[@goodfelow2014]", 1))
            page.wait_for_selector("#build-errors", timeout=120_000)  # the tab reloaded by itself
            errors = page.locator("#build-errors").inner_text()
            assert "docs/model-families/gans.md:" in errors
            assert "did you mean 'goodfellow2014'?" in errors

            article.write_text(good)
            page.wait_for_selector("article h1", timeout=120_000)
            assert "Generative adversarial" in page.locator("h1").inner_text()
    finally:
        server.terminate()
        server.wait(timeout=30)
        server.stderr.close()
        Path(article).write_text(good)
