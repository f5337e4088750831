"""The real handbook as a plain MkDocs project: the baseline for the build-time ratios.

    python tools/plain_baseline.py FOLDER     (writes FOLDER/plain/mkdocs.yml and builds it once)

"A plain MkDocs build of the same rendered pages" means: the same theme, plugins, templates
and navigation, the same pages (generated ones as files, markers and citations expanded),
and the same final HTML for templates, search and minification to work on, but none of the
handbook's own work: no data loading or validation, no generation, no math typesetting or
cache lookups, no glossary linking, no link check, no HTML repairs, no search index.

How: a build of a copy of the project runs baseline_hooks/capture.py after the handbook's
hook, which writes down each page's Markdown as the hook handed it to MkDocs and each page's
final HTML. The plain project has those Markdown files as its docs/ and one trivial hook,
baseline_hooks/replay.py, which swaps each page's HTML (after Python-Markdown has rendered
it, so parsing is paid) for the captured one.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from project import mkdocs_env

from project_copy import copy_project

BASELINE_HOOKS = Path(__file__).resolve().parent / "baseline_hooks"
CAPTURE_ENV = "HANDBOOK_CAPTURE_DIR"


def _mkdocs_build(config: Path, site: Path, env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
        env=mkdocs_env(**env),
        capture_output=True,
        text=True,
        timeout=900,
    )
    if result.returncode != 0:
        raise SystemExit(f"{config}: build failed\n{result.stderr[-3000:]}")


def prepare(root: Path) -> tuple[Path, dict[str, str]]:
    """Write root/plain (the plain project) from a capture build of a copy of the handbook;
    return its config and the environment its builds need."""
    handbook = copy_project(root / "handbook")
    capture = root / "capture"
    capture_config = handbook / "mkdocs-capture.yml"
    capture_config.write_text(
        f"INHERIT: mkdocs.yml\nhooks:\n  - hooks/handbook_hooks.py\n  - {BASELINE_HOOKS / 'capture.py'}\n",
        encoding="utf-8",
    )
    env = {CAPTURE_ENV: str(capture)}
    _mkdocs_build(capture_config, root / "capture-site", env)

    plain = root / "plain"
    # Images, stylesheets and scripts from docs/, then every page as the hook handed it over.
    shutil.copytree(handbook / "docs", plain / "docs", ignore=shutil.ignore_patterns("*.md"))
    shutil.copytree(capture / "docs", plain / "docs", dirs_exist_ok=True)
    config = plain / "mkdocs.yml"
    config.write_text(
        # Paths in an inheriting file are relative to it: the templates stay the handbook's.
        f"INHERIT: {handbook / 'mkdocs.yml'}\n"
        f"theme:\n  custom_dir: {handbook / 'overrides'}\n"
        f"hooks:\n  - {BASELINE_HOOKS / 'replay.py'}\n"
        "watch: []\n",
        encoding="utf-8",
    )
    return config, env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    config, env = prepare(args.folder.resolve())
    _mkdocs_build(config, args.folder.resolve() / "plain-site", env)
    print(f"plain project: {config}; built into {args.folder / 'plain-site'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
