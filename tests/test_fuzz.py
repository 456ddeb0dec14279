"""Property tests: whatever the input, a result or a SiteError, never another exception.

CI runs ~100 examples per property. A longer session:
`FUZZ_EXAMPLES=20000 python -m pytest tests/test_fuzz.py -q` (or `make fuzz`).
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_ingest import bilingual_text, squeeze

from sitegen.errors import SiteError
from sitegen.ingest.paragraphs import ingest_text, is_title_from_slug
from sitegen.ingest.write import dump_content
from sitegen.model.config import load_config
from sitegen.model.content import load_document, load_documents
from sitegen.model.site import build_site_model
from sitegen.text.lookalikes import normalise_extracted

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "100"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
REPO = Path(__file__).resolve().parent.parent
CONFIG = load_config(REPO)  # the real site.yaml: its language prefixes are reserved names
RESERVED = {language.prefix for language in CONFIG.languages}

# Text a PDF extraction could give: English, Chinese, digits, punctuation, page furniture,
# odd spaces and line ends, plus anything at all now and then.
_PIECES = st.sampled_from(
    [
        "The Government",
        " will act",
        " in 2024.",
        "AI",
        "5G",
        "CAHK",
        "Hong Kong",
        "-",
        "—",
        "政府",
        "會在",
        " 2024 ",
        "年行動。",
        "香港",
        "「數字政策辦公室」",
        "《概覽》",
        "，",
        "\n",
        "\n\n",
        "\r\n",
        "\f",
        "  ",
        "\t",
        "- 2 -",
        "12.",
        "(1)",
        "*",
        "#",
        "é",
        "\u00a0",
        "\u3000",
        "\ufeff",
        "\u200b",
        ":",
        "'",
        '"',
        "!",
        "&",
        "<b>",
        "...",
        "…",
    ]
)
RAW_TEXT = st.one_of(
    st.lists(_PIECES, max_size=60).map("".join),
    st.text(max_size=300),
    st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=40).map("".join),
)


def _letters(text: str) -> Counter[str]:
    return Counter(char for char in text if not char.isspace())


def _load_text(text: str) -> object:
    """The content loader on YAML text: a Document, or the SiteError it raised."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            return load_document(path, "content/doc.yaml")
        except SiteError as error:
            return error


@FUZZ
@given(RAW_TEXT)
@example("The Government年行動。\n\n0\x85A")  # NEL: PyYAML wrote it back as a space
def test_ingest_gives_valid_content_or_a_site_error(text: str) -> None:
    try:
        content = ingest_text(text, display_name="x.txt", slug="x")
    except SiteError:
        return
    pairs = content["paragraphs"]
    title = [] if is_title_from_slug(content, "x") else [content["title"]]
    assert all(p["en"].strip() and p["zh"].strip() for p in [*title, *pairs])
    written = _letters("".join(p[k] for p in [*title, *pairs] for k in ("en", "zh")))
    # Look-alikes (ligatures, radicals) are mapped to the text's own characters on purpose.
    readable = _letters(normalise_extracted(text))
    assert not written - readable, "ingest wrote characters the text does not have"
    # What ingest writes is a valid content file, and loads back as written.
    document = _load_text(dump_content(content))
    assert not isinstance(document, SiteError) or not pairs, document
    if pairs:
        assert [(p.en, p.zh) for p in document.paragraphs] == [(p["en"], p["zh"]) for p in pairs]


@pytest.mark.parametrize("text", [" in 2024.\n政府"])
def test_extracted_milestones_are_valid_content(text: str) -> None:
    """Found by the fuzzer: ingest wrote a milestone whose `en` was empty, so the file it
    wrote failed to build (`milestone 1 en is empty`)."""
    document = _load_text(dump_content(ingest_text(text, display_name="x", slug="x")))
    assert not isinstance(document, SiteError), document


