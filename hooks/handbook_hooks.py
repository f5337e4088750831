"""MkDocs event glue for the handbook: which step of the pipeline (hooks/handbook/) runs when.

    on_pre_build ......... load/ (data and front matter, validated), generate/ (pages in memory)
    on_files ............. the generated pages join MkDocs' files (staged files for live preview)
    on_page_markdown ..... render/article_markdown.py: markers and citations
    on_page_content ...... formulas queued for typesetting, glossary links (render/)
    on_env ............... math swapped in, check/link_hints.py, the glossary's "used on" lists
    on_post_page ......... render/html_repairs.py, render/deferred_details.py (collapsed
                           derivations, solutions, answers, programs: a script beside the page)
    on_post_build ........ render/search_index.py, render/palette_css.py, render/theme_css.py,
                           Markdown twins and llms.txt (render/markdown_twin.py,
                           generate/llms_txt.py)
Event parameters after the first are keyword-only, as MkDocs passes them. `serve` does not
reload the package: restart it after editing anything in hooks/.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime
import json
import logging
import os
import posixpath
from pathlib import Path

from markdown import markdown as render_markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

import handbook.generate.llms_txt
import handbook.generate.preview_images
import handbook.render.markdown_twin
from handbook.check.link_hints import DocLink, broken_links, find_doc_links, heading_ids
from handbook.generate.faq_schema import faq_structured_data
from handbook.generate.generated_pages import GeneratedPage
from handbook.generate.generation_step import Generation, data_files, generate
from handbook.generate.glossary_page import letters_only
from handbook.generate.llms_txt import LlmsEntry, llms_full, llms_txt, nav_pages, sectioned
from handbook.generate.page_actions import report_problem_url, source_file
from handbook.generate.page_citation import page_citation
from handbook.generate.preview_images import section_previews
from handbook.generate.redirect_pages import redirect_file, redirect_page
from handbook.generate.share_meta import share_meta
from handbook.generate.tag_pages import sections_from_nav
from handbook.generate.whats_new import Release, latest_additions, site_feed
from handbook.load.build_errors import HandbookDataError
from handbook.load.build_stamp import build_stamp
from handbook.load.freshness import REVIEW_INTERVAL_MONTHS, review_due, reviewed_label
from handbook.load.handbook_data import DataPaths, unused_tags
from handbook.load.handbook_models import Handbook
from handbook.load.page_history import last_changed
from handbook.paths import (
    BIBLIOGRAPHY_PATH,
    CHANGELOG,
    DATA_DIR,
    FEED_PATH,
    GLOSSARY_PATH,
    LLMS_FULL_TXT,
    LLMS_TXT,
    NOTATION_PATH,
    PREVIEW_IMAGES_DIR,
    SEARCH_MATERIAL_INDEX,
    TAGS_INDEX,
    TIMELINE_PATH,
    WHATS_NEW_PATH,
    tag_page_path,
    url_of,
)
from handbook.preview.live_preview import (
    fingerprint,
    memory_for,
    quiet_dirty_warning,
    stage_page,
    staging_folder,
    templates,
)
from handbook.preview.serve_errors import guard_server
from handbook.render.deferred_details import defer_details, script_name, unsearched
from handbook.render.html_repairs import repair_page, unwrap_document
from handbook.render.markdown_twin import TwinPage, markdown_twin, twin_path
from handbook.render.math_svg import (
    finish_typesetting,
    formulas_in,
    queue_formulas,
    stop_typesetting,
    typeset_math,
    use_disk_cache,
)
from handbook.render.page_markers import leftover_marker
from handbook.render.page_render import PageRender
from handbook.render.palette_css import palette_subset, used_colours
from handbook.render.render_cache import RenderCache, cache_folder, source_digest
from handbook.render.search_index import (
    PageInfo,
    build_search_index,
    search_files,
    search_index_version,
)
from handbook.render.theme_css import class_values, theme_subset, used_classes

log = logging.getLogger("mkdocs.hooks.handbook")
markdown_twin_module = handbook.render.markdown_twin.__file__
llms_txt_module = handbook.generate.llms_txt.__file__
preview_images_module = handbook.generate.preview_images.__file__


class BuildState:
    """What one build knows; made fresh in on_config because `serve` keeps this module loaded."""

    def __init__(self, config: MkDocsConfig):
        self.paths = DataPaths(
            root=Path(config.config_file_path).parent, docs_dir=Path(config.docs_dir)
        )
        self.generation: Generation | None = None  # generate(): data, pages, redirects
        self.handbook: Handbook | None = None
        self.render: PageRender | None = None  # markers, citations, glossary links, used-on
        self.generated: dict[str, GeneratedPage] = {}
        self.urls: dict[str, str] = {}  # generated page -> its URL, for tag chips
        self.last_changed: dict[str, str] = {}  # repository path -> date of its last commit
        self.doc_links: dict[str, list[DocLink]] = {}  # article -> its links to pages/anchors
        self.releases: list[Release] | None = None  # CHANGELOG.md: What's new and its feed
        self.redirects: dict[str, str] = {}  # data/redirects.yml: old page -> current page
        self.open_data: dict[str, str] = {}  # data files published with the site -> text
        self.search_pages: dict[str, PageInfo] = {}  # page URL -> section and kind, for search
        self.pages: list[Page] = []  # every page of the site, rendered in this build or not
        self.math_pages: dict[tuple[str, bool], str] = {}  # formula -> first page using it
        self.render_problems: list[str] = []  # reported together at on_env (finish_render)
        self.twins: dict[str, TwinPage] = {}  # page -> its expanded Markdown, for its twin
        self.sections: dict[str, tuple[str, str]] = {}  # preview image slug -> title, description
        self.class_values: set[str] = set()  # class attributes of the finished pages (theme_css.py)
        # Live preview (live_preview.py): earlier builds of this project in this process, and
        # the files outside docs/ whose change makes the next build render every page.
        self.memory = memory_for(config.config_file_path)
        self.inputs = fingerprint(
            [Path(path) for path in config.watch]
            + [Path(config.config_file_path), self.paths.changelog]
        )
        # The render cache (render_cache.py), or None when HANDBOOK_CACHE=off.
        self.cache = cache = cache_folder(self.paths.root, os.environ)
        self.staging = staging_folder(cache, self.paths.docs_dir) if cache else None
        self.search_cache = RenderCache(cache / "search", search_index_version()) if cache else None
        # Twins, llms files and share images: pure functions of their inputs, kept between
        # builds like the search index (a warm build writes them without remaking them).
        self.published_cache = (
            RenderCache(cache / "published", published_version()) if cache else None
        )


state: BuildState | None = None
serving = False  # `mkdocs serve`: no theme subset (pages not re-rendered keep stale classes)


# Features that fetch pages or JSON at run time; they cannot work from file://.
FETCHING_FEATURES = (
    "navigation.instant",
    "navigation.instant.prefetch",
    "navigation.instant.progress",
    "navigation.instant.preview",
)


# Material for MkDocs 9 announces its end of life for this day (material/templates/__init__.py
# prints a ten-line box, which NO_MKDOCS_2_WARNING in the Makefile hides); this line replaces it.
MATERIAL_END_OF_LIFE = datetime.date(2027, 5, 5)


def platform_notice(today: datetime.date) -> str:
    days = (MATERIAL_END_OF_LIFE - today).days
    when = f"in {days} days" if days > 0 else "now"
    return (
        f"Platform: Material for MkDocs 9 reaches end of life on {MATERIAL_END_OF_LIFE} ({when}); "
        "`make build-zensical` builds the same sources with Zensical. README, 'Platform'."
    )


def on_startup(*, command: str, dirty: bool) -> None:
    global serving
    serving = command == "serve"
    log.info(platform_notice(datetime.date.today()))
    if dirty:
        quiet_dirty_warning()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global state
    state = BuildState(config)
    use_disk_cache(state.cache)
    stamp = build_stamp(state.paths.root, os.environ, default_version="dev")
    config.extra["build"] = stamp.as_dict()
    if config.extra.get("offline"):
        config.theme["features"] = [
            feature
            for feature in config.theme.get("features", [])
            if feature not in FETCHING_FEATURES
        ]
        config.extra.pop("version", None)  # the selector fetches ../versions.json
    return config


def on_pre_build(*, config: MkDocsConfig) -> None:
    # Runs before MkDocs cleans site/, so bad data stops the build with the old site intact.
    try:
        generation = generate(state.paths, config.nav)
    except HandbookDataError as error:
        raise PluginError(error.report()) from None
    state.generation = generation
    state.handbook, state.generated = generation.handbook, generation.pages
    state.releases, state.redirects = generation.releases, generation.redirects
    state.render = PageRender(state.handbook)
    state.last_changed = last_changed(state.paths.root, ("docs", DATA_DIR, CHANGELOG))
    due = review_due(state.handbook, datetime.date.today())
    if due:
        log.info(
            "%d pages and dataset rows were last reviewed more than %d months ago, or never "
            "(oldest: %s). make freshness lists them all.",
            len(due),
            REVIEW_INTERVAL_MONTHS,
            due[0].where,
        )
    unused = [tag.name for tag in unused_tags(state.handbook)]
    if unused:
        log.info("Tags in data/tags.yml used by no page yet: %s", ", ".join(unused))


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for page in state.generated.values():
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        if state.staging is None:
            file = File.generated(config, page.src_path, content=page.markdown, inclusion=inclusion)
        else:  # a file with a date, so that a dirty build renders it only when it changed
            staged = stage_page(state.staging, page.src_path, page.markdown)
            file = File.generated(
                config, page.src_path, abs_src_path=str(staged), inclusion=inclusion
            )
        file.edit_uri = page.edit_path
        files.append(file)
        state.urls[page.src_path] = file.url
    if state.releases is not None:
        files.append(File.generated(config, FEED_PATH, content=whats_new_feed(config)))
    add_published_files(files, config)
    if state.memory.inputs_changed(state.inputs):
        # Data, templates or mkdocs.yml changed since the last build: a dirty build must
        # render every page too. (Only dirty builds ask; a normal build renders all anyway.)
        for file in files:
            file.is_modified = lambda: True
    return files


def add_published_files(files: Files, config: MkDocsConfig) -> None:
    """What the handbook publishes besides pages: the open data, the pages left at moved
    pages' old addresses, the glossary's short definitions (for the tips on glossary links)
    and the sections' share preview images."""
    release = config.extra["build"]["version"]
    state.open_data = data_files(state.generation, release_url=release_url(config), release=release)
    for path, text in state.open_data.items():
        files.append(File.generated(config, path, content=text))
    for old, new in state.redirects.items():
        title = state.handbook.articles[new].title if new in state.handbook.articles else new
        page = redirect_page(old, new, title, config.site_url or "")
        files.append(File.generated(config, redirect_file(old), content=page))
    state.sections = preview_sections(config)
    sections = [(slug, title, text) for slug, (title, text) in state.sections.items()]

    def draw() -> dict[str, str]:
        images = section_previews(sections, config.site_name)
        return {name: base64.b64encode(image).decode() for name, image in images.items()}

    inputs = json.dumps([sections, config.site_name])
    drawn = memo(draw, inputs)
    for name, image in drawn.items():
        files.append(
            File.generated(config, f"{PREVIEW_IMAGES_DIR}/{name}", content=base64.b64decode(image))
        )


