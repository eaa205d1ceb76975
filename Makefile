# Two commands a fresh machine needs: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test check bench clean

$(BIN)/mkdocs: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

serve: $(BIN)/mkdocs  ## build the site from seeds/ and serve it at http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --livereload -a 127.0.0.1:8000

build: $(BIN)/mkdocs  ## build the static site into site/
	$(BIN)/mkdocs build --strict

test: $(BIN)/mkdocs  ## run all tests
	$(BIN)/python -m pytest

check: $(BIN)/mkdocs  ## validate the override files in briefings/
	$(BIN)/python -m generator check

clean:
	rm -rf $(VENV) site .pytest_cache
