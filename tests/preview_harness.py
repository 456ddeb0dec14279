"""The preview harness: `python build.py serve` in a subprocess, on a free local port.

Shared by tests/test_serve.py and tests/browser/test_live_reload.py, imported like conftest
(`from preview_harness import ...`); conftest registers it as a plugin, so its `project` and
`server` fixtures reach every test that asks for them.
"""

from __future__ import annotations

import http.client
import itertools
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import REPO, TINY_DOCUMENT, make_project

ERROR_PANEL = "sitegen-build-error"
MISSING_ZH = "content/hello.yaml:6: paragraph 2 has English text but no Chinese (zh) text"


def wait_until(condition: Callable[[], object], timeout: float = 15, what: str = "") -> object:
    """Poll `condition` until it is truthy; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.02)
    pytest.fail(f"timed out after {timeout} s waiting for {what or condition}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def save(path: Path, text: str) -> None:
    """An editor's atomic save: a temporary file renamed over the original."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


class PreviewServer:
    """`python build.py serve --port N --project P`, its output collected line by line."""

    def __init__(self, project: Path, *args: str) -> None:
        self.port = free_port()
        command = [sys.executable, str(REPO / "build.py"), "serve", "--port", str(self.port)]
        self.process = subprocess.Popen(
            [*command, "--project", str(project), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.out: list[str] = []
        self.err: list[str] = []
        self._markers = itertools.count()
        self._readers = [
            threading.Thread(target=self._collect, args=(stream, lines), daemon=True)
            for stream, lines in ((self.process.stdout, self.out), (self.process.stderr, self.err))
        ]
        for reader in self._readers:
            reader.start()
        wait_until(self._started, timeout=60, what="the server to start")

    @staticmethod
    def _collect(stream, lines: list[str]) -> None:
        for line in stream:
            lines.append(line.rstrip("\n"))

    def _started(self) -> bool:
        if self.process.poll() is not None:
            pytest.fail(f"serve exited with {self.process.returncode}: {self.out} {self.err}")
        return any(line.startswith("Serving the preview at") for line in self.out)

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
        """GET `path` exactly as written (no normalisation), from 127.0.0.1."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.putrequest("GET", path, skip_host=bool(headers and "Host" in headers))
            for name, value in (headers or {}).items():
                connection.putheader(name, value)
            connection.endheaders()
            response = connection.getresponse()
            body = b"" if response.status == 101 else response.read()
            return response.status, body.decode("utf-8", "replace")
        finally:
            connection.close()

    def wait_for_page(
        self, path: str, check: Callable[[str], bool], what: str, status: int = 200
    ) -> str:
        def page() -> str | None:
            got, body = self.get(path)
            return body if got == status and check(body) else None

        return wait_until(page, what=what)  # type: ignore[return-value]

    def builds(self) -> int:
        return sum(line.startswith("Built ") for line in self.out)

    def caught_up(self) -> None:
        """Wait until `out` holds every line the server printed before this call.

        The server prints to stdout in order, and logs a missing page only after everything
        it printed before; so once the log line of a never-asked-for missing page is in
        `out`, so is all that came before it (every "Built …" line, say).
        """
        marker = f"/caught-up-{next(self._markers)}/"
        assert self.get(marker)[0] == 404, marker
        wait_until(lambda: f"404 GET {marker}" in self.out, what=f"the log line of {marker}")

    def stop(self) -> None:
        self.process.terminate()  # SIGTERM: the server cleans up as on Ctrl+C
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for reader in self._readers:  # every line it wrote, to its last (a FATAL at exit)
            reader.join(timeout=5)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project of one document, content/hello.yaml (TINY_DOCUMENT)."""
    return make_project(tmp_path / "project", {"content/hello.yaml": TINY_DOCUMENT})


@pytest.fixture
def server(project: Path) -> Iterator[PreviewServer]:
    """The preview of `project`, stopped after the test: cleanly (a thread killed at exit
    inside native code aborts the process, "FATAL: exception not rethrown")."""
    running = PreviewServer(project)
    yield running
    running.stop()
    assert running.process.returncode == 0, running.err
    assert not any("FATAL" in line for line in running.err), running.err
