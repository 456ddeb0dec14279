"""`python build.py serve`: the real server in a subprocess, on a free local port."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from conftest import TINY_DOCUMENT, make_project, many_documents, read_tree, run_build_py
from preview_harness import (
    ERROR_PANEL,
    MISSING_ZH,
    PreviewServer,
    save,
    wait_until,
)
from sitegen.output.cache import MANIFEST
from sitegen.output.journal import INDEX
from sitegen.pipeline import build
from sitegen.preview.session import PreviewStages
from sitegen.preview.watcher import snapshot


def test_pages_are_served_with_the_reload_script(server: PreviewServer, project: Path) -> None:
    for path in ("/", "/hello/", "/en/hello/", "/tc/hello/", "/sc/hello/"):
        status, body = server.get(path)
        assert status == 200, path
        assert "/livereload.js" in body and body.index("livereload") < body.index("</head>")
    status, script = server.get("/livereload.js")
    assert status == 200 and "LiveReload" in script
    assert not (project / "_site").exists(), "the preview must never build into _site/"


def test_an_edit_shows_up_in_every_language(server: PreviewServer, project: Path) -> None:
    save(project / "content/hello.yaml", TINY_DOCUMENT.replace("Intro", "Fresh words"))
    server.wait_for_page("/hello/", lambda body: "Fresh words" in body, "the edit")
    server.wait_for_page("/en/hello/", lambda body: "Fresh words" in body, "the edit in /en/")
    edited = TINY_DOCUMENT.replace("引言", "新的說明")
    (project / "content/hello.yaml").write_text(edited, encoding="utf-8")  # in place, too
    server.wait_for_page("/sc/hello/", lambda body: "新的说明" in body, "the edit in /sc/")


def test_rapid_saves_build_once_and_the_last_write_wins(
    server: PreviewServer, project: Path
) -> None:
    before = server.builds()
    for n in range(10):
        save(project / "content/hello.yaml", TINY_DOCUMENT.replace("Intro", f"Version {n}"))
    server.wait_for_page("/hello/", lambda body: "Version 9" in body, "the last save")
    # The page is written before its "Built …" line is printed: wait for the line itself,
    # then for everything printed so far, so that a second build would be counted too.
    wait_until(lambda: server.builds() > before, what="the last save's 'Built' line")
    server.caught_up()
    assert server.builds() == before + 1, server.out


def test_a_broken_file_is_shown_in_every_page_until_fixed(
    server: PreviewServer, project: Path
) -> None:
    broken = TINY_DOCUMENT.replace('    zh: "12. 政府會在 2024 年行動。"\n', "")
    save(project / "content/hello.yaml", broken)
    for path, status in (("/hello/", 200), ("/tc/hello/", 200), ("/no-such-page/", 404)):
        body = server.wait_for_page(path, lambda body: MISSING_ZH in body, "the error", status)
        assert ERROR_PANEL in body
    assert "Intro" in server.get("/en/hello/")[1]  # the last good page, under the error
    assert server.process.poll() is None, "the server must live on"
    save(project / "content/hello.yaml", broken)  # saved again, unfixed: printed once only
    wait_until(lambda: sum(MISSING_ZH in line for line in server.err) == 1, what="the message")

    save(project / "content/hello.yaml", TINY_DOCUMENT.replace("Intro", "Fixed"))
    body = server.wait_for_page("/hello/", lambda body: "Fixed" in body, "the fix")
    assert ERROR_PANEL not in body
    assert sum(MISSING_ZH in line for line in server.err) == 1, server.err


def test_a_bad_template_is_reported_with_its_line(server: PreviewServer, project: Path) -> None:
    template = project / "templates/document.html"
    save(template, template.read_text(encoding="utf-8").replace("{% endblock %}", "{% endif %}"))
    body = server.wait_for_page("/hello/", lambda body: ERROR_PANEL in body, "the error")
    assert "templates/document.html:" in body


@pytest.mark.parametrize(
    "path",
    [
        "/../site.yaml",
        "/..%2fsite.yaml",
        "/%2e%2e/site.yaml",
        "/%2e%2e%2fsite.yaml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/static/../../site.yaml",
        "/hello/..%2f..%2f..%2fsite.yaml",
        "//etc/passwd",
        "/%2fetc/passwd",
        "/site.yaml",
        "/content/hello.yaml",
        "/templates/base.html",
        "/.git/config",
        "/.sitegen",
        "/hello/%00",
    ],
)
def test_only_the_built_site_is_served(server: PreviewServer, project: Path, path: str) -> None:
    (project / ".git").mkdir()
    (project / ".git/config").write_text("[core] secret", encoding="utf-8")
    status, body = server.get(path)
    assert status in (400, 403, 404), (status, body[:200])
    for secret in ("root:", "languages:", "paragraphs:", "[core]", "{% block"):
        assert secret not in body


def test_missing_pages_get_the_404_page(server: PreviewServer) -> None:
    status, body = server.get("/no-such-page/")
    assert status == 404
    assert "not-found-" in body and "/livereload.js" in body


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("evil.example", 403),
        ("evil.example:8000", 403),
        ("localhost.evil.example", 403),
        ("127.0.0.1.nip.io", 403),
        ("192.168.1.10", 403),
        ("localhost", 200),
        ("127.0.0.1", 200),
        ("[::1]", 200),
    ],
)
def test_only_loopback_host_names_are_answered(
    server: PreviewServer, host: str, status: int
) -> None:
    assert server.get("/", {"Host": host})[0] == status
    assert server.get("/livereload.js", {"Host": host})[0] == status


@pytest.mark.parametrize(
    ("origin", "status"),
    [("http://evil.example", 403), ("null", 403), (None, 101), ("SAME", 101)],
)
def test_the_reload_socket_refuses_foreign_pages(
    server: PreviewServer, origin: str | None, status: int
) -> None:
    headers = {
        "Upgrade": "websocket",
        "Connection": "Upgrade",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
        "Sec-WebSocket-Version": "13",
    }
    if origin:
        headers["Origin"] = f"http://127.0.0.1:{server.port}" if origin == "SAME" else origin
    assert server.get("/livereload", headers)[0] == status
    foreign_host = {**headers, "Host": "evil.example"}
    assert server.get("/livereload", foreign_host)[0] == 403


def test_all_interfaces_work_but_warn(project: Path) -> None:
    running = PreviewServer(project, "--host", "0.0.0.0")
    try:
        assert running.get("/")[0] == 200
        wait_until(lambda: any("Warning: listening on 0.0.0.0" in x for x in running.err))
    finally:
        running.stop()


def test_a_port_in_use_is_a_clean_error(project: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        result = run_build_py("serve", "--port", str(port), "--project", str(project))
    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr


def test_build_output_never_has_the_preview_scripts(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_build_py("build", "--project", str(project), "--out", str(out)).returncode == 0
    for path in out.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"livereload" not in data and ERROR_PANEL.encode() not in data, path


def test_only_the_sources_are_watched(project: Path) -> None:
    (project / "notes.txt").write_text("not a source", encoding="utf-8")
    (project / "_site").mkdir()
    (project / "_site/index.html").write_text("output", encoding="utf-8")
    (project / "content/.hello.yaml.swp").write_text("editor swap", encoding="utf-8")
    watched = snapshot(project)
    assert "site.yaml" in watched and "content/hello.yaml" in watched
    assert "templates/base.html" in watched and "static/site.css" in watched
    assert all(
        name.split("/")[0] in ("site.yaml", "content", "templates", "static") for name in watched
    )
    assert "content/.hello.yaml.swp" not in watched


def test_an_edit_rerenders_only_what_depends_on_it(tmp_path: Path) -> None:
    files = {f"content/doc-{n}.yaml": TINY_DOCUMENT.replace("Hello", f"Doc {n}") for n in range(3)}
    project = make_project(tmp_path / "project", files)
    out, stages = tmp_path / "preview", PreviewStages()
    build(project, out, base_url="", stages=stages)

    save(project / "content/doc-1.yaml", files["content/doc-1.yaml"].replace("Intro", "New"))
    build(project, out, base_url="", stages=stages)
    rendered, changed = set(stages.rendered), set(stages.changed)
    pages = {f"{p}doc-1/index.html" for p in ("", "en/", "tc/", "sc/")}
    homes = {f"{p}index.html" for p in ("", "en/", "tc/", "sc/")}
    exports = {name for name in rendered if name.startswith("data/")}
    # A paragraph's text: the home page and the timeline show none of it.
    assert rendered - exports == pages
    assert "data/doc-1.json" in exports and all(n.startswith("data/doc-1.") for n in exports)
    # Written: only what differs. The English edit leaves the tc/sc pages and the home as they were.
    assert changed - exports == {"doc-1/index.html", "en/doc-1/index.html"}

    template = project / "templates/home.html"
    save(template, template.read_text(encoding="utf-8").replace("<h1>", "<h1 class='x'>"))
    build(project, out, base_url="", stages=stages)
    assert set(stages.rendered) == homes

    save(project / "content/doc-1.yaml", files["content/doc-1.yaml"].replace("Doc 1", "Renamed"))
    build(project, out, base_url="", stages=stages)
    assert homes <= set(stages.rendered)  # a title: every page that lists the documents

    # Whatever was rebuilt bit by bit is exactly what a full build writes (once the search
    # index, which the preview makes in the background, has followed).
    assert stages.wait_for_index()
    build(project, tmp_path / "full", base_url="")
    # The preview keeps its units in memory, so no manifest (and an index without one).
    internal = frozenset({MANIFEST, INDEX})
    assert read_tree(out, skip=internal) == read_tree(tmp_path / "full", skip=internal)


def test_the_preview_renders_a_large_site_over_workers(tmp_path: Path) -> None:
    """Enough documents to fork workers: they write through the journal, and the preview
    remembers what they wrote, so the next edit writes only what changed."""
    project, out, stages = (
        many_documents(tmp_path / "project", 45),
        tmp_path / "preview",
        PreviewStages(),
    )
    build(project, out, base_url="", stages=stages)
    template = project / "templates/document.html"
    save(template, template.read_text(encoding="utf-8").replace("<article", "<article data-x"))
    build(project, out, base_url="", stages=stages)
    assert len(stages.rendered) > 45 * 4
    document = project / "content/doc-7.yaml"
    save(document, document.read_text(encoding="utf-8").replace("Intro", "Preface"))
    build(project, out, base_url="", stages=stages)
    assert {name for name in stages.changed if name.endswith(".html")} == {
        "doc-7/index.html",
        "en/doc-7/index.html",
    }
    assert stages.wait_for_index()
    build(project, tmp_path / "full", base_url="")
    internal = frozenset({MANIFEST, INDEX})
    assert read_tree(out, skip=internal) == read_tree(tmp_path / "full", skip=internal)
