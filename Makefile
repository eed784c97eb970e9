# Two commands do all the set-up on a fresh Debian machine with Python 3.11:
#   make serve   install what the site needs, then serve it on http://127.0.0.1:8000/
#   make test    install what the tests need (Python packages, Debian chromium, npm packages),
#                then run every test
# Both are idempotent; a second run installs nothing new.
#
# A build is three steps around any engine (README, "How the site is built"):
#   before: python -m checker.site generate   (court pages, picker, widget script)
#   build:  mkdocs build                       (or properdocs build, or zensical build --clean)
#   after:  python -m checker.site check site --docs docs
#           (rule statements as `checker verify` checks them, hand-typed fact dates, the examples)
# `python -m checker.site build` runs all three (make build; the tests too).
# COURT=<id> make build builds the site for one court (from build/court/) into site/.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

# COURT (one court's id; empty for every court) reaches the commands through the environment
# only, never pasted into a recipe: $(value) keeps it as given, so neither make nor the shell
# reads it as code. court-id stops make with exit 2 before a build or kit starts when it is not
# one court's id (a typo, or two ids with a space, would build every court's kit).
override COURT := $(value COURT)
export COURT

.PHONY: serve build kit generate test test-fast setup browser chromium lint bench court-id

serve: setup generate
	$(PY) -m mkdocs serve

# One command runs the three steps, so the check reads exactly the site just written (with
# COURT=<id> too) and the Markdown it was built from; the tests run the same command.
build: court-id
	$(PY) -m checker.site build --site-dir site

# COURT=<id> make kit writes build/kit/<id>/; make kit writes every court's kit and build/kit/all/.
# Every file is verified as it is written (checker/site/kit/).
kit: court-id chromium
	$(PY) -m checker.site kit

# The site's own court registry says which ids there are (PACER_HELP_COURTS_CSV included).
court-id: setup
	@$(PY) -c "$$COURT_CHECK"

define COURT_CHECK
import sys
from checker.site.courts.registry import project_registry
from checker.site.project import Project
from checker.site.settings import Settings
settings = Settings.from_env()
known = {court.id for court in project_registry(Project.at("mkdocs.yml", settings))}
if settings.court and settings.court not in known:
    print(f"make: COURT={settings.court!r} is not a court id", file=sys.stderr)
    sys.exit(2)
endef
export COURT_CHECK

generate: court-id
	$(PY) -m checker.site generate

test: setup browser
	$(PY) -m ruff check .
	$(PY) -m pytest

# What needs no build and no browser (tests/conftest.py marks the rest): under a minute on 2 cores.
# Three workers for two cores: many of these tests wait on a loopback server (dripped headers,
# crawl delays), and a third worker fills those waits; worksteal evens out the slow ones.
test-fast: setup
	$(PY) -m ruff check .
	$(PY) -m pytest -n 3 --dist worksteal -m "not build and not browser"

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[site,kit,test]'
	touch $@

# Playwright drives Debian's chromium; it cannot download a browser of its own here.
browser: node_modules/.installed chromium

chromium:
	@command -v chromium >/dev/null || { \
	  echo "Installing Debian's chromium (needs root)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The benchmarks import the test helpers (tests/support) as the tests do, by path, not sys.path.
bench: setup browser
	PYTHONPATH=.:tests/support:benchmarks $(PY) benchmarks/report.py
