"""Per-page reader actions: "Report a problem" and "Last updated", as template data."""

from __future__ import annotations

from urllib.parse import urlencode

ISSUE_TEMPLATE = "content-error.yml"


def report_problem_url(repo_url: str, title: str, page_address: str, version: str) -> str:
    """A new-issue link that opens the content-error form with page and version filled in."""
    query = urlencode(
        {
            "template": ISSUE_TEMPLATE,
            "title": f"[Content] {title}",
            "page": page_address,
            "version": version,
        }
    )
    return f"{repo_url.rstrip('/')}/issues/new?{query}"


def source_file(src_path: str, generated_from: str | None) -> str:
    """The repository file a page is made from: its Markdown, or the data it is generated from."""
    return generated_from or f"docs/{src_path}"
