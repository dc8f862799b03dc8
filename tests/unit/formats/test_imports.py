"""The formats are pure: importing any of them loads no database, no service, no Textual."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

IMPORT = """
import importlib, json, pkgutil, sys
names = {names!r}
if not names:
    import tracker.formats as package
    names = [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
for name in names:
    importlib.import_module(name)
print(json.dumps({{"modules": names, "loaded": sorted(sys.modules)}}))
"""
STORAGE = {"sqlite_utils", "sqlite3", "_sqlite3", "textual"}


def loaded_after_importing(*names: str) -> tuple[list[str], set[str]]:
    result = subprocess.run(
        [sys.executable, "-c", IMPORT.format(names=list(names))],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    answer = json.loads(result.stdout)
    return answer["modules"], set(answer["loaded"])


def test_no_format_loads_storage_services_or_textual() -> None:
    modules, loaded = loaded_after_importing()
    assert "tracker.formats.strava" in modules and "tracker.formats.recovtui_json" in modules
    assert not {name.split(".")[0] for name in loaded} & STORAGE
    assert not any(name.startswith(("tracker.data", "tracker.services")) for name in loaded)


@pytest.mark.parametrize("module", ["tracker.formats.strava", "tracker.domain.classify"])
def test_one_format_alone_loads_no_storage(module: str) -> None:
    _, loaded = loaded_after_importing(module)
    assert not {name.split(".")[0] for name in loaded} & STORAGE


def test_the_check_would_see_storage() -> None:
    _, loaded = loaded_after_importing("tracker.services.importing")
    assert "sqlite3" in loaded
    assert "textual" not in {name.split(".")[0] for name in loaded}


def test_reading_a_csv_loads_no_xml_or_fit_decoder() -> None:
    """gpxpy and fitdecode are loaded by the GPX and FIT parsers when a file needs them:
    importing a Strava or Garmin CSV (or starting ``recovtui import``) never pays for them."""
    _, loaded = loaded_after_importing("tracker.services.importing", "tracker.formats.detect")
    assert not {name.split(".")[0] for name in loaded} & {"gpxpy", "fitdecode"}
    _, loaded = loaded_after_importing("tracker.formats.gpx", "tracker.formats.fit")
    assert not {name.split(".")[0] for name in loaded} & {"gpxpy", "fitdecode"}
