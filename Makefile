# Two entry points for a fresh machine:  `make demo`  and  `make test`.
# Both are idempotent and work offline once pip's and Maven's caches are warm.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# The corpus to build from: the shared evaluation corpus when it is beside the
# repository, otherwise the small sample corpus shipped in examples/.
DOCS   ?= $(if $(wildcard ../shared/corpus),../shared/corpus,examples/corpus)
BROWSER_TEST_DIR := tests/browser

.PHONY: demo test setup install neo4j lint clean bench

# Ends with what was loaded and where to look at it; `zonekg browser` prints
# the style and the preset queries to paste into Neo4j Browser.
demo: setup
	$(BIN)/zonekg neo4j start
	$(BIN)/zonekg build $(DOCS)
	-$(BIN)/zonekg query enterprises-in-zone --param zone=来凤经济开发区
	$(BIN)/zonekg query stats
	$(BIN)/zonekg neo4j status
	@echo "Next: zonekg browser (login, :style and presets to paste), zonekg query --list"

test: setup
	@if [ -f $(BROWSER_TEST_DIR)/package-lock.json ] && command -v npm >/dev/null; then \
		(cd $(BROWSER_TEST_DIR) && npm ci --silent --no-audit --no-fund); fi
	$(BIN)/python -m pytest

setup: install neo4j

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,bench,distributed]'
	touch $@

neo4j: install
	$(BIN)/zonekg neo4j fetch

# The benchmark empties the database it loads into, so it runs its own
# scratch server (own home and ports), never the one `make demo` filled.
BENCH_HOME ?= $(CURDIR)/.bench-home
bench: setup
	ZONEKG_HOME=$(BENCH_HOME) $(BIN)/zonekg neo4j start --bolt-port 17687 --http-port 17474
	ZONEKG_HOME=$(BENCH_HOME) $(BIN)/zonekg bench $(DOCS) --scale 1,10,100 --workers 2 --wipe --json bench.json
	ZONEKG_HOME=$(BENCH_HOME) $(BIN)/zonekg neo4j stop

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache test-artifacts .bench-home
