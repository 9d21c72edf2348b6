# Two commands from a fresh clone: `make run` and `make test`. Nothing else to install.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
PORT ?= 8000
# The demo runs with DEBUG on, so no SECRET_KEY is needed and media is served locally.
DEMO_ENV := DEBUG=1

.PHONY: run test lint format install translations messages demo-data clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(INSTALLED)

# Spanish UI: the .po catalogues are kept in the repo; the .mo files are built here.
translations: $(INSTALLED)
	$(BIN)/python -m borderblog.translations

# After changing UI text: collect new strings into the catalogues (needs GNU gettext).
messages: $(INSTALLED)
	DEBUG=1 $(BIN)/python manage.py makemessages --locale es --ignore '.venv/*' --ignore 'node_modules/*'

demo-data: translations
	$(DEMO_ENV) $(BIN)/python manage.py migrate --noinput --verbosity 0
	$(DEMO_ENV) $(BIN)/python manage.py load_demo
	$(DEMO_ENV) $(BIN)/python manage.py demo_logins

run: demo-data
	@echo "Serving Border Blog on http://127.0.0.1:$(PORT)/"
	$(DEMO_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: translations
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm media staticfiles .pytest_cache