def memo(make, *inputs: str) -> dict[str, str]:
    """`make()`, or what it returned for the same inputs in an earlier build."""
    return state.published_cache.memo(make, *inputs) if state.published_cache else make()


def published_version() -> str:
    """What the twins, llms files and share images depend on besides their inputs: the code
    that makes them, and Pillow's version (its rasteriser draws the images)."""
    from importlib import metadata

    modules = [markdown_twin_module, llms_txt_module, preview_images_module]
    return " ".join(
        ["published", f"pillow {metadata.version('pillow')}", source_digest(*map(Path, modules))]
    )


def preview_sections(config: MkDocsConfig) -> dict[str, tuple[str, str]]:
    """One preview image per top-level section of the navigation (named by its folder), and
    one for the home page and everything outside the sections."""
    sections = {"home": (config.site_name, config.site_description or "")}
    for section, src in nav_pages(config.nav or []):
        folder = src.split("/")[0]
        if section and src == f"{folder}/index.md" and folder not in sections:
            article = state.handbook.articles.get(src)
            sections[folder] = (section, article.description if article else "")
    return sections


def preview_slug(src_path: str) -> str:
    folder = src_path.split("/")[0]
    return folder if folder in state.sections else "home"


def release_url(config: MkDocsConfig) -> str:
    """This release's address: site_url/RELEASE/ (mike publishes each release there)."""
    site = config.site_url or ""
    return f"{site}{config.extra['build']['version']}/" if site else ""


