"""`python3 build.py serve`: the build in a loop, served with live reload, safe by default.

livereload gives the reload protocol: its WebSocket handler (handshake, the set of open
pages), its browser script and its transform that injects the script into HTML. Its
`Server.serve()` and `watch()` are not used, because they cannot be made safe or fast
from outside: the socket accepts any Origin, a GET to /forcereload (any web page can send
one) reloads every tab, no Host is checked, files are polled every 0.8 s, and a reload
within 3 s of the previous one is dropped, so the last save would not show. So the same
pieces run here on tornado, which livereload uses, with the checks added (preview.py).
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import sys
import tempfile
import threading
import time
import traceback
import webbrowser
from collections.abc import Callable
from pathlib import Path

from tornado import netutil
from tornado.httpserver import HTTPServer
from tornado.ioloop import IOLoop, PeriodicCallback

from ..errors import SiteError
from ..output.signatures import Signature, file_signature, input_signatures
from ..pipeline import build
from ..project import CONFIG_FILE, SOURCE_DIRS
from .changes import MAX_WAIT_MS, QUIET_MS, ChangeFeed, Roots
from .server import is_loopback, make_app, reload_browsers
from .session import PreviewStages

POLL_SECONDS = 0.05  # a glance at site.yaml and the folders; without notices, a look
LOOK_SECONDS = 2.0  # a look even with notices: some file systems send none (network)
QUIET_SECONDS = QUIET_MS / 1000  # a burst of saves is over when nothing changed for this long
MAX_WAIT_SECONDS = MAX_WAIT_MS / 1000  # ... or when it has lasted this long
_EDITOR_TEMPORARY = ("~", ".swp", ".swx", ".tmp")  # backups, swap files, atomic-save temporaries


def serve(
    project: Path, host: str = "127.0.0.1", port: int = 8000, open_browser: bool = False
) -> int:
    """Build into a temporary folder, serve it, rebuild and reload on every save."""
    try:
        sockets = netutil.bind_sockets(port, address=host)
    except OSError as error:
        raise SiteError(f"cannot listen on {host}:{port}: {error.strerror}; try --port") from None
    out_dir = Path(tempfile.mkdtemp(prefix="sitegen-preview-"))
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # clean up as on Ctrl+C
    preview: Preview | None = None
    try:
        loop = IOLoop.current()
        preview = Preview(project, out_dir, lambda: loop.add_callback(preview.notice))
        preview.settle_later = lambda: loop.call_later(QUIET_SECONDS, preview.poll)
        preview.rebuild()
        HTTPServer(make_app(out_dir, lambda: preview.problems, host)).add_sockets(sockets)
        url = _url(host, sockets[0].getsockname()[1])
        print(f"Serving the preview at {url} (Ctrl+C to stop)", flush=True)
        if not is_loopback(host):
            print(
                f"Warning: listening on {host}, so other computers can reach the preview;"
                " use the default 127.0.0.1 unless you need that",
                file=sys.stderr,
                flush=True,
            )
        if open_browser:
            threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
        PeriodicCallback(preview.poll, POLL_SECONDS * 1000).start()
        IOLoop.current().start()
    except KeyboardInterrupt:
        print("Stopped the preview", flush=True)
    finally:
        for sign in (signal.SIGINT, signal.SIGTERM):  # a second Ctrl+C: still cleaned up
            signal.signal(sign, signal.SIG_IGN)
        for sock in sockets:
            sock.close()
        if preview is not None:
            preview.close()
        shutil.rmtree(out_dir, ignore_errors=True)
    return 0


class Preview:
    """Watches the sources, rebuilds once a burst of saves is over, and tells the browsers.
    With `notify`, the operating system's notices (changes.py) say when to look, and
    `notice` must be called back on the loop's thread; without, `poll` looks every time."""

    def __init__(
        self, project: Path, out_dir: Path, notify: Callable[[], None] | None = None
    ) -> None:
        self.project, self.out_dir = project, out_dir
        self.stages = PreviewStages()
        self.problems: list[str] = []  # the failed build's messages, shown on every page
        self._seen = snapshot(project)
        self._top = self._top_now()
        # The first poll looks (saves made during the first build) and starts the watch,
        # so no notice can come before `serve` holds the preview.
        self._changed_at = self._pending_since = self._looked_at = 0.0
        self.feed = notify and ChangeFeed(project.absolute(), notify, _is_editor_temporary)
        self.settle_later: Callable[[], object] | None = None  # a poll in QUIET_SECONDS

    def poll(self) -> None:
        """Every POLL_SECONDS: a look if anything may have changed, a rebuild once quiet."""
        now, top = time.monotonic(), self._top_now()
        if self.feed:
            self.feed.follow(top[1])
        told = self.feed and not self.feed.failed  # notices come: glance unless it is time
        if not told or self._pending_since or top != self._top or self._look_due(now):
            self._look(now)
        self._top = top
        # Waiting for quiet also means every file read is a clock tick older than its
        # last save, so a later save always changes its mtime: the last write wins.
        quiet = now - self._changed_at >= QUIET_SECONDS
        if self._pending_since and (quiet or now - self._pending_since >= MAX_WAIT_SECONDS):
            self._pending_since = 0.0
            self.rebuild()

    def close(self) -> None:
        """Before the process exits: the search index's thread is told, the watch ends."""
        self.stages.close()
        if self.feed:
            self.feed.stop(wait=True)

    def notice(self) -> None:
        """A burst of changes is over: look now. The rebuild waits for `poll` to find the
        files quiet for QUIET_SECONDS as without notices (the feed's quiet is only that
        no new file changed: a file saved twice, the second time within the clock tick
        of this look and at the same size, would read as the first). `settle_later`
        polls once that is over rather than at the next two ticks."""
        self._look(time.monotonic())
        if self._pending_since and self.settle_later:
            self.settle_later()

    def _look(self, now: float) -> None:
        self._looked_at, current = now, snapshot(self.project)
        if current != self._seen:
            self._seen, self._changed_at = current, now
            self._pending_since = self._pending_since or now

    def _look_due(self, now: float) -> bool:
        return now - self._looked_at >= LOOK_SECONDS

    def _top_now(self) -> tuple[Signature | None, Roots]:
        """site.yaml's signature and the source folders there are: what no notice tells."""
        roots = []
        for name in SOURCE_DIRS:
            path = self.project.absolute() / name
            try:
                found = os.stat(path)
            except OSError:
                continue
            if stat.S_ISDIR(found.st_mode):
                roots.append((path, found.st_ino))
        return file_signature(self.project / CONFIG_FILE), tuple(roots)

    def rebuild(self) -> None:
        problems = self._build()
        if problems and problems == self.problems:
            return  # saved again, not fixed: already printed and on every page
        if problems:
            print("\n".join(problems), file=sys.stderr, flush=True)
        self.problems = problems
        reload_browsers()  # to the new pages, or to the last good ones with the error

    def _build(self) -> list[str]:
        """The same build as `python3 build.py`, into the preview; its problems, if any."""
        try:
            result = build(self.project, self.out_dir, base_url="", stages=self.stages)
        except SiteError as error:
            return [str(problem) for problem in error.problems]
        except OSError as error:
            return [f"{error.filename or 'build.py'}: {error.strerror or error}"]
        except Exception as error:  # a bug must not take the preview down; show it
            traceback.print_exc()
            return [f"build.py: internal error ({error!r}); please report it"]
        rendered = len(self.stages.rendered)
        print(f"{result.summary('the preview')} ({rendered} rendered)", flush=True)
        return []


def snapshot(project: Path) -> dict[str, Signature]:
    """The signature of every watched file: the build's inputs but editors' temporaries."""
    return input_signatures(project, _is_editor_temporary)


def _is_editor_temporary(name: str) -> bool:
    return name.startswith((".", "#")) or name.endswith(_EDITOR_TEMPORARY)


def _url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("", "0.0.0.0", "::") else host
    return f"http://[{shown}]:{port}/" if ":" in shown else f"http://{shown}:{port}/"
