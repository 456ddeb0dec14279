"""The 404 page at a missing address three folders deep: its styles load and its home links
lead home, with and without base_url (the host serves it at the missing address, as GitHub
Pages, Netlify and nginx's error_page do), and in the preview (`serve`)."""

from __future__ import annotations

import functools
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from preview_harness import PreviewServer

from .conftest import REPO

pytestmark = pytest.mark.browser

DEEP = "en/foreword/missing/page"


class _Host(SimpleHTTPRequestHandler):
    """Static hosting under `prefix`: 404.html, with status 404, at any missing address."""

    prefix = "/"

    def log_message(self, *args: Any) -> None:
        pass

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path.removeprefix(self.prefix))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _hosted(site: Path, prefix: str) -> tuple[ThreadingHTTPServer, str]:
    handler = functools.partial(type("Host", (_Host,), {"prefix": prefix}), directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="module", params=["no base_url", "base_url /guide/"])
def hosted_root(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The real project built and hosted at the domain's root, or under /guide/ with
    base_url naming it; the root's address."""
    site = tmp_path_factory.mktemp("notfound") / "_site"
    prefix = "/" if request.param == "no base_url" else "/guide/"
    server, origin = _hosted(site, prefix)
    root = origin + prefix
    command = [sys.executable, "build.py", "--out", str(site)]
    if prefix != "/":
        command += ["--base-url", root]
    built = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert built.returncode == 0, built.stderr
    yield root
    server.shutdown()
    server.server_close()


def assert_a_working_404(page: Page, root: str) -> None:
    response = page.goto(root + DEEP)
    assert response is not None and response.status == 404
    styled = page.evaluate("getComputedStyle(document.querySelector('.site-header')).display")
    assert styled == "flex", "site.css is loaded"
    homes = page.eval_on_selector_all("main a[href]", "links => links.map(a => a.href)")
    assert homes and all(h in (root + "en/", root + "tc/", root + "sc/") for h in homes), homes
    page.click("main a >> nth=0")
    page.wait_for_url(root + "en/")
    assert page.locator("h1, .site-title").first.is_visible()


@pytest.mark.parametrize("width", [1280, 800, 390])
def test_the_404_page_works_deep_down(page: Page, hosted_root: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 720})
    assert_a_working_404(page, hosted_root)


def test_the_preview_404_page_works_deep_down(page: Page, tmp_path: Path) -> None:
    from conftest import TINY_DOCUMENT, make_project

    project = make_project(tmp_path / "project", {"content/hello.yaml": TINY_DOCUMENT})
    server = PreviewServer(project)
    try:
        root = f"http://127.0.0.1:{server.port}/"
        server.wait_for_page("/", lambda body: "<main" in body, "the first build")
        assert_a_working_404(page, root)
    finally:
        server.stop()