def whats_new_feed(config: MkDocsConfig) -> str:
    dated_by = (state.last_changed.get(CHANGELOG), config.extra["build"]["date"])
    return site_feed(state.releases, config.site_url, dated_by, render_markdown)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    src_path = page.file.src_uri
    if src_path not in state.generated:
        state.doc_links[src_path] = find_doc_links(page.file.content_string, src_path)
        bibliography = files.get_file_from_path(BIBLIOGRAPHY_PATH)
        bibliography_href = get_relative_url(bibliography.url, page.url)
        markdown = state.render.markdown(markdown, src_path, bibliography_href)
    # The twin's addresses are the web's, in the offline edition too (whose file names differ).
    state.twins[src_path] = TwinPage(src_path, url_of(src_path), page.title or "", markdown)
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    src_path = page.file.src_uri
    html = unwrap_document(html)  # mkdocs-glightbox ran first (html_repairs.py)
    # Typeset in worker processes while pages are read; swapped in at on_env (math_svg.py).
    formulas = formulas_in(html)
    for formula in formulas:
        state.math_pages.setdefault(formula, src_path)
    queue_formulas(formulas)
    marker = leftover_marker(html)
    if marker:  # reported with every other render problem at on_env (finish_render)
        state.render_problems.append(
            f"docs/{src_path}: the marker '{marker}' was not expanded. Fix: put it "
            "on a line of its own at the left margin, outside lists and admonitions."
        )
    # mkdocs-glightbox's own per-page switch, read at on_post_page: no lightbox tags in any
    # page; handbook.js loads the library where an image needs it (it has already run
    # on_page_content, so images are still wrapped for it).
    page.meta["glightbox"] = False
    if src_path == GLOSSARY_PATH:
        page.toc.items = letters_only(page.toc.items)
    if src_path in state.generated:
        return html
    html = unsearched(html)  # before Material's search reads the page (on_page_context)
    glossary = files.get_file_from_path(GLOSSARY_PATH)
    return state.render.link(
        html,
        src_path,
        get_relative_url(glossary.url, page.url),
        href_from_glossary=get_relative_url(page.url, glossary.url),
        title=page.title or page.url,
    )


