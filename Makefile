# recovtui — the two commands of the README are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_APP := $(VENV)/.installed-app
STAMP_TEST := $(VENV)/.installed-test
STAMP_DEV := $(VENV)/.installed-dev
SCREENSHOT_DATE := 2026-11-25

.PHONY: run demo test check screenshots bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_APP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP_APP)

$(STAMP_DEV): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(STAMP_TEST) $(STAMP_APP)

run: $(STAMP_APP)  ## install and start the app on its default database
	$(BIN)/recovtui

demo: $(STAMP_APP)  ## start the app on a fresh demo database
	$(BIN)/recovtui --demo

# The environment may forbid bytecode (PYTHONDONTWRITEBYTECODE): every test
# worker and every `python -m tracker` child would then compile recovtui from
# source (~0.5 s each). The cache goes under .pytest_cache, out of git, and is
# filled once after an install, on both cores, before any test runs: else the
# first run's workers and children each compile Textual, hypothesis and the rest
# for themselves (about 10 s more on a fresh clone).
# Three workers on two cores: a Pilot test spends much of its time asleep in
# Textual's idle waits (20 ms slices), which a third worker fills.
PYCACHE := $(CURDIR)/.pytest_cache/pycache
TEST_ENV := env -u PYTHONDONTWRITEBYTECODE PYTHONPYCACHEPREFIX="$(PYCACHE)"

$(PYCACHE)/.compiled: $(STAMP_TEST)
	-$(TEST_ENV) $(BIN)/python -m compileall -q -j 2 \
		$$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_path("purelib"))') \
		tracker tests > /dev/null
	touch $@

test: $(PYCACHE)/.compiled  ## install the test dependencies and run every test
	$(TEST_ENV) $(BIN)/python -m pytest -n 3 --dist worksteal -q

check: $(STAMP_DEV)  ## lint, format check, strict typing, import contracts
	$(BIN)/ruff check tracker tests bench
	$(BIN)/ruff format --check tracker tests bench
	$(BIN)/mypy --strict tracker
	$(BIN)/lint-imports

screenshots: $(STAMP_TEST)  ## regenerate screenshots/*.svg from the demo database
	$(BIN)/python -m screenshots.make --today $(SCREENSHOT_DATE) --output screenshots

bench: $(STAMP_TEST)  ## the performance figures of DESIGN §11, as ratios
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache snapshot_report.html bench/.data
