"""The pages as Pagefind should read them (searchpages.indexed_html), written to a folder
per part; kept between builds in the project's .sitegen-cache/ (PreparedPages) so that an
edit prepares its own document's pages again, not every document's."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from functools import partial
from pathlib import Path

from .parallel import parallel_map
from .searchpages import SearchPage, indexed_html, sentence_texts
from .searchparts import Part

Read = Callable[[str], bytes]  # an output file's bytes, by its path in the output


class PreparedPages:
    """The pages as prepared for Pagefind, kept between builds in `folder` (in the
    project's .sitegen-cache/), so an edit prepares its own document's pages again, not
    every document's. Its record (each group's key and files) is removed before the folder
    changes and written once it is whole: a build killed in between starts afresh."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.pages, self.record = folder, folder / "pages", folder / "groups.json"

    def update(self, parts: list[Part], read: Read, workers: int) -> Path:
        """Every part's pages prepared, each part in its own folder (`pages/<number>/`);
        the folder that holds them."""
        known = self._read_record()
        self.record.unlink(missing_ok=True)
        if not known:
            shutil.rmtree(self.pages, ignore_errors=True)  # no record: nothing there is known
        current: dict[str, list] = {}
        stale = []
        for part in parts:
            for group, key in zip(part.groups, part.group_keys, strict=True):
                name = group[0].page.dest_path
                files = [f"{part.number}/{item.page.dest_path}" for item in group]
                current[name] = [key, files]
                if known.get(name) != [key, files]:
                    stale.append((self.pages / str(part.number), group))
        for name, (_old, files) in known.items():
            if name not in current or current[name][1] != files:
                for file in files:
                    (self.pages / file).unlink(missing_ok=True)
        for _done in parallel_map(partial(prepare_in, read), stale, workers):
            pass
        for part in parts:  # Pagefind wants the folder even if nothing was prepared
            (self.pages / str(part.number)).mkdir(parents=True, exist_ok=True)
        self.record.write_text(json.dumps(current), encoding="utf-8")
        return self.pages

    def forget(self) -> None:
        """Trust nothing kept: the next update prepares every page again."""
        self.record.unlink(missing_ok=True)

    def _read_record(self) -> dict[str, list]:
        try:
            found = json.loads(self.record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(found, dict) or not all(
            isinstance(v, list) and len(v) == 2 and isinstance(v[1], list) for v in found.values()
        ):
            return {}
        return found


def prepare_in(read: Read, job: tuple[Path, list[SearchPage]]) -> None:
    prepare_document(read, *job)


def prepare_document(read: Read, pages: Path, group: list[SearchPage]) -> None:
    """One document's pages as Pagefind should read them, written below `pages`."""
    counterparts = {item.counterpart.dest_path for item in group}
    texts = {name: sentence_texts(read(name)) for name in counterparts}
    for item in group:
        target = pages / item.page.dest_path
        target.parent.mkdir(parents=True, exist_ok=True)
        html = read(item.page.dest_path)
        target.write_bytes(indexed_html(item, html, texts[item.counterpart.dest_path]))
