# Entry points used by the README and CI. `make build` and `make test` are
# all a fresh machine needs: both install libcmark-dev when it is missing.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
RELEASE_BIN := .build/release/handbook
PREFIX ?= /usr/local

.PHONY: all build test test-deps serve bench search-bench fuzz deps dist install install-binary uninstall clean

all: build

# libcmark-dev (the CommonMark reference library) and pkg-config, from apt.
deps:
	@if ! pkg-config --exists libcmark 2>/dev/null; then \
		echo "Installing libcmark-dev and pkg-config with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev pkg-config; \
	fi

# Release binary, then the bundled handbook into public/.
build: deps
	$(SWIFT) build -c release --product handbook
	$(RELEASE_BIN) build --site .

# The whole suite: Swift tests, the search ranking under Node, the theme in
# headless Chromium, and the release archive (built, then run alone).
test: deps test-deps
	$(SWIFT) test
	node --test Tests/JavaScript/
	python3 -m pytest -q Tests/Browser
	bash scripts/dist.sh
	python3 -m pytest -q Tests/Dist

# Node, Chromium with its driver (Debian), Selenium and axe-core (PyPI), when missing.
test-deps:
	@missing=""; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null 2>&1 || missing="$$missing chromium-driver"; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	@python3 -c "import selenium, pytest" 2>/dev/null || python3 -m pip install -q selenium pytest
	@# axe-core 4.12 for the accessibility test: the copy this package ships (its Playwright is not needed).
	@python3 -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('axe_playwright_python') is None)" \
		|| python3 -m pip install -q --no-deps axe-playwright-python

# The preview server on the bundled handbook: http://127.0.0.1:8000/, live reload.
serve: deps
	$(SWIFT) build -c release --product handbook
	$(RELEASE_BIN) serve --site .

# Handbook vs Hugo (bare) vs raw cmark on a generated handbook: times, ratios, memory,
# output size and the cost of broken links (PAGES=10000 for the issue's figures; RUNS=...).
bench: deps
	$(SWIFT) build -c release --product handbook
	bash scripts/bench.sh $(or $(PAGES),1000) $(or $(RUNS),5)

# Handbook's search beside Pagefind's on the same built site (bytes fetched, time to a
# first result on a throttled phone, top 5 against expected pages): the bundled handbook,
# and a generated one with PAGES=10000. Writes a Markdown table (docs/search.md has the last).
search-bench: deps test-deps
	$(SWIFT) build -c release --product handbook
	@python3 -c "import pagefind" 2>/dev/null || python3 -m pip install -q "pagefind[bin]"
	python3 scripts/search_bench.py $(if $(PAGES),--pages $(PAGES))

# libFuzzer targets with AddressSanitizer, each for SECONDS (default 60):
# Markdown, front matter, links over small sites, templates (scripts/fuzz.sh).
fuzz: deps
	bash scripts/fuzz.sh $(or $(SECONDS),60) $(TARGETS)

# dist/handbook-<version>-linux-<arch>.tar.gz: one self-contained executable
# (static Swift runtime and libcmark, theme compiled in), licences, SHA-256.
dist: deps
	bash scripts/dist.sh

# Installs the binary (the theme is inside it), shell completions for bash,
# zsh and fish, and a man page, under PREFIX. `install-binary` skips building
# the bundled handbook (for CI, after `swift build -c release --product handbook`).
install: build install-binary

install-binary:
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/handbook
	$(RELEASE_BIN) --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/handbook
	$(RELEASE_BIN) --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_handbook
	$(RELEASE_BIN) --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/handbook.fish
	mkdir -p .build/manual
	$(SWIFT) package plugin --allow-writing-to-package-directory generate-manual --output-directory .build/manual >/dev/null
	install -m 644 .build/manual/handbook.1 $(DESTDIR)$(PREFIX)/share/man/man1/handbook.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/handbook $(DESTDIR)$(PREFIX)/share/man/man1/handbook.1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/handbook $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_handbook \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/handbook.fish

clean:
	rm -rf .build .build-dist dist public
