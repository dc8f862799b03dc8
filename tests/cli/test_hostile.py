"""The hostile corpus: every case refused with one line (or, for a command in settings,
imported without it), no traceback, the database unchanged, memory bounded.

The cases are built at test time by ``tests/fixtures/hostile/cases.py``; their time is
measured by ``bench/hostile.py``, not asserted here. Each import runs in a forked child
(``recovtui``'s own ``main``), so its peak memory can be read with ``wait4``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pendulum
import pytest

from tests.cli.run import FIXTURES, TODAY
from tests.fixtures.hostile import cases
from tests.fixtures.hostile.cases import CASES, Case, build
from tracker.data.db import open_db
from tracker.data.store import Store
from tracker.services.exporting import export_json
from tracker.services.importing import import_files

PEAK_GROWTH_MB = 300
"""What one refused import may add to the process's peak memory."""


@pytest.fixture(scope="module")
def corpus(
    pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """The cases' files, built once and kept in pytest's cache folder until
    ``cases.py`` changes (building the bombs takes seconds; reading them does not)."""
    cache = getattr(pytestconfig, "cache", None)
    if cache is None:  # run without the cache plugin: build for this run only
        return {case.name: path for case, path in build(tmp_path_factory.mktemp("hostile"))}
    return {case.name: path for case, path in _cached(cache.mkdir("hostile-corpus"))}


def _cached(root: Path) -> list[tuple[Case, Path]]:
    """The corpus in ``root``/<digest of cases.py>: built into a fresh folder renamed
    into place whole, so that a second worker never reads a half-built one."""
    digest = hashlib.sha256(Path(cases.__file__).read_bytes()).hexdigest()[:16]
    folder = root / digest
    if not folder.is_dir():
        building = Path(tempfile.mkdtemp(dir=root, prefix="building-"))
        build(building)
        try:
            building.rename(folder)
        except OSError:  # another worker got there first: its corpus is the same
            shutil.rmtree(building, ignore_errors=True)
        for old in root.iterdir():
            if old != folder and not old.name.startswith("building-"):
                shutil.rmtree(old, ignore_errors=True)
    return [(case, folder / case.name) for case in CASES]


def _document(db: Path) -> dict[str, Any]:
    store = Store(open_db(db))
    try:
        doc = export_json(store, pendulum.datetime(2026, 11, 25, tz="UTC"))
    finally:
        store.close()
    return doc


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "recovtui.db"
    store = Store(open_db(path))
    import_files(store, [FIXTURES / "small_export.json"], "UTC")
    store.close()
    yield path


def _forked(run: Any, out: Path, err: Path) -> tuple[int, float]:
    """Run ``run()`` in a forked child: (its exit code, its peak memory in MB)."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 99
        try:
            with out.open("w") as stdout, err.open("w") as stderr:
                os.dup2(stdout.fileno(), 1)
                os.dup2(stderr.fileno(), 2)
                sys.stdout = os.fdopen(1, "w", closefd=False)
                sys.stderr = os.fdopen(2, "w", closefd=False)
                try:
                    code = run()
                except BaseException:
                    import traceback

                    traceback.print_exc()
                sys.stdout.flush()
                sys.stderr.flush()
        finally:
            os._exit(code)
    _, status, usage = os.wait4(pid, 0)
    return os.waitstatus_to_exitcode(status), usage.ru_maxrss / 1024


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_a_hostile_file_is_refused_cleanly(
    case: Case, corpus: dict[str, Path], db: Path, tmp_path: Path
) -> None:
    from tracker.__main__ import main

    before = _document(db)
    out, err = tmp_path / "out", tmp_path / "err"
    _, baseline = _forked(lambda: 0, out, err)
    argv = ["import", str(corpus[case.name]), "--db", str(db), "--today", TODAY]
    code, peak = _forked(lambda: main(argv), out, err)
    stdout, stderr = out.read_text(), err.read_text()

    assert "Traceback" not in stderr
    assert code == case.code, stderr
    if case.code == 2:
        assert stdout == ""
        assert stderr.count("\n") == 1, stderr
        assert case.message in stderr
        assert stderr.startswith(f"recovtui: {case.name}")
    else:
        assert case.message in stdout
    assert _document(db) == before
    assert peak - baseline < PEAK_GROWTH_MB, f"{peak - baseline:.0f} MB"
