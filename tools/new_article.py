"""Create a new article from a title and a section, and add it to the navigation.

    python tools/new_article.py --section concepts --title "Mixture of experts" [--tags text,architecture]
    make new-article SECTION=concepts TITLE="Mixture of experts" TAGS=text,architecture

The page gets valid front matter, a lead to replace, section headings, a "Related pages" list
and a self-check block, and is appended to its section in mkdocs.yml's `nav:`.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
from pathlib import Path

import yaml

from project import PROJECT

from handbook.load.article_scaffold import DESCRIPTION_TEMPLATE, TEMPLATE


def slugify(title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    if not slug:
        raise SystemExit("The title needs at least one letter or digit.")
    return slug


def section_title(nav: list, section: str) -> str:
    for item in nav:
        if isinstance(item, dict):
            for title, children in item.items():
                if isinstance(children, list) and f"{section}/index.md" in children:
                    return title
    known = sorted(path.parent.name for path in (PROJECT / "docs").glob("*/index.md"))
    raise SystemExit(
        f"'{section}' is not a section with a navigation entry. Use one of: {', '.join(known)}"
    )


def add_to_nav(config_text: str, section: str, page: str) -> str:
    """Insert `- page` after the last entry of the section whose list holds section/index.md."""
    lines = config_text.splitlines(keepends=True)
    index_line = next(i for i, line in enumerate(lines) if line.strip() == f"- {section}/index.md")
    indent = lines[index_line][: len(lines[index_line]) - len(lines[index_line].lstrip())]
    last = index_line
    for i in range(index_line + 1, len(lines)):
        line = lines[i]
        if line.strip() and not line.startswith(indent):
            break
        if line.startswith(f"{indent}- "):
            last = i
    lines.insert(last + 1, f"{indent}- {page}\n")
    return "".join(lines)


def create_article(title: str, section: str, tags: list[str], project: Path = PROJECT) -> Path:
    config_path = project / "mkdocs.yml"
    config_text = config_path.read_text(encoding="utf-8")
    nav = yaml.load(config_text, Loader=yaml.BaseLoader)["nav"]
    nav_title = section_title(nav, section)
    registry = {tag["name"] for tag in yaml.safe_load((project / "data" / "tags.yml").read_text())}
    unknown = [tag for tag in tags if tag not in registry]
    if unknown or not tags:
        raise SystemExit(
            f"Give --tags from data/tags.yml ({', '.join(sorted(registry))}); "
            f"unknown: {', '.join(unknown) or 'none given'}"
        )
    page = f"{section}/{slugify(title)}.md"
    target = project / "docs" / page
    if target.exists():
        raise SystemExit(f"docs/{page} already exists.")
    description = DESCRIPTION_TEMPLATE.format(title=title)
    target.write_text(
        TEMPLATE.format(
            title=title,
            title_yaml=_quote(title),
            description_yaml=_quote(description),
            tags=", ".join(tags),
            section_title=nav_title,
            reviewed=datetime.date.today().isoformat(),
            example_key="bommasani2021",
        ),
        encoding="utf-8",
    )
    config_path.write_text(add_to_nav(config_text, section, page), encoding="utf-8")
    return target


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--title", required=True)
    parser.add_argument("--section", required=True, help="folder under docs/, e.g. concepts")
    parser.add_argument("--tags", default="basics", help="comma-separated names from data/tags.yml")
    args = parser.parse_args(argv)
    tags = [tag.strip() for tag in args.tags.split(",") if tag.strip()]
    path = create_article(args.title, args.section, tags)
    print(f"Created {path.relative_to(PROJECT)} and added it to the navigation in mkdocs.yml.")
    print("Replace the placeholder text, then run `make serve` to see it.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
