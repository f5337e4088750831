"""Fetch every external link of a built site once, with retries and a cache; print failures.

For maintainers and the weekly workflow, never for the gating tests (external hosts are
flaky). A URL that answered well within --max-age days is not fetched again. HTTP 429 (rate
limited) and 403 from bot-blocking hosts are reported as "unverified", not as failures.

    python tools/check_external_links.py site [--cache .cache/external-links.json] [--max-age 7]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from build_site import why_unwritable
from check_links import check_site

USER_AGENT = (
    "GenerativeAIHandbook-linkcheck/1.0 (+https://github.com/generative-ai-handbook/handbook)"
)
TOLERATED = {429: "rate limited", 403: "refused to automated clients"}


@dataclass(frozen=True)
class Outcome:
    url: str
    status: int  # HTTP status, or 0 when no answer came
    detail: str

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 400

    @property
    def tolerated(self) -> bool:
        return self.status in TOLERATED


def fetch_once(url: str, timeout: float) -> Outcome:
    for method in ("HEAD", "GET"):  # some servers refuse HEAD
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return Outcome(url, response.status, "ok")
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return Outcome(url, error.code, TOLERATED.get(error.code, error.reason or "error"))
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            return Outcome(url, 0, str(getattr(error, "reason", error)))
    return Outcome(url, 0, "no answer")


def fetch_with_retries(
    url: str,
    retries: int,
    timeout: float,
    fetch: Callable[[str, float], Outcome] = fetch_once,
    sleep: Callable[[float], None] = time.sleep,
) -> Outcome:
    outcome = fetch(url, timeout)
    for attempt in range(retries):
        if outcome.ok or outcome.status in (404, 410):
            break
        sleep(2**attempt)
        outcome = fetch(url, timeout)
    return outcome


def check_urls(
    urls: list[str],
    cache_path: Path,
    max_age_days: float,
    retries: int = 2,
    timeout: float = 15,
    fetch: Callable[[str, float], Outcome] = fetch_once,
    sleep: Callable[[float], None] = time.sleep,
    now: float | None = None,
) -> list[Outcome]:
    now = time.time() if now is None else now
    cache = json.loads(cache_path.read_text()) if cache_path.exists() else {}
    outcomes = []
    for url in urls:
        cached = cache.get(url)
        if (
            cached
            and cached["status"]
            and 200 <= cached["status"] < 400
            and now - cached["checked"] < max_age_days * 86400
        ):
            outcomes.append(Outcome(url, cached["status"], "cached"))
            continue
        outcome = fetch_with_retries(url, retries, timeout, fetch, sleep)
        cache[url] = {"status": outcome.status, "checked": now}
        outcomes.append(outcome)
    cache_path.parent.mkdir(parents=True, exist_ok=True)
    cache_path.write_text(json.dumps(cache, indent=1, sort_keys=True))
    return outcomes


def failure_table(outcomes: list[Outcome]) -> str:
    rows = [outcome for outcome in outcomes if not outcome.ok]
    if not rows:
        return f"All {len(outcomes)} external links answered."
    lines = ["| Status | Result | URL |", "| --- | --- | --- |"]
    for outcome in sorted(rows, key=lambda outcome: (outcome.tolerated, outcome.url)):
        result = (
            f"unverified ({outcome.detail})" if outcome.tolerated else f"FAILED ({outcome.detail})"
        )
        lines.append(f"| {outcome.status or '-'} | {result} | {outcome.url} |")
    return "\n".join(lines)


def cache_problem(cache_path: Path) -> str | None:
    """Why the cache file cannot be written (one line with the fix), or None if it can."""
    folder = cache_path.absolute().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-test-"):
            pass
    except OSError as error:
        return (
            f"Cannot write the link cache: {folder} is not a writable folder "
            f"({why_unwritable(folder, error)}). Fix: make it writable, or pass --cache with "
            "another path."
        )
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--cache", type=Path, default=Path(".cache/external-links.json"))
    parser.add_argument("--max-age", type=float, default=7, help="days a good answer is trusted")
    args = parser.parse_args(argv)
    # Checked before the (slow) fetching, so a run's results are never lost at the end.
    problem = cache_problem(args.cache)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    urls = [
        url
        for url in check_site(args.site, check_orphans=False).external_links
        if url.startswith(("http://", "https://"))
    ]
    outcomes = check_urls(urls, args.cache, args.max_age)
    print(failure_table(outcomes))
    return 1 if any(not o.ok and not o.tolerated for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
