"""The Jinja2 environment, and template mistakes reported as `templates/x.html:LINE: …`."""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache

from ..errors import Problem, SiteError
from ..project import CACHE_DIR, TEMPLATES_DIR

COMPILED_DIR = "templates"  # in the project's cache: the compiled templates


# Compiled templates by Jinja's key (a template's name and file), for the whole process.
_COMPILED: dict[str, bytes] = {}


class _CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled once: kept for the process (the preview makes an environment
    every rebuild) and, like Python's __pycache__, in the project's cache for the next
    process (compiling the templates took 0.2-0.3 s of every build). Jinja checks each
    one's source checksum and the Python version, so an edited template is compiled
    again; so is one whose file is damaged (its digest, written first, disagrees) or
    cannot be read or written."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = _COMPILED.get(bucket.key) or self._read(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = _COMPILED[bucket.key] = bucket.bytecode_to_string()
        path = self.folder / bucket.key
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(_digest(code) + code)
            os.replace(temporary, path)
        except OSError:  # a read-only project compiles its templates in every process
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)  # written, but not renamed into place

    def _read(self, key: str) -> bytes | None:
        try:
            data = (self.folder / key).read_bytes()
        except OSError:
            return None
        code = data[_DIGEST_SIZE:]
        return code if data[:_DIGEST_SIZE] == _digest(code) else None


_DIGEST_SIZE = 16  # bytes of blake2b before each compiled template


def _digest(code: bytes) -> bytes:
    return hashlib.blake2b(code, digest_size=_DIGEST_SIZE).digest()


def make_environment(project: Path) -> jinja2.Environment:
    """Strict templates: autoescape everywhere, and an undefined name is an error.

    One environment serves one build: templates are read once, not checked on the disk at
    every include (a dozen stat calls a page), and a template saved during a build waits
    for the next, which sees it changed."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(project / TEMPLATES_DIR),
        bytecode_cache=_CompiledTemplates(project / CACHE_DIR / COMPILED_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )


def get_template(env: jinja2.Environment, name: str) -> jinja2.Template:
    try:
        return env.get_template(name)
    except jinja2.TemplateSyntaxError as exc:
        raise SiteError(Problem(_template_file(exc.name), exc.lineno, exc.message)) from exc
    except jinja2.TemplateNotFound as exc:
        raise SiteError(Problem(TEMPLATES_DIR, None, f"template {exc.name} not found")) from exc


def render_template(
    env: jinja2.Environment, name: str, context: Mapping[str, Any], url: str
) -> str:
    """Template `name` with `context`, for the page at `url` (named in error messages)."""
    template = get_template(env, name)
    try:
        return template.render(context)
    except jinja2.TemplateSyntaxError as exc:  # an included template's syntax error
        raise SiteError(Problem(_template_file(exc.name), exc.lineno, exc.message)) from exc
    except jinja2.UndefinedError as exc:
        raise SiteError(_runtime_problem(exc, name, url)) from exc
    except jinja2.TemplateNotFound as exc:  # an include or import of a missing file
        message = f"includes {exc.name}, which is not in {TEMPLATES_DIR}/"
        raise SiteError(_runtime_problem(exc, name, url, message)) from exc


def _template_file(name: str | None) -> str:
    return f"{TEMPLATES_DIR}/{name}" if name else TEMPLATES_DIR


def _runtime_problem(exc: Exception, name: str, url: str, message: str | None = None) -> Problem:
    """Locate a render-time error in the template that raised it (innermost template frame)."""
    tb, where = exc.__traceback__, None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename.replace("\\", "/")
        if f"/{TEMPLATES_DIR}/" in filename:
            where = (filename.rsplit(f"/{TEMPLATES_DIR}/", 1)[1], tb.tb_lineno)
        tb = tb.tb_next
    file, line = (where[0], where[1]) if where else (name, None)
    return Problem(_template_file(file), line, f"{message or exc} (while rendering /{url})")