# Before mkdocs-minify-plugin (priority 0), so the repairs match Material's own markup.
@event_priority(50)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    twin = posixpath.basename(twin_path(page.url))
    deferred = defer_details(repair_page(output), twin)
    for html in (deferred.html, *deferred.parts):  # split into names once, at on_post_build
        state.class_values.update(class_values(html))
    if deferred.script is not None:  # collapsed bodies, loaded when opened
        script = Path(page.file.abs_dest_path)
        script = script.with_name(script_name(script.name))
        script.parent.mkdir(parents=True, exist_ok=True)
        script.write_text(deferred.script, encoding="utf-8")
    return deferred.html


@event_priority(50)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    # Static templates (404.html) are whole pages that never pass through on_post_page.
    if not template_name.endswith(".html"):
        return output_content
    output_content = repair_page(output_content)
    state.class_values.update(class_values(output_content))
    return output_content


def on_env(env, *, config: MkDocsConfig, files: Files):
    # All pages have rendered by now (in a dirty build, those that changed): every anchor id
    # is known, and the glossary's "used on" lists are complete.
    env.bytecode_cache = templates  # compiled once per process (live_preview.py)
    state.pages = [file.page for file in files.documentation_pages() if file.page is not None]
    finish_render()
    check_doc_links()
    state.search_pages = search_pages(files, config.nav or [])
    glossary_page = files.get_file_from_path(GLOSSARY_PATH).page
    if glossary_page.content is None:
        return env  # a dirty build that left the glossary as it was
    glossary_page.content = state.render.glossary(glossary_page.content)
    unused = state.render.unused_terms()
    if unused:
        log.info(
            "Glossary terms used by no article (use them, or set reference_only: true): %s",
            ", ".join(unused),
        )
    return env


