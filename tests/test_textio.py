"""Decoding raw source bytes: UTF-8 by default, BOMs, explicit codecs, clear refusals."""

from __future__ import annotations

import codecs

import pytest

from conftest import run_build_py
from sitegen.errors import SiteError
from sitegen.ingest.decode import decode_source

TEXT = "Hong Kong\n香港通訊業聯會\n"


def error_of(data: bytes, encoding: str | None = None) -> str:
    with pytest.raises(SiteError) as caught:
        decode_source(data, "in.txt", encoding)
    assert len(caught.value.problems) == 1
    return str(caught.value.problems[0])


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-32"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-32-bom"],
)
def test_unicode_encodings_are_recognised(data):
    assert decode_source(data, "in.txt") == TEXT


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_ends_become_newlines(newline):
    data = TEXT.replace("\n", newline).encode("utf-8")
    assert decode_source(data, "in.txt") == TEXT


def test_crlf_in_utf16():
    data = codecs.BOM_UTF16_LE + TEXT.replace("\n", "\r\n").encode("utf-16-le")
    assert decode_source(data, "in.txt") == TEXT


def test_big5hkscs_is_refused_without_encoding_with_the_line_of_the_first_bad_byte():
    data = "English\r\nmore English\r\n香港𨋢\r\n".encode("big5hkscs")
    message = error_of(data)
    bad = data[len(b"English\r\nmore English\r\n")]
    assert message.startswith(f"in.txt:3: the file is not UTF-8 (byte 0x{bad:02X} at line 3).")
    assert "Big5-HKSCS" in message and "--encoding big5hkscs" in message


def test_big5hkscs_with_encoding_decodes_hkscs_only_characters():
    text = "香港通訊業聯會\n啱啱搭𨋢上樓。\n"
    assert decode_source(text.encode("big5hkscs"), "in.txt", "big5hkscs") == text
    assert decode_source(text.encode("big5hkscs"), "in.txt", "Big5-HKSCS") == text


def test_other_codecs_by_python_name():
    text = "香港\n"
    assert decode_source(text.encode("gb18030"), "in.txt", "gb18030") == text
    assert decode_source(text.encode("utf-16-le"), "in.txt", "utf-16-le") == text


def test_explicit_utf8_drops_the_bom():
    assert decode_source(codecs.BOM_UTF8 + b"Hi\n", "in.txt", "utf-8") == "Hi\n"


def test_wrong_explicit_encoding_is_reported():
    message = error_of("a\n\xff".encode("latin-1"), "utf-8")
    assert message.startswith("in.txt:2: the file is not valid utf-8 (byte 0xFF at line 2)")


@pytest.mark.parametrize("name", ["no-such-codec", "base64", "rot13"])
def test_unknown_or_non_text_codec_is_refused(name):
    message = error_of(b"Hi\n", name)
    assert message.startswith(f"in.txt: --encoding {name!r} is not a text encoding Python knows")


@pytest.mark.parametrize(
    "name", ["idna", "IDNA", "punycode", "unicode_escape", "raw-unicode-escape", "undefined"]
)
def test_codecs_for_names_and_escapes_are_refused(name):
    """idna refuses errors="replace" (a traceback before); escape codecs read no file."""
    message = error_of(b"Hi\n", name)
    assert message.startswith(f"in.txt: --encoding {name!r} encodes domain names or escapes")


def test_ingest_with_the_idna_codec_is_a_clean_error(tmp_path):
    (tmp_path / "in.txt").write_text("Hong Kong.\n\n香港。\n", encoding="utf-8")
    result = run_build_py("ingest", "in.txt", "--encoding", "idna", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("in.txt: --encoding 'idna' encodes domain names")
    assert "Traceback" not in result.stderr


def test_binary_file_is_refused():
    message = error_of(b"PK\x03\x04\n\x00\x00\x01binary")
    assert message.startswith("in.txt:2: the file contains a NUL byte at line 2")
    assert "binary file" in message


def test_utf16_without_bom_is_refused_with_a_hint():
    message = error_of("Hong Kong\n".encode("utf-16-le"))
    assert "--encoding utf-16-le" in message


def test_never_mojibake_latin1_is_not_guessed():
    # Latin-1 bytes would "decode" as something under many guesses; we refuse instead.
    message = error_of("Café\n".encode("latin-1"))
    assert message.startswith("in.txt:1: the file is not UTF-8 (byte 0xE9 at line 1)")
