# Two commands set everything up on a fresh machine:
#   make demo   install into .venv, ingest seeds/ into ./kg-store, print a summary, a sample query and the attacks
#   make test   install into .venv with the test extras, run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= kg-store

.PHONY: demo test install install-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'

demo: install
	$(BIN)/kg --store $(STORE) ingest seeds/
	$(BIN)/kg --store $(STORE) stats
	$(BIN)/kg --store $(STORE) query entities-by-type --limit 15
	$(BIN)/kg --store $(STORE) query attacks

test: install-test
	$(BIN)/python -m pytest

clean:
	rm -rf $(STORE) build *.egg-info
