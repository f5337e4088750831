"""The disk cache of typeset math (hooks/handbook/render/render_cache.py, math_svg.use_disk_cache): a second
build reuses formulas, gives the same bytes, and survives bad entries and unwritable folders."""

from __future__ import annotations

from handbook.render import math_svg
from handbook.render.render_cache import RenderCache, cache_folder


def test_entries_round_trip_and_keys_depend_on_version_and_input(tmp_path):
    cache = RenderCache(tmp_path, "renderer 1")
    key = cache.key("x^2", "inline")
    assert cache.get(key) is None
    cache.put(key, {"html": "<svg/>"})
    assert cache.get(key) == {"html": "<svg/>"}
    assert RenderCache(tmp_path, "renderer 2").key("x^2", "inline") != key
    assert cache.key("x^2", "display") != key
    assert not list(tmp_path.rglob("*.tmp"))  # written whole, then renamed into place


def test_memo_makes_an_entry_once_per_input(tmp_path):
    """The search index is memoised this way (handbook_hooks.write_search_index): a build whose
    pages changed no text reuses it; any change to the text makes it anew."""
    made = []

    def make(text):
        return lambda: made.append(text) or {"search/meta.json": text.upper()}

    cache = RenderCache(tmp_path, "search-index 1")
    assert cache.memo(make("pages v1"), "pages v1") == {"search/meta.json": "PAGES V1"}
    assert cache.memo(make("pages v1"), "pages v1") == {"search/meta.json": "PAGES V1"}
    assert cache.memo(make("pages v2"), "pages v2") == {"search/meta.json": "PAGES V2"}
    assert made == ["pages v1", "pages v2"]
    assert RenderCache(tmp_path, "search-index 2").memo(make("pages v1"), "pages v1")
    assert made == ["pages v1", "pages v2", "pages v1"]  # new code, new entry


def test_a_corrupt_entry_is_a_miss_and_an_unwritable_folder_only_slows(tmp_path):
    cache = RenderCache(tmp_path, "v")
    key = cache.key("a")
    cache.put(key, {"html": "ok"})
    next(tmp_path.rglob("*.json")).write_text("{half an entr")
    assert cache.get(key) is None
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    RenderCache(blocked, "v").put("ab", {"html": "x"})  # no exception


def test_serve_rebuilds_keep_the_formulas_in_memory(tmp_path):
    """`mkdocs serve` runs on_config (and so use_disk_cache) before every rebuild."""
    page = '<p><span class="arithmatex">\\(a+b\\)</span></p>'
    try:
        math_svg.use_disk_cache(tmp_path)
        math_svg.typeset_math(page)
        math_svg.use_disk_cache(tmp_path)  # the next rebuild
        math_svg.typeset_math(page)
        assert math_svg.disk_cache_stats() == (0, 1)  # the second came from memory
    finally:
        math_svg.use_disk_cache(None)


def test_cache_folder_follows_the_environment(tmp_path):
    assert cache_folder(tmp_path, {}) == tmp_path / ".cache" / "handbook"
    assert cache_folder(tmp_path, {"HANDBOOK_CACHE_DIR": "/x"}).as_posix() == "/x"
    assert cache_folder(tmp_path, {"HANDBOOK_CACHE": "off"}) is None


def test_a_second_build_reads_formulas_from_disk_with_identical_output(tmp_path):
    page = '<p><span class="arithmatex">\\(\\sum_{i=1}^{n} x_i^2\\)</span></p>'
    try:
        math_svg.use_disk_cache(tmp_path)
        first = math_svg.typeset_math(page)
        assert math_svg.disk_cache_stats() == (0, 1)
        math_svg.use_disk_cache(None)  # a new process: empty memory, same folder
        math_svg.use_disk_cache(tmp_path)
        second = math_svg.typeset_math(page)
        assert math_svg.disk_cache_stats() == (1, 0)
        assert second == first
        for entry in tmp_path.rglob("*.json"):  # a damaged cache typesets again
            entry.write_text("[]")
        math_svg.use_disk_cache(None)
        math_svg.use_disk_cache(tmp_path)
        assert math_svg.typeset_math(page) == first
    finally:
        math_svg.use_disk_cache(None)
