"""What the hook does to an article's Markdown before MkDocs renders it.

Each runnable program is collapsed under its name, with a download link; data markers become
tables and timelines; then `[@key]` citations become numbered links with a reference list.
One function, so the build and the benchmark's hook-free copy agree.
"""

from __future__ import annotations

from handbook.generate.comparison_tables import render_table
from handbook.generate.dataset_timeline import render_timeline
from handbook.load.handbook_models import Handbook
from handbook.render.citations import render_citations
from handbook.render.page_markers import expand_data_markers
from handbook.render.program_listing import present_programs


def render_article_markdown(
    markdown: str, src_path: str, handbook: Handbook, bibliography_href: str
) -> str:
    """`bibliography_href`: the bibliography page's URL relative to this article's URL."""
    article = handbook.articles.get(src_path)
    if article and article.programs:
        markdown = present_programs(markdown, src_path)
    if "[@" not in markdown and "handbook:" not in markdown:
        return markdown  # nothing to expand: skip scanning the page for code spans
    datasets = handbook.datasets
    markdown = expand_data_markers(
        markdown,
        article.markers if article else (),
        {
            "table": lambda marker, prefix: render_table(
                datasets[marker.dataset], marker, handbook.references, bibliography_href, prefix
            ),
            "timeline": lambda marker, _prefix: render_timeline(datasets[marker.dataset], marker),
        },
    )
    return render_citations(markdown, src_path, handbook.references)
