"""The pages left at the old address of a moved page (data/redirects.yml, load/redirects.py).

A small HTML page that sends the reader on at once: a meta refresh (works without JavaScript
and from file://), a script that keeps the #anchor, a canonical link for search engines, and a
visible link for anything that follows neither. The same for every engine: written as a
static file.
"""

from __future__ import annotations

import html

from handbook.paths import relative_url, url_of


def redirect_file(old_src: str) -> str:
    """Where the redirect page goes in the site: 'a/old.md' -> 'a/old/index.html'."""
    return f"{url_of(old_src)}index.html"


def redirect_page(old_src: str, new_src: str, title: str, site_url: str) -> str:
    target = relative_url(url_of(new_src), url_of(old_src)) or "./"
    href = html.escape(target)
    canonical = html.escape(f"{site_url}{url_of(new_src)}") if site_url else href
    script = f"location.replace({target!r} + location.hash)".replace("<", "\\u003c")
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Moved: {html.escape(title)}</title>\n"
        f'<link rel="canonical" href="{canonical}">\n'
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f"<script>{script}</script>\n"
        "</head>\n<body>\n"
        f'<p>This page has moved to <a href="{href}">{html.escape(title)}</a>.</p>\n'
        "</body>\n</html>\n"
    )
