"""Build the offline HTML bundle: dist/<name>-<version>-offline.zip.

The site is built with mkdocs-offline.yml (file:// URLs, no fetching features) into a scratch
folder, zipped there, and only then moved into dist/ with one rename, so a failed or
interrupted run never leaves a partial zip behind. Zip entries are sorted and dated from the
commit (or SOURCE_DATE_EPOCH), so the same commit gives the same zip.

    python tools/make_bundle.py [--version X.Y] [--dist dist]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from pathlib import Path

from project import PROJECT

from build_site import strict_build, why_unwritable

NAME = "generative-ai-handbook"
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can hold


def project_version() -> str:
    return tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"]["version"]


def zip_date() -> tuple[int, int, int, int, int, int]:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not epoch.isdigit():
        commit_time = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=PROJECT, capture_output=True, text=True
        ).stdout.strip()
        epoch = commit_time if commit_time.isdigit() else ""
    if not epoch:
        return ZIP_EPOCH
    moment = time.gmtime(int(epoch))
    return max(ZIP_EPOCH, tuple(moment[:6]))


def write_zip(site: Path, target: Path, folder: str) -> None:
    date = zip_date()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                entry = zipfile.ZipInfo(
                    f"{folder}/{path.relative_to(site).as_posix()}", date_time=date
                )
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.external_attr = 0o644 << 16
                archive.writestr(entry, path.read_bytes())


def build_bundle(version: str, dist: Path, project: Path = PROJECT) -> Path:
    dist.mkdir(parents=True, exist_ok=True)
    folder = f"{NAME}-{version}"
    target = dist / f"{folder}-offline.zip"
    with tempfile.TemporaryDirectory(dir=dist, prefix=".bundle-") as scratch:
        site = Path(scratch) / folder
        result = strict_build(project / "mkdocs-offline.yml", site, HANDBOOK_VERSION=version)
        if result.returncode != 0:
            raise SystemExit(f"Offline build failed; {target} was not written.")
        partial = Path(scratch) / "bundle.zip"
        write_zip(site, partial, folder)
        os.replace(partial, target)  # atomic: the zip appears whole or not at all
        unpacked = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    print(
        f"{target}: {target.stat().st_size / 1e6:.2f} MB zipped, {unpacked / 1e6:.2f} MB unpacked"
    )
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--version", default=os.environ.get("HANDBOOK_VERSION") or project_version()
    )
    parser.add_argument("--dist", type=Path, default=PROJECT / "dist")
    args = parser.parse_args(argv)
    try:
        args.dist.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        print(
            f"Cannot write the bundle: {args.dist} is not a writable folder "
            f"({why_unwritable(args.dist, error)}). Fix: make it writable, or pass --dist.",
            file=sys.stderr,
        )
        return 2
    build_bundle(args.version, args.dist)
    return 0


if __name__ == "__main__":
    sys.exit(main())
