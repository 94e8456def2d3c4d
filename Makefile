# The two commands a newcomer needs: `make run` and `make test`. See README.md.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run test install lint messages demo clean

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content --demo-admin
	@echo ""
	@echo "  NASN is running at   http://127.0.0.1:$(PORT)/"
	@echo "  Wagtail admin:       http://127.0.0.1:$(PORT)/admin/"
	@echo "  Demo admin login:    admin / nasn-demo-admin   (local use only)"
	@echo ""
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# Browser tests run in a process of their own (see tests/browser/conftest.py).
test: install
	$(PY) -m pytest -m "not browser" $(PYTEST_ARGS)
	$(PY) -m pytest -m browser $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

# Rebuild the interface-string catalogues after changing translatable strings in code.
messages: install
	$(PY) manage.py makemessages --all --no-obsolete --ignore=.venv --ignore=tests
	$(PY) manage.py compilemessages --ignore=.venv

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content --demo-admin

clean:
	rm -rf $(VENV) db.sqlite3 media collected-static
