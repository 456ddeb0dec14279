"""Raw bytes to text: UTF-8 by default, a BOM decides UTF-16/32, anything else must be named.

We never guess an encoding: a wrong guess gives mojibake that looks like text and is only
noticed on the published site. Undecodable input is refused with the line of the first bad
byte and the `--encoding` to try.
"""

from __future__ import annotations

import codecs

from ..errors import Problem, SiteError

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Text codecs for domain names and Python escapes: not the encoding of any file, and idna
# refuses errors="replace" (Python's "Text Encodings" list, less palmos, a real charset).
_NOT_FOR_FILES = {"idna", "punycode", "unicode-escape", "raw-unicode-escape", "undefined"}


def decode_source(data: bytes, display_name: str, encoding: str | None = None) -> str:
    """The text of a source file, with every line ending turned into `\\n`.

    `encoding` is a Python codec name (`big5hkscs`, `utf-16-le`, ...); without it the
    file must be UTF-8 or carry a UTF-16/UTF-32 BOM.
    """
    codec = _check_codec(encoding, display_name) if encoding else _sniff(data, display_name)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise SiteError(_decode_problem(data, exc, codec, display_name, encoding)) from exc
    except (UnicodeError, ValueError) as exc:  # a codec's own refusal, not a bad byte
        message = f"the file cannot be read as {encoding} ({exc}); check the --encoding name"
        raise SiteError(Problem(display_name, None, message)) from exc
    text = text.removeprefix("\ufeff")  # a BOM left by an explicit utf-8 / utf-16-le
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise SiteError(Problem(display_name, line, _binary_message(line, encoding)))
    return text


def _sniff(data: bytes, display_name: str) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    if b"\x00" in data:  # UTF-8 text never holds NUL; binary files and BOM-less UTF-16 do
        before = data[: data.index(b"\x00")]
        line = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
        raise SiteError(Problem(display_name, line, _binary_message(line, None)))
    return "utf-8"


def _check_codec(encoding: str, display_name: str) -> str:
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise SiteError(
            Problem(
                display_name,
                None,
                f"--encoding {encoding!r} is not a text encoding Python knows; use a codec"
                " name such as utf-8, big5hkscs, gb18030 or utf-16",
            )
        )
    if info.name in _NOT_FOR_FILES:
        raise SiteError(
            Problem(
                display_name,
                None,
                f"--encoding {encoding!r} encodes domain names or escapes, not text files; use"
                " a codec name such as utf-8, big5hkscs, gb18030 or utf-16",
            )
        )
    return info.name


def _binary_message(line: int, encoding: str | None) -> str:
    hint = (
        f"decoding it as {encoding} gives NUL characters"
        if encoding
        else "if it is UTF-16 text without a byte-order mark, pass --encoding utf-16-le"
        " (or utf-16-be)"
    )
    return (
        f"the file contains a NUL byte at line {line}, so it looks like a binary file, not"
        f" text; expected plain text with English and Chinese paragraphs ({hint})"
    )


def _decode_problem(
    data: bytes, exc: UnicodeDecodeError, codec: str, display_name: str, encoding: str | None
) -> Problem:
    before = data[: exc.start].decode(codec, errors="replace")  # count lines in text, not bytes
    line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
    byte = f"byte 0x{data[exc.start]:02X} at line {line}"
    if encoding:
        message = (
            f"the file is not valid {encoding} ({byte}); check the --encoding name, or save"
            " the file as UTF-8"
        )
    else:
        message = (
            f"the file is not UTF-8 ({byte}). If it is Big5-HKSCS (common for older Hong Kong"
            " Chinese files), run ingest again with --encoding big5hkscs; for another encoding"
            " pass its Python codec name, or save the file as UTF-8"
        )
    return Problem(display_name, line, message)
