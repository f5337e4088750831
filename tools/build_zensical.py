"""Build the handbook with Zensical, Material's successor, from the same sources.

    make build-zensical     (the site in dist/zensical-site/)

Zensical reads mkdocs.yml and runs Python-Markdown extensions, but no MkDocs hooks. So the
handbook's work is split the other way round from the MkDocs build:

1. Generate (this script, in the project's .venv): the pages made from data (glossary, tag
   pages, bibliography, notation, what's new) are written as files, and every authored page
   is written with its markers and citations expanded (the same functions the MkDocs hook
   calls), into a staging project under .cache/zensical/. The glossary's "used on" lists are
   filled from the articles rendered once with the project's own Markdown extensions.
2. Render (Zensical, in .venv-zensical): hooks/handbook/render/render_extension.py, added to the staged
   mkdocs.yml's `markdown_extensions`, typesets math and links glossary terms in each page.

README, "Platform", lists what still differs from the MkDocs build.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml
from markdown import Markdown
from markdown import markdown as markdown_to_html
from mkdocs.utils.yaml import yaml_load

from project import HOOKS, PROJECT

from handbook.generate.generation_step import data_files, generate
from handbook.generate.whats_new import site_feed
from handbook.load.build_errors import HandbookDataError
from handbook.load.build_stamp import build_stamp
from handbook.load.handbook_data import DataPaths
from handbook.load.markdown_scan import split_front_matter
from handbook.load.page_history import last_changed
from handbook.paths import (
    BIBLIOGRAPHY_PATH,
    CHANGELOG,
    FEED_PATH,
    GLOSSARY_PATH,
    ZENSICAL_OUTPUT_DIR,
    ZENSICAL_STAGING_DIR,
)
from handbook.render.page_render import PageRender
from handbook.render.render_extension import href_in_source, page_hint

STAGING = PROJECT / ZENSICAL_STAGING_DIR
OUTPUT = PROJECT / ZENSICAL_OUTPUT_DIR
ZENSICAL = PROJECT / ".venv-zensical" / "bin" / "zensical"
# Options Zensical does not know or that belong to the MkDocs build only.
MKDOCS_ONLY = ("hooks", "watch")


def stage(project: Path, staging: Path) -> Path:
    """Write the staging project (docs/, overrides/, mkdocs.yml); return its config."""
    config = yaml_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    generation = generate(DataPaths(root=project, docs_dir=project / "docs"), config.get("nav"))

    if staging.exists():
        shutil.rmtree(staging)
    shutil.copytree(project / "docs", staging / "docs")
    shutil.copytree(project / "overrides", staging / "overrides")

    markdown = Markdown(
        extensions=[_name(entry) for entry in config["markdown_extensions"]],
        extension_configs={
            _name(entry): entry[_name(entry)]
            for entry in config["markdown_extensions"]
            if isinstance(entry, dict)
        },
    )
    render = PageRender(generation.handbook)
    nav_titles = dict(_nav_titles(config.get("nav") or []))
    for path in sorted((staging / "docs").rglob("*.md")):
        src = path.relative_to(staging / "docs").as_posix()
        text = path.read_text(encoding="utf-8")
        front_matter, body, _ = split_front_matter(text)
        front = text[: len(text) - len(body)]
        body = render.markdown(body, src, href_in_source(BIBLIOGRAPHY_PATH, src))
        path.write_text(f"{front}{body}\n\n{page_hint(src)}", encoding="utf-8")
        # What the MkDocs hook learns at on_page_content: which terms each page mentions. The
        # linked HTML itself is made again by Zensical (render_extension.py).
        render.link(
            markdown.reset().convert(body),
            src,
            "",
            href_from_glossary=href_in_source(src, GLOSSARY_PATH),  # in the glossary's HTML
            title=nav_titles.get(src) or _title(front_matter, body, src),
        )

    for page in generation.pages.values():
        target = staging / "docs" / page.src_path
        target.parent.mkdir(parents=True, exist_ok=True)
        text = render.glossary(page.markdown) if page.src_path == GLOSSARY_PATH else page.markdown
        target.write_text(text, encoding="utf-8")

    # What the MkDocs hook adds at on_config and on_files: the build stamp in the footer, and
    # the What's new feed.
    stamp = build_stamp(project, os.environ, default_version="dev")
    config.setdefault("extra", {})["build"] = stamp.as_dict()
    dated_by = (last_changed(project, (CHANGELOG,)).get(CHANGELOG), stamp.date)
    if generation.releases is not None:
        feed = site_feed(generation.releases, config.get("site_url"), dated_by, markdown_to_html)
        (staging / "docs" / FEED_PATH).write_text(feed, encoding="utf-8")

    # The open data and the glossary tips' definitions, which the MkDocs hook adds at on_files.
    release_url = f"{config.get('site_url') or ''}{stamp.version}/"
    for path, text in data_files(
        generation, release_url=release_url, release=stamp.version
    ).items():
        (staging / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (staging / "docs" / path).write_text(text, encoding="utf-8")

    for key in MKDOCS_ONLY:
        config.pop(key, None)
    config["markdown_extensions"].append(
        {"handbook.render.render_extension": {"project": str(project)}}
    )
    staged = staging / "mkdocs.yml"
    staged.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return staged


def _name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def _nav_titles(nav):
    """(page, title) for every page the navigation names itself ("Home: index.md"): MkDocs
    prefers that title to the page's own."""
    for entry in nav if isinstance(nav, list) else []:
        if isinstance(entry, dict):
            for title, target in entry.items():
                if isinstance(target, str):
                    yield target, title
                else:
                    yield from _nav_titles(target)


def _title(front_matter: str | None, body: str, src: str) -> str:
    """The page's title as MkDocs gives it otherwise: front matter, else the first heading."""
    meta = yaml.safe_load(front_matter) if front_matter else None
    if isinstance(meta, dict) and meta.get("title"):
        return str(meta["title"])
    for line in body.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return src


def build(staged: Path, output: Path) -> float:
    """Run Zensical on the staged project; copy its site to `output`. Returns seconds."""
    if not ZENSICAL.exists():
        raise SystemExit(
            f"{ZENSICAL} is missing. Fix: run `make build-zensical`, which installs Zensical "
            "(requirements-zensical.lock) into .venv-zensical/."
        )
    env = {**os.environ, "PYTHONPATH": str(HOOKS)}
    start = time.perf_counter()
    result = subprocess.run(
        [str(ZENSICAL), "build", "--clean", "--strict", "-f", str(staged)],
        cwd=staged.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(
            f"Zensical could not build the staged handbook ({staged}):\n"
            + (result.stderr or result.stdout)[-4000:]
        )
    if output.exists():
        shutil.rmtree(output)
    shutil.copytree(staged.parent / "site", output)
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--staging", type=Path, default=STAGING, help="scratch project folder")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        staged = stage(PROJECT, args.staging)
    except HandbookDataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    staged_in = time.perf_counter() - start
    seconds = build(staged, args.output)
    pages = len(list(args.output.rglob("index.html")))
    print(
        f"Zensical built {pages} pages into {args.output} "
        f"(generation {staged_in:.1f} s, Zensical {seconds:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
