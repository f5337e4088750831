"""`make serve` after a failed rebuild: the browser shows the error, then recovers by itself.

MkDocs' live server keeps the last good site when a rebuild fails, but it also stops answering:
every page request waits for a build that never completes ("The server will appear stuck until
build errors are resolved"), and the open tab waits with it. `guard_server` wraps the server's
builder and its WSGI app:

- a failed rebuild is caught (MkDocs then tells the open tabs to reload, as after a good one)
  and its messages (the exception and every warning or error logged during the build) are kept;
- while a failure is kept, every page request gets `error_page`: the messages, and a poller on
  MkDocs' own livereload endpoint that reloads the tab when the next build finishes;
- the next good build clears the failure, the poller sees it and the tab shows the page again.

Only rebuilds are guarded: when the first build fails, `mkdocs serve` exits with the message.
"""

from __future__ import annotations

import html
import logging
import threading
from collections.abc import Callable

# MkDocs' loggers, whose warnings and errors explain a failed build.
BUILD_LOGGER = "mkdocs"


def error_page(messages: list[str], epoch: int) -> str:
    """A self-contained page listing `messages`; it reloads once the site is newer than `epoch`."""
    items = "\n".join(f"<li><pre>{html.escape(message)}</pre></li>" for message in messages)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build failed - Generative AI Handbook</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; color: #1a1a1a; background: #fff; }}
h1 {{ color: #a40000; font-size: 1.5rem; }}
pre {{ white-space: pre-wrap; background: #f6f6f6; padding: .75rem; border-left: 4px solid #a40000; }}
ul {{ padding: 0; list-style: none; }}
</style>
</head>
<body>
<main>
<h1>The last rebuild failed</h1>
<p>Fix the file named below and save it: this page reloads by itself when the site builds
again. The terminal running <code>make serve</code> shows the same messages.</p>
<ul id="build-errors">
{items}
</ul>
<p id="build-status" role="status">Waiting for the next build...</p>
</main>
<script>
(function poll() {{
  var request = new XMLHttpRequest();
  request.onloadend = function () {{
    if (request.status === 200 && parseFloat(request.responseText) > {epoch}) {{
      location.reload();
    }} else {{
      setTimeout(poll, request.status === 200 ? 0 : 1000);
    }}
  }};
  request.open("GET", "/livereload/{epoch}/" + Date.now());
  request.send();
}})();
</script>
</body>
</html>
"""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class BuildFailure:
    """The messages of the last failed build, or none; shared by the builder and the WSGI app."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._messages: list[str] = []

    def set(self, messages: list[str]) -> None:
        with self._lock:
            self._messages = list(messages)

    def get(self) -> list[str]:
        with self._lock:
            return list(self._messages)


def guarded_builder(builder: Callable, failure: BuildFailure) -> Callable:
    """`builder`, recording its failure (and the warnings logged on the way) instead of raising."""

    def build(*args, **kwargs):
        collect = _Collect()
        logger = logging.getLogger(BUILD_LOGGER)
        logger.addHandler(collect)
        try:
            builder(*args, **kwargs)
        except (Exception, SystemExit) as error:  # MkDocs' Abort is a SystemExit
            reason = str(error) or type(error).__name__
            messages = [m for m in collect.messages if m != reason] + [reason]
            failure.set(messages)
            logger.error("The rebuild failed; the browser shows why until it is fixed.")
        else:
            failure.set([])
        finally:
            logger.removeHandler(collect)

    return build


def guard_server(server, failure: BuildFailure | None = None):
    """Wrap a MkDocs LiveReloadServer's builder and app (see the module docstring)."""
    failure = failure or BuildFailure()
    server.builder = guarded_builder(server.builder, failure)
    serve_site = server.get_app()

    def app(environ, start_response):
        messages = failure.get()
        path = environ.get("PATH_INFO", "")
        is_page = path.endswith("/") or path.endswith(".html")
        if not messages or not is_page:
            return serve_site(environ, start_response)
        # The epoch MkDocs serves to its own poller; private, read defensively (mkdocs < 2).
        epoch = getattr(server, "_visible_epoch", 0)
        body = error_page(messages, epoch).encode("utf-8")
        start_response(
            "500 Build Failed",
            [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")],
        )
        return [body]

    server.set_app(app)
    return server
