"""site.yaml: the site's title, languages, interface strings and output folder."""

from __future__ import annotations

import dataclasses
import importlib.util
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from yaml.nodes import Node

from ..errors import Problem, Problems, SiteError
from ..project import CONFIG_FILE
from .baseurl import base_url_problem
from .sections import Section, read_sections
from .yamlnodes import Reader, compose_yaml

TEXT_FIELDS = ("en", "zh")  # the two halves of every content pair
_LANG_KEYS = ("name", "lang", "hreflang", "locale", "prefix", "text", "strings")
_PREFIX = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class Language:
    """One reading language of the site: how it is named, tagged, routed and labelled."""

    code: str  # the key in site.yaml (en, tc, sc)
    name: str  # the switcher label, in the language itself
    lang: str  # <html lang>, BCP 47: en, zh-Hant-HK
    hreflang: str  # en, zh-HK, zh-Hans
    locale: str  # Open Graph: en_HK, zh_HK
    prefix: str  # URL prefix: /en/<slug>/
    text: str  # which content field the language reads: en or zh
    convert: str | None  # OpenCC config deriving this language from `text` (hk2s)
    notice: str | None  # shown on every page of a derived language (which version prevails)
    strings: dict[str, str] = field(hash=False, compare=False)


@dataclass(frozen=True)
class SiteConfig:
    title: dict[str, str]  # keyed by content field: en, zh
    languages: tuple[Language, ...]
    base_url: str = ""
    output: str = "_site"
    keep: tuple[str, ...] = ("CNAME",)  # publisher's files carried over between builds
    allow_html: bool = False  # keep raw inline HTML in paragraphs (still sanitised by nh3)
    # Left out of repr (the key of every page): the pages that show sections say so in
    # their own keys (model/units.py), so a new section renders no unrelated document.
    sections: tuple[Section, ...] = field(default=(), repr=False, compare=False)

    def language_for(self, text_field: str) -> Language:
        """The first language that reads a content field as written (no conversion)."""
        return next(x for x in self.languages if x.text == text_field and not x.convert)


def load_config(project: Path) -> SiteConfig:
    """Read and validate site.yaml; every problem is reported at once."""
    path = project / CONFIG_FILE
    if not path.is_file():
        raise SiteError(
            Problem(CONFIG_FILE, None, f"not found in {project}; is this the project folder?")
        )
    problems = Problems()
    root = compose_yaml(path.read_text(encoding="utf-8-sig"), CONFIG_FILE)
    reader = Reader(CONFIG_FILE, problems)
    if root is None:
        raise SiteError(
            Problem(CONFIG_FILE, None, "the file is empty; it needs title and languages")
        )
    optional = ("base_url", "output", "keep", "allow_html", "sections")
    keys = reader.mapping(root, CONFIG_FILE, ("title", "languages"), optional)
    config = None
    if keys is not None:
        title = _pair(reader, keys.get("title"), "title")
        languages = _languages(reader, keys.get("languages"))
        base_url = _base_url(reader, keys.get("base_url"))
        output = _optional_text(reader, keys.get("output"), "output", "_site")
        keep = _keep(reader, keys["keep"]) if "keep" in keys else SiteConfig.keep
        allow_html = "allow_html" in keys and reader.boolean(keys["allow_html"], "allow_html")
        sections = (
            read_sections(reader, keys["sections"], TEXT_FIELDS) if "sections" in keys else ()
        )
        if title and languages:
            base_url = normalise_base_url(base_url)
            config = SiteConfig(
                title, languages, base_url, output, keep, bool(allow_html), sections
            )
    problems.raise_if_any()
    assert config is not None
    return config


def load_site_config(project: Path, base_url: str | None = None) -> SiteConfig:
    """site.yaml, with the command line's --base-url winning over it."""
    config = load_config(project)
    if base_url is not None:
        problem = base_url_problem(base_url, "--base-url")
        if problem:
            raise SiteError(problem)
        config = dataclasses.replace(config, base_url=normalise_base_url(base_url))
    return config


def normalise_base_url(base_url: str) -> str:
    """'' or an absolute URL ending in exactly one slash."""
    base_url = base_url.strip()
    return base_url.rstrip("/") + "/" if base_url else ""


def _base_url(reader: Reader, node: Node | None) -> str:
    base_url = _optional_text(reader, node, "base_url", "").strip()
    problem = base_url_problem(base_url)
    if problem:
        reader.report(node, problem)
        return ""
    return base_url


def _optional_text(reader: Reader, node: Node | None, what: str, default: str) -> str:
    if node is None:
        return default
    return reader.text(node, what, allow_empty=True) or default


