"""/llms.txt and /llms-full.txt (the llmstxt.org proposal): the handbook for assistants.

llms.txt is Markdown: the site's name as the only H1, a one-paragraph summary as a blockquote,
a few notes, then one H2 per section of the navigation with a line per page
(`- [Title](url): description`) pointing to the page's Markdown twin
(render/markdown_twin.py). Pages outside the navigation (tag pages) go under "Optional",
which the proposal reserves for what an assistant may skip. llms-full.txt is every twin, in
the same order.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

OPTIONAL = "Optional"


@dataclass(frozen=True)
class LlmsEntry:
    src_path: str
    title: str
    twin_url: str  # absolute URL of the page's Markdown twin
    description: str = ""


def nav_pages(nav: Any, section: str = "") -> Iterator[tuple[str, str]]:
    """(section title, source path) for every page of mkdocs.yml's `nav`, in its order. Pages
    at the top level belong to the section ''."""
    for item in nav if isinstance(nav, list) else []:
        if isinstance(item, str):
            yield section, item
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    yield section, value
                else:
                    yield from nav_pages(value, str(title))


def llms_txt(
    site_name: str,
    summary: str,
    notes: list[str],
    sections: list[tuple[str, list[LlmsEntry]]],
) -> str:
    lines = [f"# {site_name}", "", f"> {summary}", ""]
    lines += [*notes, ""]
    for title, entries in sections:
        if not entries:
            continue
        lines += [f"## {title}", ""]
        for entry in entries:
            line = f"- [{entry.title}]({entry.twin_url})"
            lines.append(f"{line}: {entry.description}" if entry.description else line)
        lines.append("")
    return "\n".join(lines)


def llms_full(site_name: str, summary: str, twins: list[str]) -> str:
    head = f"# {site_name}\n\n> {summary}\n"
    return "\n\n".join([head, *(twin.strip() + "\n" for twin in twins)])


def sectioned(
    nav: Any, entries: dict[str, LlmsEntry], home_section: str
) -> list[tuple[str, list[LlmsEntry]]]:
    """Entries grouped by navigation section, in navigation order; top-level pages under
    `home_section`; entries the navigation does not list under OPTIONAL, last."""
    groups: dict[str, list[LlmsEntry]] = {}
    listed = set()
    for section, src in nav_pages(nav):
        if src in entries and src not in listed:
            listed.add(src)
            groups.setdefault(section or home_section, []).append(entries[src])
    rest = [entry for src, entry in sorted(entries.items()) if src not in listed]
    return [*groups.items(), (OPTIONAL, rest)]
