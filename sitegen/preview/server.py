"""The preview's web application: the built site, the reload socket, and nothing else.

Only the temporary output folder is served (never the project), dot files included in
neither. Requests must name a loopback host (a DNS-rebinding page names its own), and
only the preview's own pages may open the reload socket.
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Callable
from http import HTTPStatus
from pathlib import Path
from typing import Any

from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from livereload.server import LiveScriptInjector
from tornado import web
from tornado.httputil import HTTPHeaders
from tornado.websocket import WebSocketClosedError, WebSocketHandler

# livereload's own snippet, with a root-relative address: the page's host and port.
RELOAD_SCRIPT = (
    b'<script>(function(){var s=document.createElement("script");'
    b's.src="/livereload.js?port="+(location.port||80);document.head.appendChild(s)})();'
    b"</script>"
)
NO_SITE_YET = (
    b'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Preview</title>'
    b"</head><body><p>The site has not built yet. Save a fix and this page reloads.</p>"
    b"</body></html>"
)
# Shown on every page while the last save does not build; JSON-escaped into the page.
_ERROR_PANEL = """<script>addEventListener("DOMContentLoaded",function(){
var box=document.createElement("div");box.id="sitegen-build-error";box.setAttribute("role","alert");
box.style.cssText="position:fixed;top:0;left:0;right:0;z-index:2147483647;max-height:60vh;\
overflow:auto;padding:1rem 1.25rem;background:#fff0f0;color:#600;border-bottom:4px solid #b00020;\
font:15px/1.5 system-ui,sans-serif";
var title=document.createElement("strong");title.textContent=%s;
var text=document.createElement("pre");text.style.cssText="margin:.5rem 0 0;white-space:pre-wrap;\
font:14px/1.5 ui-monospace,monospace";text.textContent=%s;
box.append(title,text);document.body.prepend(box);});</script>"""
_ERROR_TITLE = "The last save does not build. This page shows the last good version:"


def is_loopback(host: str) -> bool:
    name = host.strip("[]").rstrip(".").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def is_allowed_host(name: str, bound: str) -> bool:
    """Loopback names always; with a non-loopback --host, IP addresses and that host too.
    A DNS-rebinding page reaches us under its own domain name, which is refused."""
    if is_loopback(name):
        return True
    if is_loopback(bound):
        return False
    try:
        ipaddress.ip_address(name.strip("[]"))
        return True
    except ValueError:
        return name.lower() == bound.lower()


def reload_browsers() -> None:
    """Reload every open page (livereload's message; '*' is no stylesheet, so a full reload)."""
    message = {"command": "reload", "path": "*", "liveCSS": False, "liveImg": False}
    for waiter in list(LiveReloadHandler.waiters):
        try:
            waiter.write_message(message)
        except WebSocketClosedError:
            LiveReloadHandler.waiters.discard(waiter)


class _LoopbackOnly(web.RequestHandler):
    def initialize(self, bound_host: str, **kwargs: Any) -> None:
        self.bound_host = bound_host
        super().initialize(**kwargs)

    def prepare(self) -> None:
        if not is_allowed_host(self.request.host_name, self.bound_host):
            raise web.HTTPError(403)

    def log_exception(self, typ: Any, value: Any, tb: Any) -> None:
        if not isinstance(value, web.HTTPError):  # refusals are in the access log (_log)
            super().log_exception(typ, value, tb)


class _ReloadSocket(_LoopbackOnly, LiveReloadHandler):
    def check_origin(self, origin: str) -> bool:
        # livereload allows every Origin; tornado's own rule allows only same-origin pages.
        return WebSocketHandler.check_origin(self, origin)


class _ReloadScript(_LoopbackOnly, LiveReloadJSHandler):
    pass


class _PreviewFiles(_LoopbackOnly, web.StaticFileHandler):
    """tornado's static files (which refuse paths outside the root, after decoding and
    resolving links), minus dot files and caching, with 404.html for missing pages."""

    def set_default_headers(self) -> None:
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Content-Type-Options", "nosniff")

    def validate_absolute_path(self, root: str, absolute_path: str) -> str | None:
        if "\0" in self.path or any(p.startswith(".") for p in self.path.split("/")):
            raise web.HTTPError(404)
        return super().validate_absolute_path(root, absolute_path)

    def compute_etag(self) -> None:
        return None  # always send the current file: no 304 from a stale cached hash

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        if status_code != 404:
            self.set_header("Content-Type", "text/plain; charset=UTF-8")
            self.finish(f"{status_code} {HTTPStatus(status_code).phrase}\n")
            return
        page = Path(self.settings["preview_root"]) / "404.html"
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.finish(page.read_bytes() if page.is_file() else NO_SITE_YET)


def make_app(root: Path, problems: Callable[[], list[str]], bound_host: str) -> web.Application:
    """The preview of the site built into `root`; `problems` are the failed build's."""

    class Injector(LiveScriptInjector):
        def transform_first_chunk(
            self, status_code: int, headers: HTTPHeaders, chunk: bytes, finishing: bool
        ) -> tuple[int, HTTPHeaders, bytes]:
            self.script = RELOAD_SCRIPT + error_panel(problems())
            return super().transform_first_chunk(status_code, headers, chunk, finishing)

    host = {"bound_host": bound_host}
    files = {**host, "path": str(root), "default_filename": "index.html"}
    return web.Application(
        [
            (r"/livereload", _ReloadSocket, host),
            (r"/livereload\.js", _ReloadScript, host),
            (r"/(.*)", _PreviewFiles, files),
        ],
        transforms=[Injector],
        preview_root=str(root),
        static_hash_cache=False,
        log_function=_log,
    )


def error_panel(problems: list[str]) -> bytes:
    if not problems:
        return b""
    title, text = (_script_string(x) for x in (_ERROR_TITLE, "\n".join(problems)))
    return (_ERROR_PANEL % (title, text)).encode("utf-8")


def _script_string(text: str) -> str:
    """A JavaScript string literal that cannot end the <script> element it sits in."""
    literal = json.dumps(text, ensure_ascii=False)
    return literal.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _log(handler: web.RequestHandler) -> None:
    """Only what an editor should see: missing pages and refused requests."""
    status = handler.get_status()
    if status >= 400:
        request = handler.request
        print(f"{status} {request.method} {request.uri}", flush=True)
