"""Published under a sub-path: every internal link of the real site resolves over HTTP."""

from __future__ import annotations

import functools
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urldefrag, urljoin

import pytest

from conftest import run_build_py

BASE_URL = "https://example.org/guide/"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        for name in ("href", "src"):
            if values.get(name) and tag in ("a", "link", "script", "img"):
                self.links.append(values[name])


class _SubPathHandler(SimpleHTTPRequestHandler):
    """Serves the output folder at /guide/, as a project site on GitHub Pages would."""

    def translate_path(self, path: str) -> str:
        if not path.startswith("/guide/"):
            return "/nonexistent"
        return super().translate_path(path[len("/guide") :])

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def local_root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = tmp_path_factory.mktemp("subpath") / "site"
    result = run_build_py("build", "--out", str(out), "--base-url", BASE_URL)
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_SubPathHandler, directory=str(out))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/guide/"
    server.shutdown()


def _fetch(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read(), response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        return error.code, b"", ""


def test_every_internal_link_resolves_under_a_sub_path(local_root: str) -> None:
    seen: dict[str, set[str] | None] = {}  # page URL -> its ids (None for non-HTML)
    fragments: list[tuple[str, str, str]] = []  # (from page, target page, fragment)
    queue = [local_root]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        status, body, kind = _fetch(url)
        assert status == 200, f"{url} answered {status}"
        seen[url] = None
        if kind != "text/html":
            continue
        parser = _Links()
        parser.feed(body.decode("utf-8"))
        seen[url] = parser.ids
        for href in parser.links:
            target, fragment = urldefrag(urljoin(url, href.replace(BASE_URL, local_root, 1)))
            if target.startswith(local_root):
                queue.append(target)
                if fragment:
                    fragments.append((url, target, fragment))
    assert len([u for u, ids in seen.items() if ids is not None]) >= 8
    for page, target, fragment in fragments:
        assert fragment in (seen[target] or set()), f"{page} links to missing #{fragment}"


def test_the_404_page_links_absolutely(local_root: str) -> None:
    status, body, _ = _fetch(local_root + "404.html")
    assert status == 200
    parser = _Links()
    parser.feed(body.decode("utf-8"))
    outward = [link for link in parser.links if not link.startswith("#")]
    assert outward and all(link.startswith(BASE_URL) for link in outward)
