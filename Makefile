# Two set-up commands, both from a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip install --disable-pip-version-check -q -c constraints.txt

.PHONY: demo test lint bench eval clean

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) -e .
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed
	$(PIP) -e '.[dev]'
	touch $@

demo: $(VENV)/.installed  ## ingest the bundled sample corpus into frontline.db and print a summary
	$(VENV)/bin/frontline demo --db frontline.db

test: $(VENV)/.dev-installed  ## run the test suite
	$(PY) -m pytest

lint: $(VENV)/.dev-installed  ## static checks: ruff (errors, style, imports, complexity, bugbear) and mypy over src
	$(VENV)/bin/ruff check src tests bench scripts
	$(VENV)/bin/mypy

eval: $(VENV)/.installed  ## quality figures: seed gold and the UCDP development rows
	$(VENV)/bin/frontline eval
	$(VENV)/bin/frontline eval --ucdp ../shared/data/ucdp/ucdp_ged_ukraine_dev.csv --years 2022-2023

bench: $(VENV)/.installed  ## throughput against a bare spaCy pass, dirty copies against clean, copy detection
	$(PY) bench/throughput.py
	$(PY) bench/dirty_copies.py
	$(PY) bench/dedup.py

clean:
	rm -rf $(VENV) frontline.db frontline.db-wal frontline.db-shm
