# Two commands set everything up on a fresh machine: `make demo` and `make test`.
SHELL := /bin/sh
UV := $(shell ./scripts/bootstrap-uv)
# uv must use this machine's Python, never download one.
export UV_PYTHON_DOWNLOADS := never
# Compiled once at install: every later command starts seconds sooner, even where
# Python is told not to write bytecode itself.
export UV_COMPILE_BYTECODE := 1
RUN := $(UV) run --locked --no-sync
MASTHEAD := $(RUN) masthead
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: install tools demo demo-database serve test test-postgres test-all lint format clean

.venv/.installed: pyproject.toml uv.lock
	$(UV) sync --locked
	@touch $@

install: .venv/.installed

# The quality gates' tools (axe-core, the Nu HTML Checker, Lighthouse) come from
# npm (package.json); on a machine without npm their tests are skipped.
NPM := $(shell command -v npm 2>/dev/null)

node_modules/.installed: package.json package-lock.json
ifeq ($(NPM),)
	@echo "npm not found: the accessibility and HTML checks will be skipped"
else
	$(NPM) ci --ignore-scripts --no-audit --no-fund
	@touch $@
endif

tools: node_modules/.installed

# Collected again only when a package or one of the project's static files changed.
MASTHEAD_VAR_DIR ?= var
STATIC_ROOT ?= $(MASTHEAD_VAR_DIR)/static
STATIC_SOURCES := $(shell find masthead -path '*/static/*' -type f 2>/dev/null)

$(STATIC_ROOT)/.collected: .venv/.installed $(STATIC_SOURCES)
	$(MASTHEAD) collectstatic --noinput --verbosity 0
	@touch $@

demo: install
	@$(MAKE) --no-print-directory -j2 demo-database "$(STATIC_ROOT)/.collected"
	$(MASTHEAD) serve --with-worker

# Migrate, load the demo newsroom, admin account; beside the static files (-j2).
demo-database: install
	$(MASTHEAD) demo-setup

serve: install $(STATIC_ROOT)/.collected
	$(MASTHEAD) serve --with-worker

test: install tools
	$(RUN) pytest $(PYTEST_ARGS)

test-postgres: install tools
	DATABASE_URL=$(POSTGRES_URL) $(RUN) pytest $(PYTEST_ARGS)

test-all: test test-postgres

lint: install
	$(RUN) ruff check .
	$(RUN) ruff format --check .
	$(RUN) lint-imports --no-cache
	$(RUN) python manage.py check --fail-level WARNING
	$(RUN) python manage.py makemigrations --check --dry-run

format: install
	$(RUN) ruff check --fix .
	$(RUN) ruff format .

clean:
	rm -rf .venv .tools var .pytest_cache node_modules test-results
