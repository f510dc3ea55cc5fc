# Two commands for a new machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV := DJANGO_DEBUG=true

.PHONY: run test lint check messages system-deps browser-deps server-deps bench clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --silent

# WeasyPrint (handout PDFs) needs Pango; fonts-dejavu gives PDFs a known font;
# gettext compiles the interface's message catalogues (locale/).
system-deps:
	@if ! ldconfig -p | grep -q libpangoft2-1.0 || ! fc-list 2>/dev/null | grep -qi dejavu || ! command -v msgfmt >/dev/null; then \
	  echo "Installing Pango and fonts for handout PDFs, gettext for the translations (Debian packages)"; \
	  $(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq && \
	  $(if $(filter 0,$(shell id -u)),,sudo) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fontconfig gettext >/dev/null; \
	fi

# The interface's translations (locale/*/LC_MESSAGES/django.po) compiled to .mo files, never committed.
messages: $(STAMP) system-deps
	$(DEV) $(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules --ignore=staticfiles -v 0

# Browser tests drive Debian's Chromium (never `playwright install`).
browser-deps: system-deps
	@if [ ! -x /usr/bin/chromium ] || ! command -v pdftotext >/dev/null; then \
	  echo "Installing Debian chromium for the browser tests, poppler-utils to read handout PDFs"; \
	  $(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq && \
	  $(if $(filter 0,$(shell id -u)),,sudo) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null; \
	fi

# The two-server test starts its own redis-server (it skips without one, unless CI=true); the production
# set-up (deploy/serve.py, and the tests that start it) runs Debian's nginx in front of gunicorn.
server-deps:
	@if ! command -v redis-server >/dev/null || ! { command -v nginx || test -x /usr/sbin/nginx; } >/dev/null; then \
	  echo "Installing Debian redis-server and nginx for the server tests"; \
	  $(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq && \
	  $(if $(filter 0,$(shell id -u)),,sudo) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server nginx >/dev/null; \
	fi

run: $(STAMP) system-deps messages
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py load_oms_content
	@echo ""
	@echo "Portal: http://127.0.0.1:8000/   Admin: http://127.0.0.1:8000/admin/"
	@echo "Create a staff login with:  DJANGO_DEBUG=true $(BIN)/python manage.py createsuperuser"
	@echo "then its sign-in app set-up link with:  DJANGO_DEBUG=true $(BIN)/python manage.py reset_otp USERNAME"
	@echo ""
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:8000

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

check: $(STAMP)
	$(DEV) $(BIN)/python manage.py check
	$(DEV) $(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_SECRET_KEY=check-deploy-$$(date +%s)-a-long-random-looking-value-for-the-check DJANGO_ALLOWED_HOSTS=portal.example.org \
	  $(BIN)/python manage.py check --deploy --fail-level WARNING

# One pytest worker per core (pytest-xdist); a module's shared servers stay on one worker (xdist_group);
# the long tests are handed out first, in the order tests/conftest.py gives them; the slowest 15 printed.
test: $(STAMP) node_modules/.package-lock.json browser-deps server-deps messages lint check
	$(BIN)/pytest -n auto --dist loadgroup --no-loadscope-reorder --durations=15

# Speed figures (printed, not asserted), one entry point: the portal against a bare
# Django project, one app server against two, queries, page weight, PDF time, quiz
# results, then (bench/scale.py) content at 10x and 100x, memory over 500 PDFs and
# admin pages at 1M quiz attempts; search throughput last.
bench: $(STAMP) system-deps server-deps
	@command -v wrk >/dev/null || { $(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq && \
	  $(if $(filter 0,$(shell id -u)),,sudo) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python bench/run.py
	$(BIN)/python bench/search.py

clean:
	rm -rf $(VENV) node_modules staticfiles var