@FUZZ
@given(bilingual_text())
def test_reingesting_ingested_text_is_stable(case: tuple[str, str, str]) -> None:
    """The pairs ingest found, written out again as raw text, ingest again with no text
    lost, repeated or reordered, into valid content. (Not always into the same pairs: on
    generated text that is no translation, lengths and numbers may pair runs differently.)"""
    first = ingest_text(case[0], display_name="x", slug="x")["paragraphs"]
    raw = "\n\n".join(f"{p['en']}\n\n{p['zh']}" for p in first) + "\n"
    second = ingest_text(raw, display_name="x", slug="x")
    for field in ("en", "zh"):
        again = squeeze("".join(p[field] for p in second["paragraphs"]))
        assert again == squeeze("".join(p[field] for p in first))
    document = _load_text(dump_content({**second, "milestones": []}))
    assert not isinstance(document, SiteError), document


@FUZZ
@given(st.text(max_size=400))
def test_the_loader_on_any_text_loads_or_raises_site_error(text: str) -> None:
    _load_text(text)


_KEYS = ["title", "paragraphs", "milestones", "source", "en", "zh", "kind", "segments"]
_KEYS += ["date", "paragraph", "sentence", "qualifier", "heading", "Title", "paragraps"]
_SCALARS = st.one_of(
    st.sampled_from(["One.", "一。", "2024", "2024-07", "2024-02-30", "heading", "", " "]),
    st.sampled_from(["No", "yes", "0123", "12:30", "~", "null", "1e3", "from", "- x", ": y"]),
    st.integers(-5, 5),
    st.booleans(),
    st.none(),
    st.text(max_size=10),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(_KEYS), inner, max_size=5)
    ),
    max_leaves=30,
)
_DOCUMENTS = st.fixed_dictionaries(
    {},
    optional={
        "title": st.one_of(st.fixed_dictionaries({"en": _SCALARS, "zh": _SCALARS}), _VALUES),
        "paragraphs": st.one_of(
            st.lists(
                st.fixed_dictionaries(
                    {"en": _SCALARS, "zh": _SCALARS},
                    optional={"kind": _SCALARS, "segments": _VALUES},
                ),
                max_size=4,
            ),
            _VALUES,
        ),
        "milestones": st.lists(
            st.fixed_dictionaries(
                {"date": _SCALARS, "en": _SCALARS, "zh": _SCALARS, "paragraph": _SCALARS},
                optional={"sentence": _SCALARS, "qualifier": _SCALARS},
            ),
            max_size=3,
        ),
        "source": _SCALARS,
        "paragraps": _VALUES,
    },
)


@FUZZ
@given(_DOCUMENTS, st.sampled_from(["block", "flow"]))
def test_the_loader_on_structured_documents_loads_or_raises_site_error(
    document: dict, style: str
) -> None:
    text = yaml.safe_dump(
        document, allow_unicode=True, sort_keys=False, default_flow_style=style == "flow"
    )
    _load_text(text)


_NAME = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"),
    min_size=1,
    max_size=40,
).filter(lambda name: name not in (".", "..") and len(name.encode()) < 200)


@FUZZ
@given(st.lists(_NAME, min_size=1, max_size=3, unique=True))
def test_any_file_name_writes_only_inside_the_output(names: list[str]) -> None:
    document = "title: {en: T, zh: 題}\nparagraphs:\n  - {en: One., zh: 一。}\n"
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "project"
        (project / "content").mkdir(parents=True)
        for name in names:
            (project / "content" / f"{name}.yaml").write_text(document, encoding="utf-8")
        try:
            site = build_site_model(CONFIG, load_documents(project, reserved=RESERVED))
        except SiteError:
            return
        out = (Path(folder) / "out").resolve()
        for dest_path in [page.dest_path for page in site.pages] + list(site.data_files):
            target = (out / dest_path).resolve()
            assert target.is_relative_to(out) and target != out, dest_path
            assert ".." not in dest_path.split("/") and not dest_path.startswith("/")
