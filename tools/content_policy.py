"""Content policy for docs/: what a pull request may not put into an article.

No <script>, <iframe>, <object> or <embed>; no inline event handlers (on...=); no javascript:
or data: URLs; no images from outside the repository. Each finding names file and line.
(Front matter fields are checked by the build itself, see hooks/handbook/load/article_records.py.)

    python tools/content_policy.py [docs]
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

RULES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    (
        "script",
        re.compile(r"<\s*script\b", re.IGNORECASE),
        "remove the <script> element; behaviour belongs in docs/assets/javascripts/ and a review",
    ),
    (
        "embed",
        re.compile(r"<\s*(iframe|object|embed)\b", re.IGNORECASE),
        "remove the embedded frame; link to the page instead",
    ),
    (
        "event-handler",
        re.compile(r"<[^>]*\s(on[a-z]+)\s*=", re.IGNORECASE),
        "remove the inline event handler attribute",
    ),
    (
        "javascript-url",
        re.compile(r"javascript\s*:", re.IGNORECASE),
        "use an ordinary https:// or relative link",
    ),
    (
        "data-url",
        re.compile(r"(?:\(|=\s*[\"']?)\s*data:[a-z]+/", re.IGNORECASE),
        "save the file under docs/assets/ and link to it",
    ),
    (
        "remote-image",
        re.compile(
            r"!\[[^\]]*\]\(\s*<?(?:https?:)?//|<img[^>]+src\s*=\s*[\"']?(?:https?:)?//",
            re.IGNORECASE,
        ),
        "save the image under docs/assets/ (with its licence) and link to it relatively",
    ),
)
CHECKED_SUFFIXES = (".md", ".html", ".svg")
SKIPPED_FOLDERS = ("assets/javascripts",)  # our own reviewed scripts


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    rule: str
    text: str
    fix: str

    def render(self) -> str:
        return f"{self.file}:{self.line}: {self.rule}: '{self.text}'. Fix: {self.fix}"


def check_text(display: str, text: str) -> list[Finding]:
    findings = []
    for number, line in enumerate(text.splitlines(), start=1):
        for rule, pattern, fix in RULES:
            match = pattern.search(line)
            if match:
                findings.append(Finding(display, number, rule, match.group(0).strip(), fix))
    return findings


def check_docs(docs: Path) -> list[Finding]:
    findings = []
    for path in sorted(docs.rglob("*")):
        relative = path.relative_to(docs).as_posix()
        if path.suffix in CHECKED_SUFFIXES and not relative.startswith(SKIPPED_FOLDERS):
            findings += check_text(f"docs/{relative}", path.read_text(encoding="utf-8"))
    return findings


def main(argv: list[str] | None = None) -> int:
    docs = Path((argv or sys.argv[1:] or ["docs"])[0])
    findings = check_docs(docs)
    for finding in findings:
        print(finding.render(), file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
