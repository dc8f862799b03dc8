"""The domain and the data layer import no Textual; the domain no storage (CONVENTIONS 1)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

IMPORT_ALL = """
import importlib, json, pkgutil, sys
import {package} as package
names = [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
for name in names:
    importlib.import_module(name)
print(json.dumps({{"modules": names, "loaded": sorted(sys.modules)}}))
"""


def loaded_after_importing(package: str) -> tuple[list[str], set[str]]:
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL.format(package=package)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    answer = json.loads(result.stdout)
    return answer["modules"], set(answer["loaded"])


def top_level(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


@pytest.mark.parametrize("package", ["tracker.domain", "tracker.data"])
def test_no_textual(package: str) -> None:
    modules, loaded = loaded_after_importing(package)
    assert f"{package}.plan" in modules or f"{package}.store" in modules
    assert "textual" not in top_level(loaded)
    assert "tracker.app" not in loaded
    assert not any(name.startswith("tracker.screens") for name in loaded)


def test_the_domain_imports_no_storage() -> None:
    _, loaded = loaded_after_importing("tracker.domain")
    assert not top_level(loaded) & {"textual", "sqlite_utils", "sqlite3", "_sqlite3"}
    assert not any(name.startswith("tracker.data") for name in loaded)


def test_the_check_would_see_textual() -> None:
    _, loaded = loaded_after_importing("tracker.screens")
    assert "textual" in top_level(loaded)


MAX_LINES = 400
"""A module longer than this does more than one thing (docs/architecture.md)."""


def test_no_module_is_over_four_hundred_lines() -> None:
    from pathlib import Path

    import tracker

    root = Path(tracker.__file__).parent
    long = {
        str(path.relative_to(root)): lines
        for path in sorted(root.rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
