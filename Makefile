# The two commands a newcomer needs: `make run` and `make test`. See README.md.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# `make run` serves here, and tells the site so: absolute URLs (hreflang, the sitemap, the API's
# links) use this origin, and its `migrate` points the demo Site record at it (home/site_origin.py).
RUN_ORIGIN := http://127.0.0.1:$(PORT)

.PHONY: run serve test install lint messages demo clean requirements

# Development installs the runtime pins and the dev tools; production installs requirements/base.txt only.
$(VENV)/.installed: requirements/base.txt requirements/dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements/base.txt -r requirements/dev.txt
	touch $@

install: $(VENV)/.installed

run: install
	NASN_PUBLIC_ORIGIN=$(RUN_ORIGIN) $(PY) manage.py migrate --noinput
	NASN_PUBLIC_ORIGIN=$(RUN_ORIGIN) $(PY) manage.py load_demo_content --demo-admin
	@echo ""
	@echo "  NASN is running at   $(RUN_ORIGIN)/"
	@echo "  Wagtail admin:       $(RUN_ORIGIN)/admin/"
	@echo "  Demo admin login:    admin / nasn-demo-admin   (local use only)"
	@echo ""
	NASN_PUBLIC_ORIGIN=$(RUN_ORIGIN) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Production: gunicorn (gunicorn.conf.py) with nasn.settings.production, after migrating and collecting
# static files. Uses the virtualenv in $(VENV) as it is (production installs requirements/base.txt only):
# `make serve VENV=/srv/nasn/venv`. README "Production".
serve: export DJANGO_SETTINGS_MODULE = nasn.settings.production
serve:
	@test -n "$$DATABASE_URL" || { echo "make serve: set DATABASE_URL, e.g. postgres://nasn:PASSWORD@127.0.0.1:5432/nasn" >&2; exit 1; }
	@test -n "$$REDIS_URL" || { echo "make serve: set REDIS_URL, e.g. redis://127.0.0.1:6379/0 (the cache all workers share)" >&2; exit 1; }
	@test -x $(VENV)/bin/gunicorn || { echo "make serve: no $(VENV)/bin/gunicorn: pip install -r requirements/base.txt into $(VENV)" >&2; exit 1; }
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput -v0
	exec $(VENV)/bin/gunicorn --config gunicorn.conf.py

# Non-browser tests in parallel (one test database per worker); browser tests in a serial
# process of their own (see tests/browser/conftest.py). --dist loadscope keeps each test class
# (and each module of test functions) on one worker: a class that loads the demo site in
# setUpTestData then loads it once, not once on each worker its tests were spread over.
TEST_WORKERS ?= 2
test: install
	$(PY) -m pytest -m "not browser" -n $(TEST_WORKERS) --dist loadscope --durations=25 $(PYTEST_ARGS)
	$(PY) -m pytest -m browser --durations=10 $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

# Rebuild the interface-string catalogues after changing translatable strings in code.
messages: install
	$(PY) manage.py makemessages --all --no-obsolete --ignore=.venv --ignore=tests
	$(PY) manage.py compilemessages --ignore=.venv

# Re-pin requirements/*.txt after editing a .in file; existing pins are kept unless a change needs
# another version (add --upgrade-package NAME to PIP_COMPILE_ARGS to move one on).
PIP_COMPILE := cd requirements && ../$(VENV)/bin/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links
requirements: install
	$(PIP_COMPILE) $(PIP_COMPILE_ARGS) --output-file base.txt base.in
	$(PIP_COMPILE) $(PIP_COMPILE_ARGS) --output-file dev.txt dev.in

demo: install
	NASN_PUBLIC_ORIGIN=$(RUN_ORIGIN) $(PY) manage.py migrate --noinput
	NASN_PUBLIC_ORIGIN=$(RUN_ORIGIN) $(PY) manage.py load_demo_content --demo-admin

clean:
	rm -rf $(VENV) db.sqlite3 media collected-static .cache
