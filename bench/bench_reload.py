#!/usr/bin/env python3
"""Edit-to-reload benchmark for `python build.py serve`: the foreword, and N documents.

Builds the project once (so .sitegen-cache/ is warm, as after any `python build.py`), then
runs the real server in a subprocess, listens on its reload socket as a browser tab does,
saves an edit to one document (an editor's atomic save) and measures the time until the
reload message arrives, and until the reloaded page has the new text. Prints medians.

    python3 bench/bench_reload.py [--sizes 1000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from bench_build import make_project
from tornado.httpclient import AsyncHTTPClient
from tornado.websocket import websocket_connect

REPO = Path(__file__).resolve().parent.parent


def foreword_project(root: Path) -> Path:
    root.mkdir()
    for name in ("site.yaml", "templates", "static", "content"):
        copy = shutil.copytree if (REPO / name).is_dir() else shutil.copy
        copy(REPO / name, root / name)
    return root


def start_server(project: Path) -> tuple[subprocess.Popen, int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [sys.executable, str(REPO / "build.py"), "serve", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--project", str(project)], stdout=subprocess.PIPE, text=True
    )
    for line in process.stdout:  # the first build comes before "Serving"
        if line.startswith("Serving the preview"):
            return process, port
    raise SystemExit(f"the server did not start (exit code {process.wait()})")


async def measure(project: Path, document: str, page: str, port: int, repeat: int) -> list:
    socket_ = await websocket_connect(f"ws://127.0.0.1:{port}/livereload")
    await socket_.write_message(json.dumps({"command": "hello", "protocols": []}))
    await socket_.read_message()
    await socket_.write_message(json.dumps({"command": "info", "url": page}))
    client, path, results = AsyncHTTPClient(), project / "content" / document, []
    original = path.read_text(encoding="utf-8")
    for n in range(repeat):
        marker = f"Edit number {n} of the benchmark"
        document = yaml.safe_load(original)
        document["paragraphs"][0]["en"] = f"{marker}. {document['paragraphs'][0]['en']}"
        edited = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
        await asyncio.sleep(0.3)  # let the previous round settle, as between real edits
        started = time.perf_counter()
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_text(edited, encoding="utf-8")
        os.replace(temporary, path)
        while json.loads(await socket_.read_message())["command"] != "reload":
            pass
        reloaded = time.perf_counter()
        body = (await client.fetch(f"http://127.0.0.1:{port}/{page}")).body.decode()
        assert marker in body, "the reloaded page lacks the edit"
        results.append((reloaded - started, time.perf_counter() - started))
    socket_.close()
    return results


def warm_store(project: Path) -> None:
    """One `python build.py build`, as an editor has run before `serve`: the project's
    .sitegen-cache/ then holds every document parsed and aligned."""
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, str(REPO / "build.py"), "--project", str(project)]
        subprocess.run([*command, "--out", out], check=True, stdout=subprocess.DEVNULL)


def run(name: str, project: Path, document: str, page: str, repeat: int) -> None:
    warm_store(project)
    started = time.perf_counter()
    process, port = start_server(project)
    first = time.perf_counter() - started
    try:
        results = asyncio.run(measure(project, document, page, port, repeat))
    finally:
        process.terminate()
        process.wait()
    to_reload = statistics.median(r[0] for r in results) * 1000
    to_page = statistics.median(r[1] for r in results) * 1000
    print(f"{name:>16} {first:>14.2f} s {to_reload:>15.0f} ms {to_page:>17.0f} ms", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    print(f"{'site':>16} {'start + build':>16} {'save -> reload':>18} {'save -> new page':>20}")
    with tempfile.TemporaryDirectory() as tmp:
        project = foreword_project(Path(tmp) / "foreword")
        run("foreword", project, "foreword.yaml", "foreword/", args.repeat)
        for size in args.sizes:
            project = make_project(Path(tmp) / f"site-{size}", size)
            middle = f"message-{size // 2 + 1:05d}"
            run(f"{size} documents", project, f"{middle}.yaml", f"{middle}/", args.repeat)


if __name__ == "__main__":
    main()
