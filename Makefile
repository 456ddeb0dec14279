# The README's two commands: `make site` (install, then build _site/) and `make test`
# (install the test tools, then run every test). Python packages go into a virtual
# environment, .venv/, since Debian and Ubuntu refuse `pip install` into their Python
# (PEP 668, "externally-managed-environment"); everything else a fresh machine needs is
# installed with apt-get (sudo when not root), or named in one clear line.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip install --quiet --disable-pip-version-check
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT := $(shell command -v apt-get)
PYTEST_ARGS ?=
# Debian's Chromium; on macOS /Applications/Chromium.app/Contents/MacOS/Chromium.
CHROMIUM ?= /usr/bin/chromium
export CHROMIUM

.PHONY: site test install install-test venv

site: install  ## install the requirements into .venv, then build _site/ from content/
	$(PY) build.py

test: install-test  ## install the test tools, then run every test (exit status: pytest's)
	$(PY) -m pytest $(PYTEST_ARGS)

venv: $(PY)

# Debian and Ubuntu ship venv without ensurepip (python3-venv): install it if missing.
$(PY):
	@rm -rf $(VENV)
	@if ! $(PYTHON) -m venv $(VENV) >/dev/null 2>&1; then \
		rm -rf $(VENV); \
		if [ -z "$(APT)" ]; then \
			echo "make: '$(PYTHON) -m venv' failed; install Python 3.11 or newer with venv" \
				"(macOS: brew install python) and run make again" >&2; exit 1; \
		fi; \
		echo "make: installing python3-venv (apt-get) to create $(VENV)"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv \
			&& $(PYTHON) -m venv $(VENV); \
	fi

install: $(PY)
	$(PIP) -r requirements.txt

# Browser tests use Debian's Chromium (browser downloads are not possible everywhere) with the
# Noto CJK fonts, which also print the PDF fixtures; qpdf encrypts one of them; the Nu HTML
# checker needs a Java runtime, and axe-core / vnu-jar come from npm. Only what is missing is
# asked of apt-get: Debian's npm conflicts with a NodeSource nodejs, which carries its own npm.
install-test: $(PY)
	$(PIP) -r requirements-dev.txt
	@missing=""; \
	[ -x "$(CHROMIUM)" ] || missing="$$missing chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v qpdf >/dev/null || missing="$$missing qpdf"; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	{ command -v fc-list >/dev/null && fc-list | grep -qi "Noto Sans CJK"; } \
		|| missing="$$missing fonts-noto-cjk"; \
	if [ -n "$$missing" ]; then \
		if [ -z "$(APT)" ]; then \
			echo "make: install Chromium (at $(CHROMIUM), or set CHROMIUM=path), a Java" \
				"runtime, qpdf and npm (README: macOS), then run make again" >&2; exit 1; \
		fi; \
		echo "make: installing$$missing (apt-get)"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	npm ci --prefix tests --no-audit --no-fund --ignore-scripts --loglevel=error