def finish_render() -> None:
    """Math as SVG in every rendered page, once the queued formulas are typeset. All problems
    of the render stage stop the build together: each leftover marker, and each formula that
    cannot be typeset (with the first page using it)."""
    errors = finish_typesetting()
    problems = state.render_problems + [
        f"docs/{state.math_pages[formula]}: {error}. Fix: correct the LaTeX."
        for formula, error in errors.items()
    ]
    if problems:
        raise PluginError("\n".join(problems))
    for page in state.pages:
        if page.content is not None:
            page.content = typeset_math(page.content)


def on_build_error(*, error: Exception) -> None:
    stop_typesetting()  # no worker processes left behind a failed build


def check_doc_links() -> None:
    """Stop the build on a broken page link or anchor, naming its line and the closest target.

    A dirty build renders only edited pages; the others' ids come from earlier builds."""
    memory, pages = state.memory, state.pages
    for page in pages:
        if page.content is not None:
            memory.anchors[page.file.src_uri] = set(page.present_anchor_ids or ())
            memory.headings[page.file.src_uri] = heading_ids(page.toc)
    sources = [page.file.src_uri for page in pages]
    problems = broken_links(
        state.doc_links,
        anchors={source: memory.anchors.get(source, set()) for source in sources},
        headings={source: memory.headings.get(source, []) for source in sources},
    )
    if problems:
        raise PluginError(HandbookDataError(problems).report())


