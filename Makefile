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
# source (~0.5 s each). The cache goes under .pytest_cache, out of git.
# Three workers on two cores: a Pilot test spends much of its time asleep in
# Textual's idle waits (20 ms slices), which a third worker fills.
test: $(STAMP_TEST)  ## install the test dependencies and run every test
	env -u PYTHONDONTWRITEBYTECODE PYTHONPYCACHEPREFIX="$(CURDIR)/.pytest_cache/pycache" \
		$(BIN)/python -m pytest -n 3 --dist worksteal -q

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
