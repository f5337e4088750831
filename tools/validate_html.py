"""Validate built pages with the Nu Html Checker (vnu.jar): every error, page by page.

    python tools/validate_html.py site [more folders ...]

One Java process checks every folder given (starting the JVM costs about 2 s; checking the
75 pages of the handbook about 5 s more). The checker comes from the npm registry
(tools/vnu/package.json, exact version in its lock file): `make test` installs it with
`npm ci --prefix tools/vnu`, and it needs Java 11 or newer. Exits 1 when any page has an
error, 2 when the checker or Java is missing.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from project import PROJECT

VNU_JAR = PROJECT / "tools" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


class CheckerMissing(RuntimeError):
    """Java or vnu.jar is not installed; the message says how to install it."""


@dataclass(frozen=True)
class HtmlError:
    page: Path
    line: int | None
    message: str
    extract: str

    def __str__(self) -> str:
        where = f"{self.page}:{self.line}" if self.line else str(self.page)
        return f"{where}: {self.message}"


def checker_command() -> list[str]:
    java = shutil.which("java")
    if java is None:
        raise CheckerMissing("Java is not installed (apt-get install default-jre-headless)")
    if not VNU_JAR.is_file():
        raise CheckerMissing(f"{VNU_JAR} is missing (npm ci --prefix tools/vnu)")
    # -Xss: the checker's parser recurses deeply on long pages (its own README advises 512k+).
    return [java, "-Xss1024k", "-jar", str(VNU_JAR)]


def html_errors(folders: list[Path]) -> list[HtmlError]:
    """Every error the checker reports in the HTML files under `folders` (warnings ignored)."""
    command = checker_command() + [
        "--errors-only",
        "--skip-non-html",
        "--format",
        "json",
        *map(str, folders),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    # The JSON report goes to stderr; exit 1 only means "errors found".
    try:
        report = json.loads(result.stderr)
    except json.JSONDecodeError:
        message = f"vnu.jar failed (exit {result.returncode}):\n{result.stderr[-2000:]}"
        raise RuntimeError(message) from None
    errors = []
    for message in report.get("messages", []):
        if message.get("type") not in ("error", "non-document-error"):
            continue
        url = message.get("url", "")
        page = Path(url.removeprefix("file:")) if url else Path("?")
        errors.append(
            HtmlError(page, message.get("lastLine"), message["message"], message.get("extract", ""))
        )
    return errors


def summary(errors: list[HtmlError], limit: int = 40) -> str:
    """Errors grouped by message (most frequent first), each with up to three pages."""
    by_message: dict[str, list[HtmlError]] = defaultdict(list)
    for error in errors:
        by_message[error.message].append(error)
    lines = [f"{len(errors)} HTML errors on {len({e.page for e in errors})} pages"]
    ranked = sorted(by_message.items(), key=lambda item: -len(item[1]))
    for message, group in ranked[:limit]:
        lines.append(f"  {len(group)} x {message}")
        for error in group[:3]:
            lines.append(f"      {error.page}:{error.line}  {error.extract.strip()[:100]!r}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path, help="built site folders")
    args = parser.parse_args(argv)
    try:
        errors = html_errors(args.folders)
    except CheckerMissing as missing:
        print(f"validate_html: {missing}", file=sys.stderr)
        return 2
    if errors:
        print(summary(errors))
        return 1
    pages = sum(1 for folder in args.folders for _ in folder.rglob("*.html"))
    print(f"{pages} pages: no HTML errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