# After Material's search plugin (and the offline plugin) wrote their index files.
@event_priority(-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    if all(page.content is not None for page in state.pages):
        write_search_index(config)
        write_for_assistants(config)
    # else a dirty build: the index of the last full build stays (live_preview.py)
    trim_palette(config)
    if not serving:
        trim_theme_css(config)
    state.memory.inputs = state.inputs


def write_for_assistants(config: MkDocsConfig) -> None:
    """Every page's Markdown twin, /llms.txt and /llms-full.txt (README, "For assistants").
    The offline edition also gets each twin as a script, which "Copy page as Markdown"
    loads where file:// forbids fetching."""
    site, base = Path(config.site_dir), release_url(config)
    release = config.extra["build"]["version"]
    offline = bool(config.extra.get("offline"))
    pages = []
    for page in state.pages:
        twin = state.twins[page.file.src_uri]
        if twin.src_path == GLOSSARY_PATH:  # its "used on" lists, as the page shows them
            twin = dataclasses.replace(twin, markdown=state.render.glossary(twin.markdown))
        pages.append((twin, page.url, page.meta.get("description", "")))
    entries = open_data_entries(base)

    def make() -> dict[str, str]:
        return assistant_files(config, pages, entries, base, release, offline)

    inputs = json.dumps(
        [
            [[t.src_path, t.url, t.title, t.markdown, url, text] for t, url, text in pages],
            [[e.src_path, e.title, e.twin_url, e.description] for e in entries],
        ]
    )
    files = memo(make, inputs, base, release, str(offline), json.dumps(config.nav or []))
    for path, text in files.items():
        (site / path).write_text(text, encoding="utf-8")


def assistant_files(config, pages, open_data, base, release, offline) -> dict[str, str]:
    """Site path -> text of every twin (and, offline, its script) and of both llms files."""
    files, texts, entries = {}, {}, {}
    for twin, local_url, description in pages:
        text = texts[twin.src_path] = markdown_twin(twin, base, release)
        files[twin_path(local_url)] = text
        if offline:
            script = f"window.hbMarkdown = {json.dumps(text)};\n".replace("</", "<\\/")
            files[twin_path(local_url) + ".js"] = script
        entries[twin.src_path] = LlmsEntry(
            twin.src_path, twin.title, f"{base}{twin_path(twin.url)}", description
        )
    sections = sectioned(config.nav or [], entries, home_section="Start here")
    sections.insert(-1, ("Open data", open_data))
    notes = [
        f"Release {release}. Every page below links to its Markdown twin (the HTML page is the "
        "same address without `index.md`); math is LaTeX, citations are numbered links to the "
        "bibliography. The data behind the glossary, the bibliography and the comparison "
        "tables is published as JSON, each file with its JSON Schema. Text and data: "
        "CC BY 4.0; code: MIT.",
    ]
    summary = config.site_description or ""
    files[LLMS_TXT] = llms_txt(config.site_name, summary, notes, sections)
    ordered = [texts[e.src_path] for _, group in sections for e in group if e.src_path in texts]
    files[LLMS_FULL_TXT] = llms_full(config.site_name, summary, ordered)
    return files


def open_data_entries(base: str) -> list[LlmsEntry]:
    """llms.txt's lines for the open data: each data file with its title and description (the
    schemas are named in each file's `$schema`)."""
    entries = []
    for path, text in state.open_data.items():
        if path.endswith(".json") and not path.endswith(".schema.json"):
            document = json.loads(text)
            title = f"{document['title']} (JSON)"
            entries.append(LlmsEntry(path, title, f"{base}{path}", document["description"]))
        elif path.endswith(".bib"):
            entries.append(LlmsEntry(path, "References (BibTeX)", f"{base}{path}", ""))
    return entries


def trim_palette(config: MkDocsConfig) -> None:
    """Material's palette.css keeps only the colours theme.palette uses (palette_css.py)."""
    palette = config.theme.get("palette")
    if not palette:
        return
    used = used_colours(palette)
    for path in (Path(config.site_dir) / "assets" / "stylesheets").glob("palette.*.css"):
        path.write_text(palette_subset(path.read_text(encoding="utf-8"), used), encoding="utf-8")


def trim_theme_css(config: MkDocsConfig) -> None:
    """Material's main.css keeps the rules whose classes the pages or scripts use (theme_css.py)."""
    site = Path(config.site_dir)
    scripts = [path.read_text(encoding="utf-8") for path in (site / "assets").rglob("*.js")]
    used = used_classes(state.class_values, scripts)
    stylesheets = sorted((site / "assets" / "stylesheets").glob("*.css"))
    for path in (path for path in stylesheets if path.name.startswith("main.")):
        others = [other.read_text(encoding="utf-8") for other in stylesheets if other != path]
        css = theme_subset(
            path.read_text(encoding="utf-8"), used, elsewhere="".join(others + scripts)
        )
        path.write_text(css, encoding="utf-8")


def write_search_index(config: MkDocsConfig) -> None:
    """Replace Material's full-text search index with the handbook's (hooks/handbook/render/search_index.py),
    read by overrides/assets/javascripts/search-engine.js."""
    site = Path(config.site_dir)
    written = (site / SEARCH_MATERIAL_INDEX).read_text(encoding="utf-8")
    material = json.loads(written)
    names = {term.anchor: term.names for term in state.handbook.terms.values()}
    offline = bool(config.extra.get("offline"))

    def make() -> dict[str, str]:
        index = build_search_index(material["docs"], state.search_pages, names)
        return search_files(index, material["config"], offline)

    # A pure function of the pages' text (Material's file as written) and what the hook adds:
    # a build that changed no text reuses the last index.
    pages = {url: [info.section, info.kind] for url, info in state.search_pages.items()}
    added = json.dumps([pages, names, offline], sort_keys=True, ensure_ascii=False)
    files = state.search_cache.memo(make, written, added) if state.search_cache else make()
    for path, text in files.items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


# Pages that search ranks below articles (search_index.KIND_PRIOR): they list or index what
# the articles explain.
SEARCH_KINDS = {
    GLOSSARY_PATH: "glossary",
    BIBLIOGRAPHY_PATH: "bibliography",
    TIMELINE_PATH: "timeline",
    WHATS_NEW_PATH: "whats-new",
    NOTATION_PATH: "notation",
    TAGS_INDEX: "tags",
}


def search_pages(files: Files, nav: list) -> dict[str, PageInfo]:
    """Each page's URL -> its navigation section and kind, for the search index."""
    sections = sections_from_nav(nav)
    tag_pages = {tag_page_path(name) for name in state.handbook.tags}
    pages = {}
    for file in files.documentation_pages():
        source = file.src_uri
        if source in SEARCH_KINDS:
            kind = SEARCH_KINDS[source]
        elif source in tag_pages:
            kind = "tags"
        elif source == "index.md":
            kind = "home"
        elif source.endswith("/index.md"):
            kind = "section"
        else:
            kind = "article"
        # Tag pages stay out of the navigation: they sit where the tags overview does.
        section = sections.get(TAGS_INDEX if source in tag_pages else source, "")
        # page.url is the location Material's search writes ("" for the home page, whose
        # file.url is "./").
        pages[file.page.url if file.page else file.url] = PageInfo(section, kind)
    return pages


def on_serve(server, *, config: MkDocsConfig, builder):
    # A failed rebuild shows its messages in the browser and recovers once fixed.
    return guard_server(server)


def on_page_context(context, *, page: Page, config: MkDocsConfig, nav):
    generated = state.generated.get(page.file.src_uri)
    source = source_file(page.file.src_uri, generated.data_file if generated else None)
    article = state.handbook.articles.get(page.file.src_uri)
    reviewed = article.reviewed if article else ""
    citation = cite_page(page, config) if article is not None else None
    context["hb_page"] = {
        "head_meta": head_meta(page, config, citation),
        "citation": citation,
        "reviewed": {"day": reviewed, "label": reviewed_label(reviewed)} if reviewed else None,
        "faq_json_ld": faq_structured_data(page.content or ""),
        "last_updated": state.last_changed.get(source),
        "report_url": report_problem_url(
            config.repo_url or "",
            page.meta.get("title") or page.title or "",
            (config.site_url or "") + page.url,
            config.extra["build"]["version"],
        ),
    }
    if page.is_homepage:
        context["hb_page"]["whats_new"] = home_whats_new(page)
    # Material's partials/tags.html renders `tags` (name + url) above the content.
    if article is not None and article.tags:
        context["tags"] = [
            {"name": state.handbook.tags[name].title, "url": state.urls[tag_page_path(name)]}
            for name in article.tags
        ]
    return context


# How many of the newest release's additions the home page lists.
HOME_WHATS_NEW = 4


def home_whats_new(page: Page) -> dict | None:
    """The home page's "What's new": the newest release's first additions (CHANGELOG.md) and
    links to the whole list and its feed."""
    latest = latest_additions(state.releases or [], HOME_WHATS_NEW)
    if latest is None:
        return None
    release, items = latest
    return {
        "title": release.title,
        "items": [render_markdown(item) for item in items],
        "page_url": get_relative_url(state.urls[WHATS_NEW_PATH], page.url),
        "feed_url": get_relative_url(FEED_PATH, page.url),
    }


def cite_page(page: Page, config: MkDocsConfig):
    return page_citation(
        src_path=page.file.src_uri,
        title=page.meta.get("title") or page.title or "",
        url=f"{release_url(config)}{page.url}",
        site_name=config.site_name,
        release=config.extra["build"]["version"],
        date=config.extra["build"]["date"],
    )


def head_meta(page: Page, config: MkDocsConfig, citation) -> list[tuple[str, str, str]]:
    """Share previews (Open Graph, Twitter) on every page; on articles (which have a
    `citation`), Highwire citation tags."""
    base = release_url(config)
    slug = preview_slug(page.file.src_uri)
    section_title = state.sections[slug][0]
    tags = share_meta(
        title=page.meta.get("title") or page.title or config.site_name,
        description=page.meta.get("description") or config.site_description or "",
        url=f"{base}{page.url}",
        site_name=config.site_name,
        image_url=f"{base}{PREVIEW_IMAGES_DIR}/{slug}.png",
        image_alt=f"{config.site_name}: {section_title}",
        is_article=citation is not None,
    )
    if citation is not None:
        tags += [("name", name, content) for name, content in citation.meta]
    return tags
