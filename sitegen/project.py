"""A project's folders and files, named once: what the build reads and the preview watches."""

from __future__ import annotations

CONFIG_FILE = "site.yaml"
CONTENT_DIR = "content"
TEMPLATES_DIR = "templates"
STATIC_DIR = "static"
TESTS_DIR = "tests"

SOURCE_DIRS = (CONTENT_DIR, TEMPLATES_DIR, STATIC_DIR)  # with CONFIG_FILE: every build input
