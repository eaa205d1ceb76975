# Two commands a fresh machine needs: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test check bench bench-site screenshots deploy clean

$(BIN)/mkdocs: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test,train]'
	touch $@

serve: $(BIN)/mkdocs  ## build the site from seeds/ and serve it at http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --livereload -a 127.0.0.1:8000

build: $(BIN)/mkdocs  ## build the static site into site/
	$(BIN)/mkdocs build --strict

test: $(BIN)/mkdocs  ## run all tests
	$(BIN)/python -m pytest

check: $(BIN)/mkdocs  ## validate the override files in briefings/
	$(BIN)/python -m generator check

bench-site: $(BIN)/mkdocs  ## build 250 and 1,000 synthetic briefings with MkDocs; report time and page sizes
	$(BIN)/python bench/site_scale.py

screenshots: $(BIN)/mkdocs  ## retake the README's screenshots with the browser tests (flags need fonts-noto-color-emoji)
	SCREENSHOT_DIR=docs/assets/screenshots $(BIN)/python -m pytest -q tests/test_browser.py -k screenshots

deploy: $(BIN)/mkdocs  ## publish to the gh-pages branch of origin (the Actions workflow is the usual route)
	$(BIN)/mkdocs gh-deploy --strict

clean:
	rm -rf $(VENV) site .pytest_cache