def _keep(reader: Reader, node: Node) -> tuple[str, ...]:
    names = []
    for number, item in reader.sequence(node, "keep"):
        name = reader.text(item, f"keep item {number}")
        if name and (name.startswith("/") or ".." in name.split("/")):
            reader.report(item, f"keep item {name!r} should be a path inside the output")
        elif name:
            names.append(name)
    return tuple(names)


def _pair(reader: Reader, node: Node | None, what: str) -> dict[str, str] | None:
    if node is None:
        return None
    keys = reader.mapping(node, what, TEXT_FIELDS)
    if keys is None:
        return None
    pair = {k: reader.text(v, f"{what}.{k}") for k, v in keys.items()}
    return pair if all(pair.get(k) for k in TEXT_FIELDS) else None  # type: ignore[return-value]


def _languages(reader: Reader, node: Node | None) -> tuple[Language, ...] | None:
    keys = reader.free_mapping(node, "languages") if node is not None else None
    if not keys:
        if keys is not None:
            reader.report(node, "languages is empty; the site needs at least en and zh")
        return None
    languages = [_language(reader, code, value) for code, value in keys.items()]
    if not all(languages):
        return None
    result = tuple(x for x in languages if x)
    _check_languages(reader, node, result)
    return result


def _language(reader: Reader, code: str, node: Node) -> Language | None:
    what = f"languages.{code}"
    keys = reader.mapping(node, what, _LANG_KEYS, ("convert", "notice"))
    if keys is None or any(k not in keys for k in _LANG_KEYS):
        return None
    values = {k: reader.text(keys[k], f"{what}.{k}") for k in _LANG_KEYS if k != "strings"}
    convert, notice = (
        reader.text(keys[k], f"{what}.{k}") if k in keys else None for k in ("convert", "notice")
    )
    strings = _strings(reader, keys["strings"], f"{what}.strings")
    if not all(values.values()) or strings is None:
        return None
    if values["text"] not in TEXT_FIELDS:
        reader.report(keys["text"], f"{what}.text is {values['text']!r}; expected en or zh")
        return None
    if not _PREFIX.match(values["prefix"] or ""):
        reader.report(keys["prefix"], f"{what}.prefix should be lowercase letters, like tc")
        return None
    if convert and not _is_opencc_config(convert):
        reader.report(
            keys["convert"],
            f"{what}.convert is {convert!r}, which is not an OpenCC configuration;"
            " use one such as hk2s (Hong Kong Traditional to Simplified), t2s or s2hk",
        )
        return None
    return Language(code, convert=convert, notice=notice, strings=strings, **values)  # type: ignore[arg-type]


def _strings(reader: Reader, node: Node, what: str) -> dict[str, str] | None:
    keys = reader.free_mapping(node, what)
    if keys is None:
        return None
    strings = {k: reader.text(v, f"{what}.{k}") for k, v in keys.items()}
    return strings if all(strings.values()) else None  # type: ignore[return-value]


def _is_opencc_config(name: str) -> bool:
    """Whether OpenCC has the configuration (a name such as hk2s; never a path)."""
    if not re.fullmatch(r"[a-z0-9]+(\.json)?", name):
        return False
    shipped = _shipped_opencc_configs()
    if shipped is not None:
        return name.removesuffix(".json") in shipped
    import opencc  # a layout we do not know: OpenCC itself is asked

    try:
        opencc.OpenCC(name)
    except RuntimeError:
        return False
    return True


@cache
def _shipped_opencc_configs() -> frozenset[str] | None:
    """The configurations the OpenCC package ships, read from its folder without loading
    its C library (60 ms of every build's start-up, a build with nothing to do included)."""
    spec = importlib.util.find_spec("opencc")
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent / "clib" / "share" / "opencc"
    names = frozenset(path.stem for path in folder.glob("*.json"))
    return names or None


def _check_languages(reader: Reader, node: Node, languages: tuple[Language, ...]) -> None:
    """Every text field has a language reading it, and all share the same interface strings."""
    by_prefix: dict[str, Language] = {}
    for language in languages:
        first = by_prefix.setdefault(language.prefix, language)
        if first is not language:
            reader.report(
                node,
                f"languages.{language.code}.prefix is {language.prefix!r}, the same as"
                f" languages.{first.code}.prefix; every language needs its own URL prefix",
            )
    for text_field in TEXT_FIELDS:
        if not any(x.text == text_field and not x.convert for x in languages):
            reader.report(node, f"no language reads the {text_field} text without convert")
    reference = languages[0]
    for language in languages[1:]:
        missing = sorted(set(reference.strings) - set(language.strings))
        extra = sorted(set(language.strings) - set(reference.strings))
        if missing or extra:
            reader.report(
                node,
                f"languages.{language.code}.strings should have the same keys as"
                f" languages.{reference.code}.strings (missing: {', '.join(missing) or 'none'};"
                f" extra: {', '.join(extra) or 'none'})",
            )
