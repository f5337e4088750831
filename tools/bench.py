"""Measure what the handbook's build costs; print a table, write JSON, mark each budget.

    make bench                      (full: about 15-20 minutes on 2 cores)
    python tools/bench.py --quick   (smaller sizes, fewer runs: a smoke run)

Builds a synthetic handbook (tools/synthetic_handbook.py) with the hook and without it
(the same pages as plain Markdown: citations, tables, glossary links and "used on" lists
written out as the hook would render them), runs alternating, and reports medians. Figures come
from here, never from timed assertions in tests.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT / "hooks"), str(PROJECT / "tools")]

from check_links import check_site  # noqa: E402
from glossary_linker import TermIndex, link_terms  # noqa: E402
from handbook_models import Term  # noqa: E402
from serve_rebuild import measure as serve_rebuild_times  # noqa: E402
from synthetic_handbook import Shape, term_name, write_handbook  # noqa: E402

BUDGETS = {
    "hook_overhead": ("hook overhead at N=1000, G=1000", "<= 1.15"),
    "linking_growth": ("linking time per page, G=5000 vs G=100", "<= 2.0"),
    "build_scaling": ("build time, N=2000 vs N=200", "<= 12"),
    "link_checker": ("link checker pages per second", ">= 200"),
}


def timed_build(config: Path, site: Path) -> tuple[float, float]:
    """(seconds, peak resident MB) of one `mkdocs build` in its own process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
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
    """The real handbook: a build with an empty math cache, then with it filled, and the same
    warm build without minification (what `make serve` skips). Medians of `runs`."""
    config = PROJECT / "mkdocs.yml"
    saved = {key: os.environ.get(key) for key in ("HANDBOOK_CACHE_DIR", "HANDBOOK_MINIFY")}
    times: dict[str, list[float]] = {"cold": [], "warm": [], "warm, no minification": []}
    try:
        for run in range(runs):
            with tempfile.TemporaryDirectory(prefix="handbook-bench-real-") as scratch:
                os.environ["HANDBOOK_CACHE_DIR"] = str(Path(scratch) / "cache")
                os.environ.pop("HANDBOOK_MINIFY", None)
                times["cold"].append(timed_build(config, Path(scratch) / "cold")[0])
                times["warm"].append(timed_build(config, Path(scratch) / "warm")[0])
                os.environ["HANDBOOK_MINIFY"] = "false"
                times["warm, no minification"].append(
                    timed_build(config, Path(scratch) / "plain")[0]
                )
            print(f"real handbook run {run + 1}: {[round(t[-1], 1) for t in times.values()]}")
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
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
    for articles, plain, prune in (
        (small, False, True),
        (large, False, True),
        (small, True, False),
        (small * 2, True, False),
    ):
        result = build_series(articles, terms, runs, plain, prune)
        report["builds"].append(result)
        print(
            f"built N={articles} hook={not plain} prune={prune}: {result['seconds']} s", flush=True
        )
    hooked = report["builds"][0]["seconds"]
    plain_mid = report["builds"][1]["seconds"]
    report["linking"] = linking_cost([100, 1000, 5000])
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as scratch:
        config = write_handbook(Path(scratch), Shape(articles=mid, terms=1000))
        timed_build(config, Path(scratch) / "site")
        report["link_checker"] = link_checker_speed(Path(scratch) / "site")
    report["real_handbook"] = real_handbook_builds(runs=1 if args.quick else 2)
    report["serve_rebuild"] = serve_rebuild_times(runs=1 if args.quick else 3)
    linking = {row["terms"]: row["ms_per_page"] for row in report["linking"]}
    measured = {
        "hook_overhead": round(hooked / plain_mid, 3),
        "linking_growth": round(linking[5000] / linking[100], 2),
        "build_scaling": round(report["builds"][3]["seconds"] / report["builds"][2]["seconds"], 2),
        "link_checker": report["link_checker"]["pages_per_second"],
    }
    report["budgets"] = {}
    for key, (label, rule) in BUDGETS.items():
        operator, limit = rule.split()
        value = measured[key]
        met = value <= float(limit) if operator == "<=" else value >= float(limit)
        report["budgets"][key] = {"label": label, "value": value, "budget": rule, "met": met}
    print_report(report, quick=args.quick)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2))
    print(f"\nJSON written to {args.json}")
    return 0


def print_report(report: dict, quick: bool) -> None:
    print("\nBuilds (median of runs; hook off = the same pages, the hook's output written out)")
    print(
        "| articles | terms | hook | prune | pages | s/build | ms/page | peak MB | HTML KB/page |"
    )
    print("| ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for row in report["builds"]:
        print(
            f"| {row['articles']} | {row['terms']} | {'on' if row['hook'] else 'off'} | "
            f"{'yes' if row['prune'] else 'no'} | {row['pages']} | {row['seconds']} | "
            f"{row['ms_per_page']} | {row['peak_mb']} | {row['html_kb_per_page']} |"
        )
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
    print("\nThe real handbook (`mkdocs build`; math cache empty, then filled)")
    print("| build | seconds (median) |\n| --- | ---: |")
    for label, seconds in real.items():
        print(f"| {label} | {seconds} |")
    print(
        f"Math cache saves {real['cold'] - real['warm']:.1f} s; minification costs "
        f"{real['warm'] - real['warm, no minification']:.1f} s (not paid by `make serve`)."
    )
    print("\nLive editing: `mkdocs serve` rebuild of the real handbook after an edit")
    print("| edit | file | rebuild (median) |\n| --- | --- | ---: |")
    for label, row in report["serve_rebuild"].items():
        shown = f"{row['median_seconds']} s" if row["rebuilt"] else "NO REBUILD"
        print(f"| {label} | {row['file']} | {shown} |")
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
