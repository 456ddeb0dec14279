"""Browser suite fixtures: the real project built once, served over HTTP, one Chromium.

Missing tools fail every test with the command that installs them: a browser check that
silently skips is a check nobody runs.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))  # Debian's; macOS: see README
NODE_MODULES = REPO / "tests" / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
NPM_HINT = "run `npm ci --prefix tests` (installs axe-core and vnu-jar from tests/package.json)"

# Flags that keep Chromium from phoning home, so the outside-request check sees only the site.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives Debian's Chromium through Playwright")


def require_file(path: Path, hint: str) -> Path:
    """`path`, or a test failure that says how to install it."""
    if not path.is_file():
        pytest.fail(f"{path} is missing: {hint}", pytrace=False)
    return path


def require_program(name: str, hint: str) -> str:
    """The full path of program `name`, or a test failure that says how to install it."""
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"`{name}` is not on PATH: {hint}", pytrace=False)
    return found


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project, built once by `python build.py` as a user runs it."""
    return built_by_build_py(tmp_path_factory.mktemp("browser") / "_site")


def built_by_build_py(out: Path, *args: str) -> Path:
    """`python3 build.py build ARGS --out OUT` as a user runs it; OUT, or the test fails."""
    result = subprocess.run(
        [sys.executable, "build.py", "build", *args, "--out", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if result.returncode != 0:
        pytest.fail(f"build failed:\n{result.stdout}{result.stderr}", pytrace=False)
    return out


@pytest.fixture(scope="session")
def page_urls(site_dir: Path) -> list[str]:
    """Every page of the build as a path relative to the site root ('', 'en/', '404.html')."""
    urls = []
    for html_file in sorted(site_dir.rglob("*.html")):
        rel = html_file.relative_to(site_dir).as_posix()
        urls.append(rel.removesuffix("index.html") if html_file.name == "index.html" else rel)
    assert urls, f"the build in {site_dir} has no HTML pages"
    return urls


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass  # pytest shows captured output on failure; access logs would only be noise


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    """The build served by a real HTTP server on a free local port, as 'http://…/'."""
    with served(site_dir) as url:
        yield url


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """`folder` served by a real HTTP server on a free local port, as 'http://…/'."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def nu_checker_errors(site: Path, vnu_command: list[str]) -> str:
    """What the Nu HTML checker says of every page and stylesheet of `site` (one JVM for
    all files: starting Java is the slow part); empty when all are valid."""
    files = sorted(site.rglob("*.html")) + sorted(site.rglob("*.css"))
    assert any(path.suffix == ".html" for path in files), f"no HTML in {site}"
    result = subprocess.run(
        [*vnu_command, "--errors-only", "--format", "gnu", "--also-check-css", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = (result.stdout + result.stderr).replace(f"file:{site.as_posix()}/", "")
    return output.strip() or ("" if result.returncode == 0 else f"exit {result.returncode}")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole session; each test opens its own context."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail(
            "Python playwright is missing: pip install -r requirements-dev.txt", pytrace=False
        )
    require_file(CHROMIUM, "apt-get install -y chromium (Playwright cannot download browsers)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh desktop-sized tab; tests resize it with page.set_viewport_size()."""
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


@pytest.fixture(scope="session")
def axe_js() -> Path:
    return require_file(AXE_JS, NPM_HINT)


@pytest.fixture(scope="session")
def vnu_command() -> list[str]:
    """The Nu HTML checker's command line, up to its file arguments."""
    java = require_program("java", "apt-get install -y default-jre-headless")
    return [java, "-jar", str(require_file(VNU_JAR, NPM_HINT))]
