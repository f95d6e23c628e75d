# The two commands of the README:
#   make run   -- create .venv, install sitrep, extract events from the bundled samples
#   make test  -- install the test tools too, then run the test suite
PYTHON ?= python3.11
VENV ?= .venv
BIN = $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: run test test-slow test-all lint gate model clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.installed
	$(BIN)/sitrep extract samples/ -o events.jsonl -o events.geojson --table

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

test-slow: $(VENV)/.installed-test
	$(BIN)/python -m pytest -m slow $(PYTEST_ARGS)

test-all: test test-slow

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests

# Rebuild the shipped models: the event-type model from the invented corpus (its generator in
# scripts/) and the gold corpus's train split, the frame model from the gold corpus, and the
# date model and the keep model from what the frame model proposes on it.
model: $(VENV)/.installed
	$(BIN)/python scripts/generate_corpus.py src/sitrep/training/corpus.jsonl
	$(BIN)/sitrep train --gold corpus/gold.jsonl -o src/sitrep/data/model/events.npz
	$(BIN)/sitrep train --frames corpus/gold.jsonl -o src/sitrep/data/model/frames.npz --frame-model none
	$(BIN)/sitrep train --dates corpus/gold.jsonl -o src/sitrep/data/model/dates.npz --frame-model src/sitrep/data/model/frames.npz
	$(BIN)/sitrep train --keep corpus/gold.jsonl -o src/sitrep/data/model/keep.npz --frame-model src/sitrep/data/model/frames.npz
	$(BIN)/sitrep train --reports corpus/gold.jsonl -o src/sitrep/data/model/reports.npz --frame-model src/sitrep/data/model/frames.npz

clean:
	rm -rf $(VENV) events.jsonl events.geojson .pytest_cache
