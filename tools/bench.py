"""Measure what the handbook's build costs; print a table, write JSON, mark each budget.

    make bench                      (full: about 25 minutes on 2 cores)
    python tools/bench.py --quick   (smaller sizes, fewer runs: a smoke run)

What it builds, each side by side with its baseline in one run:
- the real handbook, cold (empty render cache) and warm, beside its plain MkDocs twin
  (tools/plain_baseline.py: the same pages without the handbook's own work), with and without
  minification;
- `make serve` rebuilds after editing an article, the glossary and a dataset
  (tools/serve_rebuild.py), and the same without --dirty;
- synthetic handbooks (tools/synthetic_handbook.py): math-heavy ones with the real handbook's
  formulas, figures and tables per page at N = 200 and 2,000; a math-free one with the hook
  and without it (the same pages as plain Markdown: citations, tables, glossary links and
  "used on" lists written out as the hook would render them), runs alternating;
- glossary linking against glossary size, and the link checker's speed.

Figures come from here, never from timed assertions in tests.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from project import PROJECT, mkdocs_env, write_report

from check_links import check_site
from handbook.load.handbook_models import Term
from handbook.render.glossary_linker import TermIndex, link_terms
from plain_baseline import prepare as prepare_plain_baseline
from serve_rebuild import measure as serve_rebuild_times
from synthetic_handbook import Shape, term_name, write_handbook

BUDGETS = {
    "real_warm": ("real handbook, warm build vs plain MkDocs build of the same pages", "<= 1.3"),
    "real_cold": ("real handbook, cold build vs plain MkDocs build of the same pages", "<= 2"),
    "serve_article": ("`make serve` rebuild after editing one article (s)", "<= 1.5"),
    "build_scaling": ("math-heavy synthetic build (warm), N=2000 vs N=200", "<= 11"),
    "hook_overhead": ("hook overhead at N=1000, G=1000 (math-free)", "<= 1.15"),
    "linking_growth": ("linking time per page, G=5000 vs G=100", "<= 2.0"),
    "link_checker": ("link checker pages per second", ">= 200"),
}


def timed_build(config: Path, site: Path) -> tuple[float, float]:
    """(seconds, peak resident MB) of one `mkdocs build` in its own process."""
    env = mkdocs_env()
    # stderr goes to a file: a pipe nobody reads while waiting could fill up and stall the build.
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        _, status, usage = os.wait4(process.pid, 0)  # wait4, unlike wait, reports peak memory
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"benchmark build failed: {errors.read().decode()[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def build_series(articles: int, terms: int, runs: int, plain: bool, prune: bool = True) -> dict:
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as scratch:
        root = Path(scratch)
        config = write_handbook(
            root, Shape(articles=articles, terms=terms), plain=plain, prune=prune
        )
        results = [timed_build(config, root / f"site{run}") for run in range(runs)]
        return _summary(articles, terms, not plain, prune, results, root / "site0")


@contextmanager
def environment(**values: str | None):
    """Set (or, with None, remove) environment variables for the builds inside; restore after."""
    saved = {key: os.environ.get(key) for key in values}
    try:
        _set_environment(values)
        yield
    finally:
        _set_environment(saved)


def _set_environment(values: dict[str, str | None]) -> None:
    for key, value in values.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def math_series(articles: int, terms: int, runs: int) -> dict:
    """A synthetic handbook with the real one's density of formulas, figures and tables: one
    build with an empty render cache (cold), then `runs` with it filled (warm, the median)."""
    with tempfile.TemporaryDirectory(prefix="handbook-bench-math-") as scratch:
        root = Path(scratch)
        config = write_handbook(root, Shape.math_heavy(articles, terms))
        with environment(HANDBOOK_CACHE_DIR=str(root / "cache"), HANDBOOK_MINIFY=None):
            cold = timed_build(config, root / "cold")
            warm = [timed_build(config, root / f"site{run}") for run in range(runs)]
        summary = _summary(articles, terms, True, True, warm, root / "site0")
        return {**summary, "math": True, "cold_seconds": round(cold[0], 2)}


def paired_series(articles: int, terms: int, runs: int) -> tuple[dict, dict]:
    """The same handbook built with the hook and without it, runs alternating, so that a slow
    spell on the machine falls on both sides of the ratio."""
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as scratch:
        root = Path(scratch)
        shape = Shape(articles=articles, terms=terms)
        configs = {
            "hook": write_handbook(root / "hook", shape),
            "plain": write_handbook(root / "plain", shape, plain=True),
        }
        results: dict[str, list] = {"hook": [], "plain": []}
        for run in range(runs):
            for kind, config in configs.items():
                results[kind].append(timed_build(config, root / kind / f"site{run}"))
        return tuple(
            _summary(articles, terms, kind == "hook", True, results[kind], root / kind / "site0")
            for kind in ("hook", "plain")
        )


def _summary(articles: int, terms: int, hook: bool, prune: bool, results: list, site: Path) -> dict:
    pages = len(list(site.rglob("*.html")))
    html_bytes = sum(p.stat().st_size for p in site.rglob("*.html")) / max(pages, 1)
    seconds = statistics.median(r[0] for r in results)
    return {
        "articles": articles,
        "terms": terms,
        "hook": hook,
        "prune": prune,
        "runs": len(results),
        "seconds": round(seconds, 2),
        "ms_per_page": round(1000 * seconds / pages, 1),
        "pages": pages,
        "peak_mb": round(max(r[1] for r in results), 1),
        "html_kb_per_page": round(html_bytes / 1024, 1),
    }


def linking_cost(term_counts: list[int], pages: int = 200) -> list[dict]:
    import random

    rng = random.Random(3)
    words = "model data sample noise training network layer token output input".split()
    html_pages = []
    for _ in range(pages):
        paragraphs = []
        for _ in range(25):
            text = [rng.choice(words) for _ in range(30)]
            text.insert(rng.randrange(30), term_name(rng.randrange(100)))
            paragraphs.append(f"<p>{' '.join(text)} <code>x</code> <a href='#'>link</a>.</p>")
        html_pages.append("".join(paragraphs))
    results = []
    for count in term_counts:
        index = TermIndex.build(
            Term(f"term{i}", term_name(i), (), "s", "d", (), (), ()) for i in range(count)
        )
        start = time.perf_counter()
        for page in html_pages:
            link_terms(page, index, "../glossary/")
        per_page = (time.perf_counter() - start) / pages
        results.append({"terms": count, "ms_per_page": round(per_page * 1000, 3)})
    return results


def link_checker_speed(site: Path) -> dict:
    start = time.perf_counter()
    report = check_site(site)
    seconds = time.perf_counter() - start
    return {
        "pages": report.pages,
        "seconds": round(seconds, 2),
        "pages_per_second": round(report.pages / seconds),
    }


def real_handbook_builds(runs: int) -> dict:
    """The real handbook beside its plain MkDocs twin (tools/plain_baseline.py: the same pages,
    none of the handbook's own work), builds taking turns within each run: with an empty
    render cache (cold), with it filled (warm), the twin; then both without minification
    (what `make serve` skips). Medians of `runs`, in seconds."""
    labels = ("cold", "warm", "plain", "warm, no minification", "plain, no minification")
    times: dict[str, list[float]] = {label: [] for label in labels}
    config = PROJECT / "mkdocs.yml"
    with tempfile.TemporaryDirectory(prefix="handbook-bench-real-") as scratch:
        root = Path(scratch)
        with environment(HANDBOOK_CACHE_DIR=str(root / "baseline-cache"), HANDBOOK_MINIFY=None):
            plain, plain_env = prepare_plain_baseline(root / "baseline")
        for run in range(runs):
            cache = str(root / f"cache{run}")
            with environment(HANDBOOK_CACHE_DIR=cache, HANDBOOK_MINIFY=None, **plain_env):
                times["cold"].append(timed_build(config, root / "cold")[0])
                times["warm"].append(timed_build(config, root / "warm")[0])
                times["plain"].append(timed_build(plain, root / "plain")[0])
            with environment(HANDBOOK_CACHE_DIR=cache, HANDBOOK_MINIFY="false", **plain_env):
                times["warm, no minification"].append(timed_build(config, root / "warm-nm")[0])
                times["plain, no minification"].append(timed_build(plain, root / "plain-nm")[0])
            print(f"real handbook run {run + 1}: {[round(t[-1], 1) for t in times.values()]}")
    return {label: round(statistics.median(values), 2) for label, values in times.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes and one run each")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, default=PROJECT / "bench-results" / "bench.json")
    args = parser.parse_args(argv)
    runs = 1 if args.quick else args.runs
    small, mid, large = (50, 100, 200) if args.quick else (200, 1000, 2000)

    terms = 200 if args.quick else 1000
    report: dict = {"machine": f"{os.cpu_count()} cores", "builds": []}
    for result in paired_series(mid, terms, runs):
        report["builds"].append(result)
        print(f"built N={mid} hook={result['hook']}: {result['seconds']} s", flush=True)
    for articles in (small, large):
        result = math_series(articles, terms, runs)
        report["builds"].append(result)
        print(f"built N={articles} math-heavy: {result['seconds']} s warm", flush=True)
    for articles in (small, small * 2):
        result = build_series(articles, terms, runs, plain=True, prune=False)
        report["builds"].append(result)
        print(f"built N={articles} hook=False prune=False: {result['seconds']} s", flush=True)
    hooked = report["builds"][0]["seconds"]
    plain_mid = report["builds"][1]["seconds"]
    report["linking"] = linking_cost([100, 1000, 5000])
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as scratch:
        config = write_handbook(Path(scratch), Shape(articles=mid, terms=1000))
        timed_build(config, Path(scratch) / "site")
        report["link_checker"] = link_checker_speed(Path(scratch) / "site")
    report["real_handbook"] = real_handbook_builds(runs=1 if args.quick else 2)
    report["serve_rebuild"] = serve_rebuild_times(runs=1 if args.quick else 3)
    report["serve_rebuild_full"] = serve_rebuild_times(runs=1, dirty=False)
    linking = {row["terms"]: row["ms_per_page"] for row in report["linking"]}
    real = report["real_handbook"]
    article = report["serve_rebuild"]["one article"]
    small_math, large_math = report["builds"][2], report["builds"][3]
    measured = {
        "real_warm": round(real["warm"] / real["plain"], 2),
        "real_cold": round(real["cold"] / real["plain"], 2),
        "serve_article": article["median_seconds"] if article["rebuilt"] else float("inf"),
        "build_scaling": round(large_math["seconds"] / small_math["seconds"], 2),
        "hook_overhead": round(hooked / plain_mid, 3),
        "linking_growth": round(linking[5000] / linking[100], 2),
        "link_checker": report["link_checker"]["pages_per_second"],
    }
    report["math_cold_scaling"] = round(large_math["cold_seconds"] / small_math["cold_seconds"], 2)
    report["budgets"] = {}
    for key, (label, rule) in BUDGETS.items():
        operator, limit = rule.split()
        value = measured[key]
        met = value <= float(limit) if operator == "<=" else value >= float(limit)
        report["budgets"][key] = {"label": label, "value": value, "budget": rule, "met": met}
    print_report(report, quick=args.quick)
    write_report(args.json, report)
    print(f"\nJSON written to {args.json}")
    return 0


def print_report(report: dict, quick: bool) -> None:
    print("\nSynthetic builds (median of runs; hook off = the same pages, the hook's output")
    print("written out; math-heavy = the real handbook's formulas, figures and tables per page)")
    print(
        "| articles | terms | kind | hook | prune | pages | s/build | ms/page | peak MB | "
        "HTML KB/page |"
    )
    print("| ---: | ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for row in report["builds"]:
        kind = (
            f"math-heavy, warm (cold {row['cold_seconds']} s)" if row.get("math") else "math-free"
        )
        print(
            f"| {row['articles']} | {row['terms']} | {kind} | {'on' if row['hook'] else 'off'} | "
            f"{'yes' if row['prune'] else 'no'} | {row['pages']} | {row['seconds']} | "
            f"{row['ms_per_page']} | {row['peak_mb']} | {row['html_kb_per_page']} |"
        )
    print(f"Math-heavy cold builds, N=2000 vs N=200: {report['math_cold_scaling']}")
    print("\nGlossary linking (200 pages of ~800 words)")
    print("| terms | ms per page |\n| ---: | ---: |")
    for row in report["linking"]:
        print(f"| {row['terms']} | {row['ms_per_page']} |")
    checker = report["link_checker"]
    print(
        f"\nLink checker: {checker['pages']} pages in {checker['seconds']} s "
        f"= {checker['pages_per_second']} pages/s"
    )
    real = report["real_handbook"]
    print("\nThe real handbook (`mkdocs build`: render cache empty, then filled) and its plain")
    print("MkDocs twin (tools/plain_baseline.py)")
    print("| build | seconds (median) |\n| --- | ---: |")
    for label, seconds in real.items():
        print(f"| {label} | {seconds} |")
    print(
        f"The render cache saves {real['cold'] - real['warm']:.1f} s; minification costs "
        f"{real['warm'] - real['warm, no minification']:.1f} s (not paid by `make serve`); "
        f"without it the handbook takes {real['warm, no minification'] / real['plain, no minification']:.2f}"
        "x its twin."
    )
    print("\nLive editing: `make serve` (mkdocs serve --dirty) after an edit; without --dirty")
    print("| edit | file | rebuild (median) | without --dirty |\n| --- | --- | ---: | ---: |")
    for label, row in report["serve_rebuild"].items():
        full = report["serve_rebuild_full"][label]
        shown, full_shown = (
            f"{r['median_seconds']} s" if r["rebuilt"] else "NO REBUILD" for r in (row, full)
        )
        print(f"| {label} | {row['file']} | {shown} | {full_shown} |")
    print(
        "\nBudgets" + (" (quick run: sizes are smaller than the budgets assume)" if quick else "")
    )
    print("| budget | measured | target | met |\n| --- | ---: | --- | --- |")
    for row in report["budgets"].values():
        print(
            f"| {row['label']} | {row['value']} | {row['budget']} | {'yes' if row['met'] else 'NO'} |"
        )


if __name__ == "__main__":
    sys.exit(main())
