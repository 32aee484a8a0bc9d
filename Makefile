# thidua — every command a developer or an office's IT officer needs.
# `make run` and `make test` start from nothing but Python 3.11.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip install --disable-pip-version-check -q --build-constraint build-constraints.txt
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install install-test browser run demo test test-fast lint format bench messages clean \
	deploy-check web worker beat serve backup restore

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	# pip ≥ 25.3 for --build-constraint: xstatic-bootstrap's sdist still needs setuptools < 81.
	$(BIN)/python -m pip install --disable-pip-version-check -q --upgrade "pip>=25.3"

$(VENV)/.installed: $(BIN)/python pyproject.toml build-constraints.txt
	$(PIP) -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test browser

# Browser tests drive Debian's chromium (never a downloaded browser: no internet here), and
# read PDFs back with poppler; the papers' layout tests open each DOCX in LibreOffice
# (libreoffice-writer-nogui: Writer without its GUI, enough for --headless --convert-to pdf).
# Installed when we are root; otherwise those tests skip.
browser:
	@if [ ! -x /usr/bin/chromium ] || ! command -v pdftotext >/dev/null || ! command -v msgfmt >/dev/null \
	    || ! command -v soffice >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils fonts-liberation2 gettext \
	      libreoffice-writer-nogui >/dev/null) \
	      || echo "Không cài được chromium hoặc LibreOffice: các kiểm thử trình duyệt và bố cục bản Word sẽ bị bỏ qua."; \
	  else echo "Không có chromium hoặc LibreOffice (cần quyền root để cài): các kiểm thử trình duyệt và bố cục bản Word sẽ bị bỏ qua."; fi; \
	fi

demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo --dia-chi http://$(HOST):$(PORT)

run: demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production (docs/deployment.md). Settings come from the environment or .env (see
# .env.example): DEBUG=False, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL, MEDIA_ROOT.
# deploy-check: migrations applied, static files collected, Django's deployment checks.
deploy-check: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput -v 0
	$(BIN)/python manage.py check --deploy --fail-level ERROR

web: install
	$(BIN)/gunicorn -c deploy/gunicorn.conf.py thidua.wsgi

worker: install
	$(BIN)/celery -A thidua worker --loglevel=INFO

beat: install
	$(BIN)/celery -A thidua beat --loglevel=INFO --schedule var/celerybeat-schedule

# One machine: web, worker and beat together in the foreground; Ctrl-C stops all three.
serve: deploy-check
	@trap 'kill $$(jobs -p) 2>/dev/null; wait' EXIT INT TERM; \
	$(BIN)/celery -A thidua worker --loglevel=INFO & \
	$(BIN)/celery -A thidua beat --loglevel=INFO --schedule var/celerybeat-schedule & \
	$(BIN)/gunicorn -c deploy/gunicorn.conf.py thidua.wsgi

# make backup [BACKUP_DIR=var/backups]; make restore BACKUP=var/backups/thidua-YYYYMMDD-HHMMSS
# (into the empty database of DATABASE_URL and the empty MEDIA_ROOT).
BACKUP_DIR ?= var/backups
backup: install
	$(BIN)/python manage.py backup --thu-muc $(BACKUP_DIR)

restore: install
	@test -n "$(BACKUP)" || { echo "Cần BACKUP=<thư mục bản sao lưu>"; exit 2; }
	$(BIN)/python manage.py restore $(BACKUP)

# mypy: services, queries, rules and workflows (files and settings in pyproject.toml [tool.mypy]);
# incremental through .mypy_cache, so only the first run reads the whole of Django's stubs.
lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python manage.py makemigrations --check --dry-run

# pytest exits 5 when it collected nothing: for us that is a broken suite, not a pass.
test: install-test lint
	@$(BIN)/pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest: không có kiểm thử nào chạy (no tests ran)"; fi; exit $$rc

test-fast: install-test
	$(BIN)/pytest -x -q -m "not browser" $(PYTEST_ARGS)

format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install-test
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# The English catalogue (Vietnamese is the source language of every msgid): gather the strings
# into locale/en/LC_MESSAGES/django.po, then compile django.mo. Both files are committed, so
# `make run` needs no gettext tools. Translate every new entry and leave none fuzzy
# (thidua/core/tests/test_i18n.py checks). Needs GNU gettext (apt-get install gettext).
messages: install
	$(BIN)/python manage.py makemessages -l en --ignore=.venv --ignore=bench --ignore=tests --no-obsolete
	$(BIN)/python manage.py compilemessages -l en --ignore=.venv

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache .ruff_cache .mypy_cache
