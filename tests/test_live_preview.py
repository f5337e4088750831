"""Live preview renders only what an edit changed, and stays correct (hooks/handbook/preview/live_preview.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import jinja2

from handbook.preview.live_preview import (
    SiteMemory,
    TemplateMemory,
    fingerprint,
    stage_page,
    staging_folder,
)

# Builds the way `mkdocs serve --dirty` does (serve.py: a fresh config per build, on_startup
# once with dirty=True, build(dirty=True)), in its own process so module state is its own.
# Prints, as JSON, each output page's modification time after each step.
DIRTY_SERVE = textwrap.dedent(
    """
    import json, logging, os, sys
    from pathlib import Path
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.basicConfig(level=logging.INFO)
    site = sys.argv[1]
    first = load_config("mkdocs.yml", site_dir=site)
    first.plugins.on_startup(command="serve", dirty=True)
    for step in sys.stdin:
        config = load_config("mkdocs.yml", site_dir=site)
        build(config, serve_url="http://127.0.0.1:8000/handbook/", dirty=True)
        times = {
            str(path.relative_to(site)): path.stat().st_mtime_ns
            for path in Path(site).rglob("index.html")
        }
        print(json.dumps(times), flush=True)
    """
)


class DirtyServe:
    """A process that rebuilds the project dirty each time it is asked."""

    def __init__(self, root: Path, site: Path):
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_MINIFY": "false"}
        self.process = subprocess.Popen(
            [sys.executable, "-c", DIRTY_SERVE, str(site)],
            cwd=root,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def build(self) -> dict[str, int]:
        self.process.stdin.write("build\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            self.process.wait(timeout=60)
            raise AssertionError(f"dirty build failed:\n{self.process.stderr.read()[-3000:]}")
        return json.loads(line)

    def close(self) -> str:
        if not self.process.stdin.closed:
            self.process.stdin.close()
        self.process.wait(timeout=60)
        log = self.process.stderr.read()
        self.process.stdout.close()
        self.process.stderr.close()
        return log


def rendered(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {page for page, when in after.items() if before.get(page) != when}


def test_dirty_builds_render_the_edited_page_and_everything_after_a_data_edit(
    project_copy, tmp_path
):
    article = project_copy / "docs" / "model-families" / "gans.md"
    serve = DirtyServe(project_copy, tmp_path / "site")
    try:
        first = serve.build()
        assert len(first) > 80

        time.sleep(0.05)  # a later modification time than the outputs
        # A link to an anchor on a page this build does not render: its ids are remembered.
        with article.open("a", encoding="utf-8") as handle:
            handle.write(
                "\nA live-preview edit, see [the bound](vaes.md#the-evidence-lower-bound).\n"
            )
        second = serve.build()
        assert rendered(first, second) == {"model-families/gans/index.html"}
        page = (tmp_path / "site" / "model-families" / "gans" / "index.html").read_text()
        assert "A live-preview edit" in page

        # A data edit can change any page: every page renders.
        time.sleep(0.05)
        table = project_copy / "data" / "tables" / "systems.yml"
        table.write_text(
            table.read_text().replace("Named models and products", "Named models (edited)", 1)
        )
        third = serve.build()
        assert rendered(second, third) == set(third)
        site_text = "".join(p.read_text() for p in (tmp_path / "site").rglob("index.html"))
        assert "Named models (edited)" in site_text

        # The link check still runs on a dirty build, with the unrendered page's ids.
        time.sleep(0.05)
        with article.open("a", encoding="utf-8") as handle:
            handle.write("\nA broken one: [here](vaes.md#no-such-heading).\n")
        serve.process.stdin.write("build\n")
        serve.process.stdin.flush()
        assert serve.process.stdout.readline() == ""  # the build stopped
    finally:
        log = serve.close()
    assert "vaes.md#no-such-heading" in log
    assert "A 'dirty' build is being performed" not in log  # replaced by our own line
    assert "Live preview renders only the pages you edit" in log


def test_a_staged_page_keeps_its_date_until_its_markdown_changes(tmp_path):
    folder = staging_folder(tmp_path / "cache", tmp_path / "docs")
    path = stage_page(folder, "reference/glossary.md", "# Glossary\n")
    os.utime(path, ns=(1, 1))
    assert stage_page(folder, "reference/glossary.md", "# Glossary\n").stat().st_mtime_ns == 1
    assert stage_page(folder, "reference/glossary.md", "# Changed\n").stat().st_mtime_ns > 1
    assert path.read_text() == "# Changed\n"
    assert [p.name for p in path.parent.iterdir()] == ["glossary.md"]  # no temporary file left
    # Copies of the project never share staged pages.
    assert staging_folder(tmp_path / "cache", tmp_path / "other") != folder


def test_inputs_changed_only_after_a_first_build(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "glossary.yml").write_text("[]\n")
    memory = SiteMemory()
    before = fingerprint([data])
    assert not memory.inputs_changed(before)  # the first build renders every page anyway
    memory.inputs = before
    assert not memory.inputs_changed(fingerprint([data]))
    (data / "glossary.yml").write_text("[] # edited\n")
    assert memory.inputs_changed(fingerprint([data]))
    (data / "new.yml").write_text("a: 1\n")
    memory.inputs = fingerprint([data])
    (data / "new.yml").unlink()
    assert memory.inputs_changed(fingerprint([data]))


def test_compiled_templates_are_reused_until_the_template_changes():
    memory = TemplateMemory()
    sources = {"page.html": "one {{ x }}"}

    def render() -> str:
        env = jinja2.Environment(
            loader=jinja2.FunctionLoader(lambda name: sources[name]), bytecode_cache=memory
        )
        return env.get_template("page.html").render(x=1)

    assert render() == "one 1"
    assert len(memory._code) == 1
    assert render() == "one 1"
    sources["page.html"] = "two {{ x }}"
    assert render() == "two 1"
