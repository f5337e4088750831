"""How long `mkdocs serve` takes to rebuild after an edit: one article, the glossary, a dataset.

    python tools/serve_rebuild.py [--runs 3] [--full]

Runs the real handbook's `mkdocs serve --dirty` (as `make serve`; with --full, without
--dirty: every page on every rebuild) on a copy of the project (so the edits never touch the
repository), waits for the first build, then edits a file and times from the edit to the end
of the rebuild ("Documentation built in ..."): MkDocs' file watcher and its 0.1 s debounce
included. A data file that serve did not watch would never rebuild: that is reported as a
failure, not as a time. Part of `make bench`.
"""

from __future__ import annotations

import argparse
import queue
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from project import mkdocs_env

from project_copy import copy_project

EDITS = {
    "one article": ("docs/model-families/gans.md", "\nAn edit to time the rebuild.\n"),
    "glossary data": ("data/glossary.yml", ""),  # appends a harmless YAML comment below
    "dataset": ("data/tables/systems.yml", ""),
}
BUILT = "Documentation built in"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _reader(stream, lines: queue.Queue) -> None:
    for line in iter(stream.readline, ""):
        lines.put(line)


def wait_for(lines: queue.Queue, text: str, timeout: float, seen: list | None = None) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            continue
        if seen is not None:
            seen.append(line)
        if text in line:
            return True
    return False


def measure(runs: int = 3, timeout: float = 120, dirty: bool = True) -> dict[str, dict]:
    with tempfile.TemporaryDirectory(prefix="handbook-serve-") as scratch:
        root = copy_project(Path(scratch))
        command = [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--dev-addr",
            f"127.0.0.1:{free_port()}",
            *(["--dirty"] if dirty else []),
        ]
        server = subprocess.Popen(
            command,
            cwd=root,
            env=mkdocs_env(HANDBOOK_MINIFY="false"),  # as make serve
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=_reader, args=(server.stderr, lines), daemon=True).start()
        try:
            if not wait_for(lines, BUILT, timeout):
                raise SystemExit("mkdocs serve did not finish its first build")
            time.sleep(1.0)  # let the watcher settle
            results = {}
            for label, (relative, text) in EDITS.items():
                seconds = []
                for run in range(runs):
                    path = root / relative
                    addition = text or f"\n# rebuild timing {run}\n"
                    start = time.perf_counter()
                    with path.open("a", encoding="utf-8") as handle:
                        handle.write(addition)
                    seen: list[str] = []
                    if not wait_for(lines, BUILT, timeout, seen):
                        results[label] = {"file": relative, "rebuilt": False, "log": seen[-20:]}
                        break
                    seconds.append(time.perf_counter() - start)
                    time.sleep(1.0)
                else:
                    results[label] = {
                        "file": relative,
                        "rebuilt": True,
                        "median_seconds": round(statistics.median(seconds), 2),
                        "runs": runs,
                    }
            return results
        finally:
            server.terminate()
            server.wait(timeout=20)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--full", action="store_true", help="serve without --dirty")
    args = parser.parse_args(argv)
    results = measure(args.runs, dirty=not args.full)
    print("| edit | file | rebuild (median) |\n| --- | --- | ---: |")
    for label, row in results.items():
        shown = f"{row['median_seconds']} s" if row["rebuilt"] else "NO REBUILD"
        print(f"| {label} | {row['file']} | {shown} |")
        if not row["rebuilt"]:
            print("".join(row["log"]), file=sys.stderr)
    return 0 if all(row["rebuilt"] for row in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
