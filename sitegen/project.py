"""A project's folders and files, named once: what the build reads and the preview watches."""

from __future__ import annotations

CONFIG_FILE = "site.yaml"
CONTENT_DIR = "content"
TEMPLATES_DIR = "templates"
STATIC_DIR = "static"
TESTS_DIR = "tests"
CACHE_DIR = ".sitegen-cache"  # what builds keep for the next (git-ignored; safe to delete)

SOURCE_DIRS = (CONTENT_DIR, TEMPLATES_DIR, STATIC_DIR)  # with CONFIG_FILE: every build input

# The build's own files in an output folder (the .sitegen marker, .sitegen-manifest.json, a
# journal or cache): every name starting with this is internal, never published.
INTERNAL_PREFIX = ".sitegen"


def is_internal(name: str) -> bool:
    return name.startswith(INTERNAL_PREFIX)
