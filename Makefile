# kb: build, query and test the knowledge base. `make help` lists the targets.
VENV   ?= .venv
PYTHON ?= python3
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: help demo test lint bench clean

help:  ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)  ## Build the KB from seeds/, validate it, answer the headline question
	$(BIN)/kb build
	$(BIN)/kb validate --all
	$(BIN)/kb query who-affirmed-territorial-integrity

test: $(STAMP)  ## Set up everything and run every test
	$(BIN)/python -m pytest

lint: $(STAMP)  ## Lint and type-check
	$(BIN)/ruff check kb tests
	$(BIN)/mypy kb

clean:  ## Remove the virtual environment and the default store
	rm -rf $(VENV) kb-data
