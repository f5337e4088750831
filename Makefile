# The handbook's commands. `make serve` and `make test` are the two a newcomer needs;
# both create .venv and install the exact versions in requirements.lock first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-lock
ADDR ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

VERSION ?= $(shell $(PYTHON) -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
ALIAS ?=

.PHONY: help serve test test-unit build build-zensical bench weight search-eval a11y lighthouse screenshots figures freshness check-links check-external-links lint new-article bundle deploy deploy-dev set-default serve-versions clean lock

help:
	@echo "make serve        serve the site with live reload on http://$(ADDR)"
	@echo "make test         run the whole test suite"
	@echo "make test-unit    only the tests that need no build (about 25 s)"
	@echo "make build        strict build into site/ (the old site/ survives a failed build)"
	@echo "make build-zensical   the same sources built by Zensical into dist/zensical-site/"
	@echo "make check-links  check internal links, anchors and images in site/"
	@echo "make check-external-links   fetch every external link once (cached; for maintainers)"
	@echo "make lint         the pre-commit checks over every file"
	@echo "make new-article SECTION=concepts TITLE=\"...\" TAGS=text,basics   scaffold a page"
	@echo "make bundle       offline HTML bundle: dist/generative-ai-handbook-VERSION-offline.zip"
	@echo "make deploy VERSION=X.Y ALIAS=latest   publish a release with mike (local gh-pages branch)"
	@echo "make deploy-dev   publish main as 'dev'"
	@echo "make set-default VERSION=latest        what the site root redirects to"
	@echo "make serve-versions                    every deployed version on http://$(ADDR)"
	@echo "make bench        build-cost benchmark: prints a table, writes bench-results/bench.json"
	@echo "make weight       bytes per page type (HTML, CSS, JS, fonts, images, data; gzipped) of site/,"
	@echo "                  and of a first search (Chromium; also on 200- and 2,000-page synthetic handbooks)"
	@echo "make search-eval  search relevance: 152 reader queries in Chromium, web and offline editions"
	@echo "make a11y         axe-core over every page of site/, light and dark (a few minutes)"
	@echo "make lighthouse   Lighthouse scores for home, an article and the glossary (needs npm)"
	@echo "make freshness    pages and dataset rows due for review (older than 6 months)"
	@echo "make screenshots  desktop and phone screenshots of five page types into bench-results/"
	@echo "make figures      redraw docs/assets/figures/ from the pages' programs (tools/figures/)"
	@echo "make lock         re-resolve requirements.lock from pyproject.toml"
	@echo "make clean        remove build output and caches"

$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found %s); set PYTHON=python3.11" % sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $@

# Live preview skips minification (mkdocs.yml): it adds about 2 s to every rebuild. --dirty
# renders only the pages an edit changed (hooks/live_preview.py says what that leaves stale).
serve: $(STAMP)
	HANDBOOK_MINIFY=false $(BIN)/mkdocs serve --dev-addr $(ADDR) --livereload --dirty

# The Nu Html Checker (tests/test_valid_html.py): an npm package run with Java. Without npm
# the valid-HTML test is skipped locally (CI installs both; see .ci/run).
VNU_STAMP := tools/vnu/node_modules/.installed
$(VNU_STAMP): tools/vnu/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix tools/vnu --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the valid-HTML test will be skipped (apt-get install npm default-jre-headless)"; fi

