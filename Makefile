# The installs behind the README's two commands (`make site`, and `make install-test &&
# python3 -m pytest`). Everything a fresh machine needs is installed here.
PYTHON ?= python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site install install-test

site: install  ## install the requirements and build _site/ from content/
	$(PYTHON) build.py

install:
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt

# Browser tests use Debian's Chromium (browser downloads are not possible everywhere) with the
# Noto CJK fonts, which also print the PDF fixtures; qpdf encrypts one of them; the Nu HTML
# checker needs a Java runtime, and axe-core / vnu-jar come from npm.
install-test:
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@if ! command -v chromium >/dev/null || ! command -v java >/dev/null \
			|| ! command -v qpdf >/dev/null || ! fc-list | grep -qi "Noto Sans CJK"; then \
		$(SUDO) apt-get update -qq && \
		$(SUDO) apt-get install -y -qq --no-install-recommends chromium default-jre-headless \
			fonts-noto-cjk qpdf; \
	fi
	npm ci --prefix tests --no-audit --no-fund --ignore-scripts --loglevel=error
