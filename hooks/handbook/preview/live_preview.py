"""Live preview that renders only what an edit changed (`mkdocs serve --dirty`, as `make serve`).

MkDocs' dirty mode renders a page only when its source file is newer than its output. Four
things make that safe for the handbook:

- Generated pages (glossary, tag pages, tables, bibliography) are staged as files under the
  render cache and rewritten only when their Markdown changes, so MkDocs can date them.
- An edit outside docs/ (data, templates, hooks, mkdocs.yml: what serve watches) can change
  every page, so the build after it renders every page (`inputs_changed`).
- Checks that need every page use what this process remembered from earlier builds: the ids
  of pages not rendered this time (`SiteMemory.anchors`). The glossary's "used on" lists and
  the search index wait for a build that renders every page.
- MkDocs warns on every dirty build, which strict mode turns into an error; the warning is
  replaced by one line saying what the preview leaves stale (`quiet_dirty_warning`).

State lives here, not in the event module: MkDocs executes the hook file anew on every
rebuild, while modules it imports stay loaded.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import BytecodeCache

log = logging.getLogger("mkdocs.hooks.handbook")

Fingerprint = dict[str, tuple[int, int]]  # path -> (modification time in ns, size)


def fingerprint(paths: Iterable[Path]) -> Fingerprint:
    """Every file under `paths` (files or folders) with its time and size."""
    found: Fingerprint = {}
    for path in paths:
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            try:
                status = file.stat()
            except OSError:
                continue  # removed while we looked: the next build sees it gone
            if file.is_file() and "__pycache__" not in file.parts:
                found[str(file)] = (status.st_mtime_ns, status.st_size)
    return found


@dataclass
class SiteMemory:
    """What one project's earlier builds in this process left behind."""

    inputs: Fingerprint | None = None  # at the end of the last successful build
    anchors: dict[str, set[str]] = field(default_factory=dict)  # page -> ids on it
    headings: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def inputs_changed(self, current: Fingerprint) -> bool:
        """True when files outside docs/ differ from the last successful build's. False for
        the first build of a process, which renders every page anyway (its output is new)."""
        return self.inputs is not None and current != self.inputs


_memories: dict[str, SiteMemory] = {}


def memory_for(config_file: str) -> SiteMemory:
    return _memories.setdefault(os.path.abspath(config_file), SiteMemory())


def staging_folder(cache: Path, docs_dir: Path) -> Path:
    """Where one project's generated pages are staged: under the render cache, one folder per
    docs/ so that copies of the project (tests, benchmarks) never share pages."""
    digest = hashlib.sha256(str(docs_dir.resolve()).encode()).hexdigest()[:16]
    return cache / "generated" / digest


def stage_page(folder: Path, src_path: str, markdown: str) -> Path:
    """Write a generated page to `folder` unless it already holds this Markdown (so its date
    says when it last changed); the file is renamed into place whole."""
    target = folder / src_path
    try:
        if target.read_text(encoding="utf-8") == markdown:
            return target
    except (OSError, UnicodeDecodeError):
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=target.parent, suffix=".tmp", delete=False
    ) as handle:
        handle.write(markdown)
    try:
        os.replace(handle.name, target)
    finally:
        Path(handle.name).unlink(missing_ok=True)  # left only if the rename failed
    return target


class TemplateMemory(BytecodeCache):
    """Compiled templates kept between rebuilds: MkDocs makes a new Jinja environment for each
    build and compiling Material's templates again costs about 0.3 s. Jinja checks each entry
    against its template's source, so an edited template is compiled anew."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


templates = TemplateMemory()

DIRTY_NOTICE = (
    "Live preview renders only the pages you edit (mkdocs serve --dirty): other pages' "
    "navigation, the glossary's 'used on' lists and search catch up when data, templates or "
    "mkdocs.yml change, or when serve restarts."
)


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def quiet_dirty_warning() -> None:
    """Drop MkDocs' warning about dirty builds (strict mode would stop on it) and say once what
    the handbook's preview does instead."""
    logger = logging.getLogger("mkdocs.commands.build")
    if _not_the_dirty_warning not in logger.filters:
        logger.addFilter(_not_the_dirty_warning)
        log.info(DIRTY_NOTICE)
