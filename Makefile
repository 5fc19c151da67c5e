# The README's two commands: `make run` and `make test`. Each creates .venv when needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
STORE ?= kg-store

.PHONY: run test lint typecheck docs clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/kg build data/corpus --store $(STORE)
	$(BIN)/kg stats --store $(STORE)
	$(BIN)/kg eval --gold data/gold --store $(STORE) --quiet
	$(BIN)/kg view --store $(STORE) -o kg-view.html
	@echo "wrote kg-view.html: open it in a browser"

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check kg tests
	$(BIN)/ruff format --check kg tests

typecheck: $(STAMP)
	$(BIN)/mypy kg

docs: $(STAMP)
	mkdir -p docs/ontology
	$(BIN)/pylode ontology/lek.ttl -c true -o docs/ontology/index.html

clean:
	rm -rf $(STORE) kg-view.html .pytest_cache .mypy_cache .ruff_cache
