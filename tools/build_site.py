"""Strict build that replaces site/ only when the whole build succeeds.

MkDocs writes pages as it goes and aborts on strict warnings only at the end, so a broken link
would otherwise leave a half-updated site/. Each build goes into a scratch folder of its own
beside site/ and is swapped in only once complete, so:

- a failed build leaves the previous site/ as it was;
- an interrupted one (Ctrl-C, or SIGTERM from a CI runner or an editor) stops MkDocs, removes
  its scratch folder and leaves site/ as it was;
- two builds at once each write their own scratch folder; the swap is done under a lock, so
  site/ is always one whole build (the last to finish);
- an output folder that cannot be written is reported once, before anything is built.

    python tools/build_site.py [--config-file mkdocs.yml] [--site-dir site]
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from project import mkdocs_env

INTERRUPTED = 130  # the shell's code for a command stopped by a signal (128 + SIGINT)


class Interrupted(Exception):
    """SIGTERM (or SIGINT) arrived while building."""


class OutputNotWritable(Exception):
    """The output folder cannot be written; the message says which and how to fix it."""


def strict_build(
    config_file: Path, site_dir: Path, **environment: str
) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` in a child process (a fresh hook module for every build).

    If this process is interrupted, subprocess.run kills the child before re-raising.
    """
    env = mkdocs_env(**environment)
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--config-file",
        str(config_file),
        "--site-dir",
        str(site_dir),
    ]
    return subprocess.run(command, env=env)


def why_unwritable(folder: Path, error: OSError) -> str:
    """The reason a folder could not be created or written, in words."""
    blocker = next((p for p in (folder, *folder.parents) if p.exists()), None)
    if blocker is not None and not blocker.is_dir():
        return f"{blocker} is a file, not a folder"
    return error.strerror or str(error)


def scratch_folder(site_dir: Path, purpose: str) -> Path:
    """A new, empty folder of this build's own beside site_dir (`.site-build-xxxx`)."""
    parent = site_dir.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-{purpose}-", dir=parent))
    except OSError as error:
        raise OutputNotWritable(
            f"Cannot write the build output: {parent} is not a writable folder "
            f"({why_unwritable(parent, error)}). Fix: make it writable (e.g. chmod u+w "
            f"'{parent}'), or build elsewhere with --site-dir."
        ) from None


@contextlib.contextmanager
def raise_on_signals() -> Iterator[None]:
    """Turn SIGTERM (and SIGINT) into `Interrupted`, so the scratch folder is cleaned up."""

    def interrupt(signum, frame):
        raise Interrupted(signal.Signals(signum).name)

    previous = {sig: signal.signal(sig, interrupt) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextlib.contextmanager
def swap_lock(site_dir: Path) -> Iterator[None]:
    """Only one build swaps its output in at a time, with signals held until the swap is done."""
    lock_path = site_dir.absolute().parent / f".{site_dir.name}-swap.lock"
    with open(lock_path, "a") as lock:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


def swap_in(scratch: Path, site_dir: Path) -> None:
    """Make `scratch` the new site_dir; the old one is removed once it is out of the way."""
    with swap_lock(site_dir):
        retired = None
        if site_dir.exists():
            retired = scratch_folder(site_dir, "old") / "site"
            site_dir.rename(retired)
        scratch.rename(site_dir)
    if retired is not None:
        shutil.rmtree(retired.parent, ignore_errors=True)


def build(config_file: Path, site_dir: Path) -> int:
    try:
        scratch = scratch_folder(site_dir, "build")
    except OutputNotWritable as error:
        print(error, file=sys.stderr)
        return 2
    try:
        with raise_on_signals():
            result = strict_build(config_file, scratch)
            if result.returncode != 0:
                print(f"Build failed; {site_dir} was left as it was.", file=sys.stderr)
                return result.returncode
            swap_in(scratch, site_dir)
            return 0
    except (Interrupted, KeyboardInterrupt):
        if scratch.exists():
            print(f"Build interrupted; {site_dir} was left as it was.", file=sys.stderr)
        else:  # the signal was held during the swap and delivered right after it
            print(f"Build interrupted just after {site_dir} was replaced.", file=sys.stderr)
        return INTERRUPTED
    finally:
        shutil.rmtree(scratch, ignore_errors=True)  # gone already if it was swapped in


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    args = parser.parse_args(argv)
    return build(args.config_file, args.site_dir)


if __name__ == "__main__":
    sys.exit(main())
