# Two commands from a fresh clone: `make run` and `make test`. Nothing else to install.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
PORT ?= 8000
NPM := $(shell command -v npm 2>/dev/null)
# The development checkout's settings (DEBUG=1, a key of its own), written once and
# read by every manage.py command, so they all work as `make run` does. ENV_FILE puts
# it elsewhere, for make and for the settings alike (the smoke tests use that).
ENV_FILE ?= .env
DEV_ENV := $(ENV_FILE)
export ENV_FILE

.PHONY: run test lint format install translations messages demo-data clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(INSTALLED)

$(DEV_ENV): | $(INSTALLED)
	$(BIN)/python -m borderblog.dev_env $@

# Spanish UI: the .po catalogues are kept in the repo; the .mo files are built here.
translations: $(INSTALLED)
	$(BIN)/python -m borderblog.translations

# The page checkers (Nu HTML Checker, axe-core) come from the npm registry, pinned by
# package-lock.json. Without npm (or offline) the tests that need them are skipped and
# say why; in CI they must run. --ignore-scripts: vnu-jar would download its own JDK.
node_modules/.package-lock.json: package-lock.json
ifdef NPM
	-$(NPM) ci --ignore-scripts --no-audit --no-fund --loglevel=error
endif

# After changing UI text: collect new strings into the catalogues (needs GNU gettext).
messages: $(INSTALLED) | $(DEV_ENV)
	$(BIN)/python manage.py makemessages --locale es --ignore '.venv/*' --ignore 'node_modules/*'

demo-data: translations | $(DEV_ENV)
	$(BIN)/python manage.py migrate --noinput --verbosity 0
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py demo_logins

run: demo-data
	@echo "Serving Border Blog on http://127.0.0.1:$(PORT)/"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Two workers or more (pytest-xdist); the smoke tests' servers start once per module,
# on one worker (--dist loadgroup).
test: translations node_modules/.package-lock.json
	$(BIN)/pytest -n auto --dist loadgroup $(PYTEST_ARGS)

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) $(DEV_ENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm media private staticfiles .pytest_cache node_modules
