"""The handbook's build pipeline: pure Python over typed data, importable without a site engine.

    load/      data/*.yml and the articles' front matter, read and validated into typed models
               (load/handbook_models.py); a bad entry stops here, before anything renders
    generate/  pages and page parts made from the models: glossary, tag pages, bibliography,
               comparison tables and timelines, notation, what's new, FAQ structured data
    render/    per-page work: markers and citations in Markdown, math as SVG, glossary links,
               HTML repairs, the search index, and the caches behind them
    check/     whole-site checks once every page has rendered: links and anchors
    preview/   what live preview needs between rebuilds (`mkdocs serve --dirty`)

A stage imports from its own and earlier stages only (tests/test_pipeline.py checks it), and
nothing here imports MkDocs. Two engines drive it: MkDocs through hooks/handbook_hooks.py (event
glue), and Zensical through tools/build_zensical.py (generate) and render/render_extension.py.
"""
