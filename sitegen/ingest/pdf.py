"""Read a PDF's text with pdfminer.six: every character with its position, size and font,
gathered into lines (pdflines.py) and laid out into one-language blocks (pdflayout.py).

A PDF is untrusted input: the reading runs in a forked process with a memory limit and a
time limit, so a file made to be slow or huge fails cleanly instead of hanging the build.
"""

from __future__ import annotations

import logging
import multiprocessing
import resource
from pathlib import Path

from ..errors import Problem, SiteError
from .blocks import Block
from .pdflayout import PageLines, layout_blocks
from .pdflines import page_lines

MAX_PAGES = 500
MAX_SECONDS = 120
MAX_MEMORY = 2 << 30  # bytes of address space for the reading process

logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font warnings are not the user's


def read_pdf(path: Path, display_name: str) -> tuple[list[Block], list[str]]:
    """The blocks of a PDF and the page furniture dropped from it ("page N: text")."""
    pages = _read_isolated(path, display_name)
    if not any(page.lines for page in pages):
        raise SiteError(
            Problem(
                display_name,
                None,
                "the PDF has no text to read (a scanned document?); run OCR first, or"
                " ingest the Word file or text it was made from",
            )
        )
    return layout_blocks(pages)


def read_pages(path: Path, display_name: str) -> list[PageLines]:
    """Every page's text lines, in this process (errors as SiteError)."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    resources = PDFResourceManager()
    device = PDFPageAggregator(resources, laparams=None)  # our own layout: chars only
    interpreter = PDFPageInterpreter(resources, device)
    pages = []
    try:
        with path.open("rb") as handle:
            for number, page in enumerate(PDFPage.get_pages(handle), start=1):
                if number > MAX_PAGES:
                    raise _problem(
                        display_name,
                        f"the PDF has more than {MAX_PAGES} pages; split it into one file"
                        " per document",
                    )
                interpreter.process_page(page)
                pages.append(page_lines(device.get_result(), number))
    except (SiteError, MemoryError):
        raise
    except Exception as error:  # pdfminer raises many kinds on a broken or locked file
        raise _problem(display_name, _reason(error)) from None
    return pages


def _reason(error: Exception) -> str:
    name = type(error).__name__
    if "Password" in name or "Encryption" in name:
        return "the PDF is encrypted (password-protected); save an unprotected copy and ingest that"
    detail = str(error)[:120] or "damaged file"
    return f"the PDF cannot be read ({name}: {detail}); is it a complete PDF?"


def _problem(display_name: str, message: str) -> SiteError:
    return SiteError(Problem(display_name, None, message))


def _read_isolated(path: Path, display_name: str) -> list[PageLines]:
    """read_pages in a forked child with limits; in this process where fork is missing."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return read_pages(path, display_name)
    import pdfminer.converter
    import pdfminer.pdfinterp
    import pdfminer.pdfpage  # noqa: F401 (imported before the fork: the child has them)

    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(path, display_name, send), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(MAX_SECONDS):
            raise _problem(
                display_name,
                f"reading the PDF took longer than {MAX_SECONDS} s; is it made to be slow?",
            )
        result = receive.recv()
    except EOFError:  # the child died without a word: killed for its memory, or crashed
        raise _problem(
            display_name, "reading the PDF ran out of memory; is it damaged or made to be huge?"
        ) from None
    finally:
        child.kill()
        child.join()
        receive.close()
    if isinstance(result, SiteError):
        raise result
    return result


def _child(path: Path, display_name: str, send: object) -> None:
    """Read within limits: memory (never above a limit already set), and CPU time, so a
    child whose parent was killed cannot run on for ever."""
    memory = min(MAX_MEMORY, _hard(resource.RLIMIT_AS))
    cpu = min(MAX_SECONDS + 5, _hard(resource.RLIMIT_CPU))
    try:
        resource.setrlimit(resource.RLIMIT_AS, (memory, _hard(resource.RLIMIT_AS)))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, _hard(resource.RLIMIT_CPU)))
        result: object = read_pages(path, display_name)
    except SiteError as error:
        result = error
    except MemoryError:
        result = _problem(display_name, "reading the PDF ran out of memory; is it made to be huge?")
    except BaseException as error:  # a bug: said in a message, never a traceback from the child
        result = _problem(display_name, f"reading the PDF failed ({type(error).__name__})")
    send.send(result)  # type: ignore[attr-defined]


def _hard(limit: int) -> int:
    """The hard limit, as a number (unlimited is larger than any)."""
    hard = resource.getrlimit(limit)[1]
    return 1 << 62 if hard == resource.RLIM_INFINITY else hard
