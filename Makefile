# Two commands a fresh machine needs: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# Which builder `make serve` and `make build` use: mkdocs (MkDocs + Material, with the plugin),
# properdocs (the same, with ProperDocs) or zensical (the pages written to build/docs first).
# The day MkDocs 1.6 or Material stops installing, change this one line.
BUILDER ?= mkdocs
ADDRESS := 127.0.0.1:8000
# Where `generator build --out` writes the pages for Zensical (zensical.yml's docs_dir).
DOCS_FOLDER := build/docs

.PHONY: serve build test check bench bench-site bench-builders screenshots deploy clean \
	serve-mkdocs serve-properdocs serve-zensical build-mkdocs build-properdocs build-zensical

$(BIN)/mkdocs: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test,builders,dask,train]'
	touch $@

serve: serve-$(BUILDER)  ## build the site from seeds/ and serve it at http://127.0.0.1:8000 with live reload

build: build-$(BUILDER)  ## build the static site into site/ (strict)

# --dirty: a save re-renders only the pages whose Markdown changed (generator/site/plugin.py keeps the
# served site whole); checked with MkDocs, so ProperDocs serves as before.
SERVE_FLAGS_mkdocs := --dirty

serve-mkdocs serve-properdocs: serve-%: $(BIN)/mkdocs
	$(BIN)/$* serve -f mkdocs.yml --livereload $(SERVE_FLAGS_$*) -a $(ADDRESS)

build-mkdocs build-properdocs: build-%: $(BIN)/mkdocs
	$(BIN)/$* build --strict -f mkdocs.yml

# Zensical runs no MkDocs plugins: the pages are written to $(DOCS_FOLDER) first, and while
# serving, a watcher rewrites the pages that change when seeds/, briefings/ or docs/ do.
serve-zensical: $(BIN)/mkdocs
	$(BIN)/python -m generator build --out $(DOCS_FOLDER) --watch -- $(BIN)/zensical serve -f zensical.yml -a $(ADDRESS)

build-zensical: $(BIN)/mkdocs
	$(BIN)/python -m generator build --out $(DOCS_FOLDER) --strict
	$(BIN)/zensical build --strict -f zensical.yml

test: $(BIN)/mkdocs  ## run all tests
	$(BIN)/python -m pytest

check: $(BIN)/mkdocs  ## validate the override files in briefings/
	$(BIN)/python -m generator check

bench-site: $(BIN)/mkdocs  ## build 250 and 1,000 synthetic briefings with MkDocs; report time and page sizes
	$(BIN)/python bench/site_scale.py

bench-builders: $(BIN)/mkdocs  ## build 1,000 synthetic briefings with each builder, side by side
	$(BIN)/python bench/builders.py

screenshots: $(BIN)/mkdocs  ## retake the README's screenshots with the browser tests (flags need fonts-noto-color-emoji)
	SCREENSHOT_DIR=docs/assets/screenshots $(BIN)/python -m pytest -q tests/test_browser.py -k "screenshots and mkdocs"

deploy: $(BIN)/mkdocs  ## publish to the gh-pages branch of origin (the Actions workflow is the usual route)
	$(BIN)/mkdocs gh-deploy --strict

clean:
	rm -rf $(VENV) site build .cache .pytest_cache
