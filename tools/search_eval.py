"""Search relevance benchmark: reader queries typed into the built site's search, in Chromium.

Each query in tests/search/*.yml lists the pages that answer it. The query is typed into the
search box of the web edition (served on 127.0.0.1) and of the offline edition (opened from
file://), and the ranked result pages are compared with the expected ones:

    hit@1  the first result answers the query
    hit@3  one of the first three does
    MRR    mean of 1/rank of the first answering result (0 when none of the first 10 does)

Held-out sets, not used to choose the ranking's weights, are reported on their own.
Targets (issue 17) are printed as met or not; they are never asserted in tests.

    python tools/search_eval.py [--site site] [--offline DIR | --no-offline] [--json FILE]
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from project import PROJECT, write_report

from build_site import strict_build
from local_site import chromium, serve_directory

# tuning: the ranking's weights were chosen on these. held_out: written with them, before any
# tuning, and looked at once the tuning was nearly done. held_out_2: written after the
# ranking was frozen, by a writer who saw neither the engine nor the other sets.
QUERY_FILES = {"tuning": "tuning.yml", "held_out": "held_out.yml", "held_out_2": "held_out_2.yml"}
QUERY_DIR = PROJECT / "tests" / "search"
TARGETS = {"hit@1": 0.75, "hit@3": 0.90, "MRR": 0.80}
DEPTH = 10  # ranks beyond this count as a miss
UNSEEN = "unseen"  # the held-out queries not also in the tuning set
RESULTS_BUDGET_MS = 300
PLACEHOLDER_WAIT_MS = 10_000


@dataclass(frozen=True)
class Query:
    text: str
    kind: str
    expect: tuple[str, ...]
    group: str


@dataclass
class Outcome:
    query: Query
    ranked: list[str]
    first_ms: float  # keyup to the first results on screen (titles; snippets may follow)
    final_ms: float  # keyup to the final results, snippets included

    @property
    def rank(self) -> int | None:
        for position, page in enumerate(self.ranked[:DEPTH], start=1):
            if page in self.query.expect:
                return position
        return None


@dataclass
class Scores:
    outcomes: list[Outcome] = field(default_factory=list)

    def unseen(self) -> list[Outcome]:
        """Held-out queries whose text is not also a tuning query, each text once: the
        writers of the sets worked apart, and 16 queries came out the same in two sets."""
        tuning = {o.query.text.strip().lower() for o in self.outcomes if o.query.group == "tuning"}
        chosen, seen = [], set()
        for outcome in self.outcomes:
            text = outcome.query.text.strip().lower()
            if outcome.query.group != "tuning" and text not in tuning and text not in seen:
                seen.add(text)
                chosen.append(outcome)
        return chosen

    def of(self, group: str | None = None) -> dict[str, float]:
        if group == UNSEEN:
            return self._summary(self.unseen())
        return self._summary([o for o in self.outcomes if group is None or o.query.group == group])

    @staticmethod
    def _summary(chosen: list[Outcome]) -> dict[str, float]:
        ranks = [o.rank for o in chosen]
        count = len(chosen) or 1
        return {
            "queries": len(chosen),
            "hit@1": sum(r == 1 for r in ranks) / count,
            "hit@3": sum(r is not None and r <= 3 for r in ranks) / count,
            "MRR": sum(1 / r for r in ranks if r) / count,
        }


def load_queries(folder: Path = QUERY_DIR) -> list[Query]:
    queries = []
    for group, name in QUERY_FILES.items():
        path = folder / name
        for number, entry in enumerate(yaml.safe_load(path.read_text()) or [], start=1):
            if not isinstance(entry, dict) or not entry.get("query") or not entry.get("expect"):
                raise SystemExit(
                    f"{path}: entry {number} needs `query:` and `expect: [page ids]` "
                    f"(got {entry!r})"
                )
            queries.append(
                Query(str(entry["query"]), entry.get("kind", ""), tuple(entry["expect"]), group)
            )
    return queries


def page_id(url: str, base: str) -> str:
    """The docs/ path without .md of a result link: 'model-families/gans', 'concepts/index'."""
    path = urlsplit(url).path
    base_path = urlsplit(base).path
    if path.startswith(base_path):
        path = path[len(base_path) :]
    path = path.strip("/")
    if path.endswith(".html"):
        path = path[: -len(".html")]
    elif path in ("", "index"):
        path = "index"
    else:
        leaf_sections = ("foundations", "model-families", "modalities", "concepts")
        leaf_sections += ("applications", "risks", "reference", "tags")
        path = f"{path}/index" if path in leaf_sections else path
    return path or "index"


# Counts the search worker's final answers: `complete: false` marks a provisional one
# (search-worker.js may first answer with titles only while texts load; Material's own worker
# never does). On the web the answers come from a Worker; in the offline bundle from
# iframe-worker.js's frame, as window messages.
_COUNT_ANSWERS = """
window.__hbAnswers = 0;
const count = (data) => { if (data && data.type === 3 && data.data && data.data.complete !== false) window.__hbAnswers++; };
window.addEventListener("message", (e) => count(e.data && e.data.payload), true);
const Original = window.Worker;
window.Worker = class extends Original {
  constructor(url, options) { super(url, options); this.addEventListener("message", (e) => count(e.data)); }
};
"""

# Types the query the way Material listens for it (a keyup) and waits for the worker's final
# answer to it, then reads the result links once Material has rendered them.
_RUN_QUERY = """
async ([query, waitMs]) => {
  const input = document.querySelector(".md-search__input");
  const list = document.querySelector(".md-search-result__list");
  const settle = (test) => new Promise((resolve, reject) => {
    const started = performance.now();
    const poll = () => {
      if (test()) return resolve(performance.now() - started);
      if (performance.now() - started > waitMs) return reject(new Error("timeout: " + query));
      setTimeout(poll, 5);
    };
    poll();
  });
  input.focus();
  input.value = "";
  input.dispatchEvent(new KeyboardEvent("keyup"));
  await settle(() => list.children.length === 0);
  const before = window.__hbAnswers;
  input.value = query;
  const started = performance.now();
  input.dispatchEvent(new KeyboardEvent("keyup"));
  await settle(() => list.children.length > 0 || window.__hbAnswers > before);
  const firstShown = performance.now() - started;
  await settle(() => window.__hbAnswers > before);
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const elapsed = performance.now() - started;
  const links = [...list.querySelectorAll(":scope > li")]
    .map((li) => li.querySelector("a"))
    .filter(Boolean)
    .map((a) => a.href);
  return [links, firstShown, elapsed];
}
"""


def run_edition(browser, start_url: str, base: str, queries: list[Query]) -> Scores:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.add_init_script(_COUNT_ANSWERS)
    page.goto(start_url)
    page.focus(".md-search__input")  # on a desktop the search box is in the header
    # The first query also waits for the index to load; it is measured but not timed again.
    page.evaluate(_RUN_QUERY, ["warm up the index", 30_000])
    scores = Scores()
    for query in queries:
        links, first_ms, final_ms = page.evaluate(_RUN_QUERY, [query.text, PLACEHOLDER_WAIT_MS])
        ranked = []
        for link in links:
            pid = page_id(link, base)
            if pid not in ranked:
                ranked.append(pid)
        scores.outcomes.append(Outcome(query, ranked, first_ms, final_ms))
    page.close()
    return scores


def report(name: str, scores: Scores) -> dict:
    summary = {group: scores.of(group) for group in (*QUERY_FILES, UNSEEN, None)}
    print(f"\n== {name}")
    print(f"{'set':10} {'queries':>7} {'hit@1':>7} {'hit@3':>7} {'MRR':>6}")
    for group, values in summary.items():
        print(
            f"{group or 'all':10} {values['queries']:7d} {values['hit@1']:7.0%} "
            f"{values['hit@3']:7.0%} {values['MRR']:6.2f}"
        )
    overall = summary[None]
    for metric, target in TARGETS.items():
        verdict = "met" if overall[metric] >= target else "NOT met"
        print(f"  target {metric} >= {target:g}: {overall[metric]:.2f} {verdict}")
    first = [o.first_ms for o in scores.outcomes]
    final = [o.final_ms for o in scores.outcomes]
    verdict = "met" if max(first) <= RESULTS_BUDGET_MS else "NOT met"
    print(
        f"  keyup to first results (search data loaded): median {statistics.median(first):.0f} ms, "
        f"max {max(first):.0f} ms; budget <= {RESULTS_BUDGET_MS} ms: {verdict}"
    )
    print(
        f"  keyup to final results with snippets: median {statistics.median(final):.0f} ms, "
        f"max {max(final):.0f} ms (after the worker's typing pauses)"
    )
    misses = [o for o in scores.outcomes if o.rank != 1]
    print(f"  not first ({len(misses)}):")
    for outcome in misses:
        rank = outcome.rank or "-"
        print(
            f"    [{outcome.query.group}] {outcome.query.text!r} rank {rank}; "
            f"want {', '.join(outcome.query.expect)}; got {', '.join(outcome.ranked[:3]) or 'nothing'}"
        )
    return {
        "summary": {group or "all": values for group, values in summary.items()},
        "first_ms": {"median": statistics.median(first), "max": max(first)},
        "final_ms": {"median": statistics.median(final), "max": max(final)},
        "results": [
            {"query": o.query.text, "group": o.query.group, "rank": o.rank, "top": o.ranked[:5]}
            for o in scores.outcomes
        ],
    }


@contextlib.contextmanager
def offline_site(given: Path | None):
    if given is not None:
        yield given
        return
    with tempfile.TemporaryDirectory(prefix="handbook-offline-") as scratch:
        target = Path(scratch) / "site"
        if strict_build(PROJECT / "mkdocs-offline.yml", target).returncode != 0:
            raise SystemExit("The offline edition did not build; see the messages above.")
        yield target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=PROJECT / "site")
    parser.add_argument("--offline", type=Path, help="an offline build (default: build one)")
    parser.add_argument("--no-offline", action="store_true", help="only the web edition")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--queries", type=Path, default=QUERY_DIR, help="folder of query files")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        print(f"No built site in {args.site}: run `make build` first.", file=sys.stderr)
        return 2
    queries = load_queries(args.queries)
    results = {}
    started = time.perf_counter()
    with chromium() as browser:
        with serve_directory(args.site, "/handbook/") as base:
            results["web"] = report("web edition", run_edition(browser, base, base, queries))
        if not args.no_offline:
            with offline_site(args.offline) as folder:
                start = (folder / "index.html").resolve().as_uri()
                base = folder.resolve().as_uri() + "/"
                results["offline"] = report(
                    "offline edition (file://)", run_edition(browser, start, base, queries)
                )
    print(f"\n{len(queries)} queries per edition in {time.perf_counter() - started:.0f} s")
    if args.json:
        write_report(args.json, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
