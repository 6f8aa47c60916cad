# kb: build, query and test the knowledge base. `make help` lists the targets.
VENV   ?= .venv
PYTHON ?= python3
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed
# Debian packages the test suite uses: rapper checks Turtle, Virtuoso is a SPARQL
# server under test, Chromium renders the HTML report.
SYSTEM_PACKAGES = raptor2-utils virtuoso-opensource chromium chromium-driver
SYSTEM_STAMP    = $(VENV)/.system-packages

.PHONY: help demo test lint tidy bench dist clean system-packages

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(SYSTEM_STAMP): | $(STAMP)
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages: $$missing"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  $$(command -v sudo) apt-get update -qq && \
	  $$(command -v sudo) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
	touch $(SYSTEM_STAMP)

system-packages: $(SYSTEM_STAMP)  ## Install the Debian packages the tests use (rapper, Virtuoso, Chromium)

demo: $(STAMP)  ## Build the KB from seeds/, validate it, answer the headline question
	$(BIN)/kb build
	$(BIN)/kb validate --all
	$(BIN)/kb query who-affirmed-territorial-integrity

test: $(STAMP) $(SYSTEM_STAMP) lint  ## Set up everything, lint, and run every test
	$(BIN)/python -m pytest

lint: $(STAMP)  ## Lint, check formatting, type-check, and check the import contracts (.importlinter)
	$(BIN)/ruff check kb tests
	$(BIN)/ruff format --check kb tests
	$(BIN)/mypy kb
	$(BIN)/lint-imports

tidy: $(STAMP)  ## Rewrite registry.ttl and the lexicons in their canonical form (the check: tests/test_canonical.py)
	$(BIN)/python -m kb.canonical --fix

bench: $(STAMP)  ## Run the benchmarks (SIZES=1000,10000,100000)
	$(BIN)/python -m benchmarks.run --sizes $${SIZES:-1000,10000,100000}

dist: $(STAMP)  ## Build the sdist and the wheel into dist/ and check their metadata (BUILD_FLAGS=--no-isolation: offline)
	rm -rf dist
	$(BIN)/python -m build $(BUILD_FLAGS) --outdir dist .
	$(BIN)/twine check --strict dist/*

clean:  ## Remove the virtual environment, the default store and dist/
	rm -rf $(VENV) kb-data dist
