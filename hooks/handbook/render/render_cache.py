"""A content-addressed cache on disk for pure, slow renders (typeset math), shared by every
build and live rebuild on the machine.

An entry's key is a hash of everything its output depends on: the renderer's name and
version, the source of our own code that post-processes it, its options, and the input. A
change to any of them makes new keys; stale entries are never read again (`make clean`
removes them). Entries are written to a temporary file and renamed into place, so two builds
running at once never read half an entry; a missing, unreadable or corrupt entry is a miss,
and a cache that cannot be written only makes the build slower (one warning).

Where: $HANDBOOK_CACHE_DIR, else .cache/handbook/ in the project (ignored by git; CI may keep
it between runs). HANDBOOK_CACHE=off turns it off.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from handbook.paths import RENDER_CACHE_DIR

log = logging.getLogger("mkdocs.hooks.handbook")


class RenderCache:
    def __init__(self, folder: Path, version: str):
        self.folder = folder
        self.version = version  # everything the outputs depend on besides the input
        self.hits = 0
        self.misses = 0
        self._warned = False

    def key(self, *inputs: str) -> str:
        digest = hashlib.sha256(self.version.encode())
        for item in inputs:
            digest.update(b"\0" + item.encode())
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str, valid: Callable[[object], bool] = lambda value: True):
        """The entry for `key`, or None when it is missing, unreadable or not `valid`."""
        try:
            value = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            value = None
        if value is None or not valid(value):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def memo(self, make: Callable[[], dict], *inputs: str) -> dict:
        """The entry for `inputs`, made (and stored) when there is none."""
        key = self.key(*inputs)
        value = self.get(key, valid=lambda value: isinstance(value, dict))
        if value is None:
            value = make()
            self.put(key, value)
        return value

    def put(self, key: str, value: dict) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False
            ) as handle:
                json.dump(value, handle, separators=(",", ":"))
            try:
                os.replace(handle.name, path)
            finally:
                Path(handle.name).unlink(missing_ok=True)  # left only if the rename failed
        except OSError as error:
            if not self._warned:
                log.warning(
                    "Render cache %s not writable (%s); rendering anew.", self.folder, error
                )
                self._warned = True


def cache_folder(project_root: Path, environ: os._Environ | dict) -> Path | None:
    if environ.get("HANDBOOK_CACHE", "").lower() in {"off", "0", "false", "no"}:
        return None
    configured = environ.get("HANDBOOK_CACHE_DIR")
    return Path(configured) if configured else project_root / RENDER_CACHE_DIR


def source_digest(*modules: Path) -> str:
    """A short hash of source files, so a change to the code that renders invalidates."""
    digest = hashlib.sha256()
    for module in modules:
        digest.update(module.read_bytes())
    return digest.hexdigest()[:16]
