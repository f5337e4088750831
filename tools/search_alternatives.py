"""Another engine on the same data: MiniSearch ranks the benchmark queries, for comparison.

For the decision recorded in the README ("Search"): MiniSearch (a well-kept BM25+ engine
with fuzzy and prefix search, the kind of library one would put in Material's place) indexes
the handbook's result units from a built site (search/meta.json and search/text/*.json: titles,
headings, text) in Chromium, answers the queries of tests/search/, and is scored like
tools/search_eval.py (hit@1, hit@3, MRR; glossary entries count as the glossary page). It
measures ranking only, not the user interface. Needs npm (installs MiniSearch from
tools/minisearch/package-lock.json), like make lighthouse.

    python tools/search_alternatives.py [--site site]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from project import PROJECT

from local_site import chromium
from search_eval import QUERY_FILES, UNSEEN, Outcome, Scores, load_queries, page_id

PACKAGE = PROJECT / "tools" / "minisearch"
BUNDLE = PACKAGE / "node_modules" / "minisearch" / "dist" / "umd" / "index.js"

_RANK = """
([units, queries, stop]) => {
  const stopWords = new Set(stop);
  const search = new MiniSearch({
    fields: ["title", "headings", "text"],
    storeFields: ["location"],
    processTerm: (term) => {
      const t = term.toLowerCase();
      return stopWords.has(t) ? null : t;
    },
    searchOptions: { boost: { title: 4, headings: 2 }, fuzzy: 0.2, prefix: true },
  });
  search.addAll(units);
  return queries.map((q) => search.search(q).slice(0, 20).map((r) => r.location));
}
"""


def units_of(site: Path) -> list[dict]:
    meta = json.loads((site / "search" / "meta.json").read_text(encoding="utf-8"))
    units = []
    for number, (location, title, _path, _kind, _names) in enumerate(meta["units"]):
        sections = json.loads((site / "search" / "text" / f"{number}.json").read_text())
        units.append(
            {
                "id": number,
                "location": location,
                "title": title,
                "headings": " ".join(heading for _, heading, _ in sections),
                "text": " ".join(text for _, _, text in sections),
            }
        )
    return units, meta["stop"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=PROJECT / "site")
    args = parser.parse_args(argv)
    if not BUNDLE.is_file():
        subprocess.run(
            ["npm", "ci", "--prefix", str(PACKAGE), "--no-audit", "--no-fund"], check=True
        )
    units, stop = units_of(args.site)
    queries = load_queries()
    with chromium() as browser:
        page = browser.new_page()
        page.add_script_tag(content=BUNDLE.read_text(encoding="utf-8"))
        ranked = page.evaluate(_RANK, [units, [q.text for q in queries], stop])
    scores = Scores()
    for query, locations in zip(queries, ranked, strict=True):
        pages: list[str] = []
        for location in locations:
            pid = page_id("http://x/" + location.split("#")[0], "http://x/")
            if pid not in pages:
                pages.append(pid)
        scores.outcomes.append(Outcome(query, pages, 0.0, 0.0))
    print("MiniSearch 7 (BM25+, fuzzy 0.2, prefix, title x4, headings x2) on the same units:")
    print(f"{'set':10} {'queries':>7} {'hit@1':>7} {'hit@3':>7} {'MRR':>6}")
    for group in (*QUERY_FILES, UNSEEN, None):
        values = scores.of(group)
        print(
            f"{group or 'all':10} {values['queries']:7d} {values['hit@1']:7.0%} "
            f"{values['hit@3']:7.0%} {values['MRR']:6.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
