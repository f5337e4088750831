"""Shared session work (tests/once_per_run.py): made once for all workers, failures shared."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from once_per_run import once_per_run, run_folder


class Worker:
    """What once_per_run reads of pytest's TempPathFactory: the worker's own base folder."""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder

    def getbasetemp(self) -> Path:
        return self.folder


def _in_threads(workers, call):
    outcomes: dict[int, object] = {}

    def run(index, worker):
        try:
            outcomes[index] = call(worker)
        except BaseException as error:  # pytest.fail raises a BaseException
            outcomes[index] = error

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [outcomes[index] for index in range(len(workers))]


def _as_xdist_worker(monkeypatch, run="run1"):
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    monkeypatch.setenv("PYTEST_XDIST_TESTRUNUID", run)


def test_workers_asking_at_once_get_one_piece_of_work(tmp_path, monkeypatch):
    _as_xdist_worker(monkeypatch)
    calls = []

    def make(folder: Path) -> dict:
        calls.append(folder)
        time.sleep(0.3)  # long enough for the other worker to be waiting
        (folder / "site.txt").write_text("built")
        return {"log": "one build"}

    workers = [Worker(tmp_path / f"popen-gw{n}") for n in range(3)]
    outcomes = _in_threads(workers, lambda worker: once_per_run(worker, "site", make))
    assert calls == [tmp_path / "shared-run1" / "site"]
    assert outcomes == [(tmp_path / "shared-run1" / "site", {"log": "one build"})] * 3
    assert (tmp_path / "shared-run1" / "site" / "site.txt").read_text() == "built"


def test_a_later_run_does_its_own_work(tmp_path, monkeypatch):
    worker = Worker(tmp_path / "popen-gw0")
    for run in ("run1", "run2"):
        _as_xdist_worker(monkeypatch, run)
        folder, made = once_per_run(worker, "site", lambda folder, run=run: {"run": run})
        assert (folder, made) == (tmp_path / f"shared-{run}" / "site", {"run": run})


def test_a_failure_is_reported_by_every_worker_and_not_retried(tmp_path, monkeypatch):
    _as_xdist_worker(monkeypatch)
    calls = []

    def make(folder: Path) -> dict:
        calls.append(folder)
        raise SystemExit("Offline build failed; the bundle was not written.")

    first, second = Worker(tmp_path / "popen-gw0"), Worker(tmp_path / "popen-gw1")
    with pytest.raises(SystemExit):
        once_per_run(first, "bundle", make)
    with pytest.raises(pytest.fail.Exception, match="bundle, made once .* failed:\n.*not written"):
        once_per_run(second, "bundle", make)
    assert len(calls) == 1


def test_without_xdist_the_run_folder_is_the_sessions_own(tmp_path, monkeypatch):
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    assert run_folder(Worker(tmp_path)) == tmp_path
    folder, made = once_per_run(Worker(tmp_path), "data", lambda folder: {"n": 1})
    assert (folder, made) == (tmp_path / "data", {"n": 1})
