"""Work done once per test run, however many worker processes run the suite.

`make test` runs the suite on two pytest-xdist workers. Each worker has a session of its own,
so a session fixture alone would build the handbook once per worker, both at the same time on
a two-core machine. Here the first worker to ask does the work, under a file lock, in a folder
all workers of the run share, and writes a record of it; the others wait on the lock and read
the record. A failure is recorded too: the other workers report it instead of trying again.
Without xdist the same code runs in the one process.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temporary folder every worker of this run shares.

    xdist gives each worker a base folder of its own inside the run's (`pytest-N/popen-gw0`);
    the shared one goes beside them, named after the run's id, which every worker of a run
    has and no other run does, so a record is never read from another run. Without xdist it
    is the base folder itself."""
    base = tmp_path_factory.getbasetemp()
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    if not os.environ.get("PYTEST_XDIST_WORKER") or not run:
        return base
    shared = base.parent / f"shared-{run}"
    shared.mkdir(exist_ok=True)
    return shared


def once_per_run(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], dict]
) -> tuple[Path, dict]:
    """(folder, record): `make(folder)` writes into `folder` and returns a JSON-able record;
    it is called by the first worker that asks, and every worker gets the same pair."""
    shared = run_folder(tmp_path_factory)
    folder, record = shared / name, shared / f"{name}.json"
    with FileLock(shared / f"{name}.lock"):
        if not record.exists():
            folder.mkdir()
            try:
                made = make(folder)
            # SystemExit too: the bundle's builder exits with its message on a failed build
            except (Exception, SystemExit, pytest.fail.Exception) as error:
                record.write_text(json.dumps({"failed": f"{type(error).__name__}: {error}"}))
                raise
            record.write_text(json.dumps({"made": made}))
            return folder, made
    outcome = json.loads(record.read_text())
    if "failed" in outcome:
        pytest.fail(f"{name}, made once for the whole run, failed:\n{outcome['failed']}")
    return folder, outcome["made"]