# Zensical, the engine after Material 9 (README, "Platform"), in a venv of its own: it pins other
# versions of Markdown and pymdown-extensions than the MkDocs build.
ZENSICAL_VENV := .venv-zensical
ZENSICAL_STAMP := $(ZENSICAL_VENV)/.installed-lock
$(ZENSICAL_STAMP): tools/zensical/requirements.lock
	$(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r tools/zensical/requirements.lock
	@touch $@

# On TEST_WORKERS processes (pytest-xdist): one process keeps one core busy, two use both and
# take about two thirds of the time; three were slower on two cores (README, "Performance").
TEST_WORKERS ?= 2
test: $(STAMP) $(VNU_STAMP) $(ZENSICAL_STAMP)
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

# The tests that need no build of the handbook (about 25 s); `-m site` and `-m browser` pick the rest.
test-unit: $(STAMP)
	$(BIN)/python -m pytest -m unit -n $(TEST_WORKERS)

# The same sources built by Zensical into dist/zensical-site/ (tools/build_zensical.py).
build-zensical: $(STAMP) $(ZENSICAL_STAMP)
	$(BIN)/python tools/build_zensical.py

# Builds into a scratch folder and swaps it in only on success, so a failed build
# (bad data, broken link) never leaves a half-written site/.
build: $(STAMP)
	$(BIN)/python tools/build_site.py --site-dir site

bench: $(STAMP)
	$(BIN)/python tools/bench.py

weight: build
	$(BIN)/python tools/page_weight.py site --root-path /handbook/ --json bench-results/page-weight.json
	$(BIN)/python tools/search_weight.py site --synthetic 200,2000 --json bench-results/search-weight.json

search-eval: build
	$(BIN)/python tools/search_eval.py --site site --json bench-results/search-eval.json

a11y: build
	$(BIN)/python tools/a11y_scan.py site --json bench-results/a11y.json

# Lighthouse is an npm package: installed (exact versions from the lock) into tools/lighthouse/.
LIGHTHOUSE_STAMP := tools/lighthouse/node_modules/.installed
$(LIGHTHOUSE_STAMP): tools/lighthouse/package-lock.json
	@command -v npm >/dev/null || { echo "make lighthouse needs Node.js and npm (apt-get install nodejs npm)"; exit 2; }
	npm ci --prefix tools/lighthouse --no-audit --no-fund
	@touch $@

lighthouse: build $(LIGHTHOUSE_STAMP)
	-$(BIN)/python tools/lighthouse_scores.py site --json bench-results/lighthouse.json
	$(BIN)/python tools/lighthouse_scores.py site --preset desktop --runs 3 --json bench-results/lighthouse-desktop.json

# Pages and product-fact rows not reviewed for 6 months (hooks/freshness.py sets the interval).
freshness: $(STAMP)
	$(BIN)/python tools/freshness_report.py

screenshots: build
	$(BIN)/python tools/screenshots.py site bench-results/screenshots

# Redraw the figures the pages' programs compute (tools/figures/); commit the SVGs.
figures: $(STAMP)
	$(BIN)/python tools/make_figures.py

check-external-links: $(STAMP)
	$(BIN)/python tools/check_external_links.py site

lint: $(STAMP)
	$(BIN)/pre-commit run --all-files

check-links: $(STAMP)
	$(BIN)/python tools/check_links.py site --root-path /handbook/ --sibling latest

new-article: $(STAMP)
	$(BIN)/python tools/new_article.py --section "$(SECTION)" --title "$(TITLE)" --tags "$(TAGS)"

bundle: $(STAMP)
	$(BIN)/python tools/make_bundle.py --version $(VERSION)

# mike commits each version to the local gh-pages branch; add PUSH=--push to publish.
deploy: $(STAMP)
	$(BIN)/mike deploy $(PUSH) --update-aliases --title "$(VERSION)" $(VERSION) $(ALIAS)

deploy-dev: $(STAMP)
	$(BIN)/mike deploy $(PUSH) --title "dev (main)" dev

set-default: $(STAMP)
	$(BIN)/mike set-default $(PUSH) $(VERSION)

serve-versions: $(STAMP)
	$(BIN)/mike serve --dev-addr $(ADDR)

lock:
	rm -rf .venv-lock
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet --disable-pip-version-check \
	  $$($(PYTHON) tools/list_dependencies.py pyproject.toml)
	.venv-lock/bin/python -m pip freeze --all --exclude pip --exclude setuptools > requirements.lock
	rm -rf .venv-lock

clean:
	rm -rf site .site-build dist .pytest_cache .cache
