"""Write the site in place through a journal: only what changed, each file atomically.

Files are rendered into `.sitegen-pending/` inside the output (the same file system, so a
rename moves a file whole; workers in other processes write there too). Nothing else in the
output changes until `commit`, which writes the plan (which pending file goes where, which
files go away) to `.sitegen-journal` under a temporary name and renames it: that rename is
the moment the build happens. Then each file is renamed into place, removed files are
deleted last, and the journal goes. Every step can be done twice, so a build killed at any
instant is put right by the next: before the journal exists, the pending folder is thrown
away (rolled back); after, the journal is applied again (finished). A page is always either
the old or the new one, never torn.

`.sitegen-index` records what the last build wrote (output path -> digest), so a file is
compared with its last bytes without reading it, and a file that is no longer part of the
site is deleted while files the tool never wrote (CNAME, a host's own) stay. Without an index
(the first build, or `--no-cache`) files are compared with the bytes on disk, and the output
is made exactly the site, but for `keep`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Mapping
from pathlib import Path

from ..errors import Problem, SiteError
from .folder import MARKER, MARKER_TEXT, Previous, write_failure
from .outputpaths import check_no_clashes, safe_output_path

PENDING = ".sitegen-pending"
JOURNAL = ".sitegen-journal"
INDEX = ".sitegen-index"
INTERNAL = ".sitegen"  # every name the tool keeps for itself starts so (publish leaves them out)


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def pending_name(rel_path: str) -> str:
    return hashlib.blake2b(rel_path.encode("utf-8"), digest_size=16).hexdigest()


class Journal:
    """The output, written in place by `write` (any process) and made visible by `commit`;
    left without a commit, it is as it was."""

    def __init__(
        self,
        out_dir: Path,
        use_index: bool = True,
        known: dict[str, str] | None = None,
        record: bool = True,
    ) -> None:
        """`known`: what the last build wrote, when the caller remembers it (the preview);
        otherwise read from the index, unless `use_index` is off (`--no-cache`). `record`
        off: no index written (a caller that always knows; 0.05 s at 60,000 files)."""
        self.out_dir, self.use_index, self.known, self.record = out_dir, use_index, known, record
        self._written_here: dict[str, str] = {}  # pending name -> output path, this process
        self.pending = out_dir / PENDING
        self.files: dict[str, str] = {}  # output path -> digest, of the whole new site
        self.changed: list[str] = []  # after commit: the paths written or deleted
        self.previous: dict[str, str] | None = None

    def __enter__(self) -> Journal:
        self._created = not self.out_dir.exists()
        try:
            self.pending.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise write_failure(error, self.out_dir, PENDING) from None
        self.previous = self.known
        if self.previous is None and self.use_index:
            self.previous = _read_index(self.out_dir / INDEX)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if (self.out_dir / JOURNAL).exists():
            return  # committed, not finished: the next build needs the pending files
        shutil.rmtree(self.pending, ignore_errors=True)  # gone after a commit, too
        if self._created and not any(self.out_dir.iterdir()):
            self.out_dir.rmdir()  # a failed first build leaves no empty folder

    def write(self, rel_path: str, data: bytes | Previous) -> str:
        """One file of the new site; written (to the pending folder) only if it changed.
        Returns its digest, which the parent process `adopt`s from its workers."""
        if isinstance(data, Previous):
            known = (self.previous or {}).get(rel_path)
            found = known or digest((self.out_dir / rel_path).read_bytes())
        else:
            found = digest(data)
            if not self._is_current(rel_path, found, data):
                name = pending_name(rel_path)
                try:
                    (self.pending / name).write_bytes(data)
                except OSError as error:
                    raise write_failure(error, self.out_dir, rel_path) from None
                self._written_here[name] = rel_path
        self.files[rel_path] = found
        return found

    def read(self, rel_path: str) -> bytes:
        """A file of the new site as it will be published: written by this build (here or
        by a worker), or kept from the last."""
        pending = self.pending / pending_name(rel_path)
        return (pending if pending.is_file() else self.out_dir / rel_path).read_bytes()

    def digest(self, rel_path: str) -> str:
        """The digest of a file of the new site, known without reading it."""
        return self.files[rel_path]

    def adopt(self, files: Mapping[str, str]) -> None:
        """Files a worker process wrote (output path -> digest)."""
        self.files.update(files)

    def commit(self, keep: tuple[str, ...] = ()) -> None:
        """Write the journal, then apply it; nothing changed means nothing written."""
        pending = set(os.listdir(self.pending))  # written here or by a worker
        names = self._written_here
        if not pending <= names.keys():  # a worker's: name every file (its names are hashes)
            names = {pending_name(rel): rel for rel in self.files}
        moves = sorted(((n, names[n]) for n in pending if n in names), key=lambda m: m[1])
        if any(self.previous is None or rel not in self.previous for _, rel in moves):
            check_no_clashes(self.files)  # new paths: none may be another's folder
        deletes = sorted(self._removed(set(keep)))
        if self.record and self.files != self.previous:
            text = json.dumps(
                self.files, ensure_ascii=False, separators=(",\n", ":"), sort_keys=True
            )
            self._add_internal(moves, INDEX, text)
        if not (self.out_dir / MARKER).is_file():
            self._add_internal(moves, MARKER, MARKER_TEXT.decode("utf-8").rstrip("\n"))
        self.changed = [rel for _, rel in moves if not rel.startswith(INTERNAL)] + deletes
        if not moves and not deletes:
            return
        plan = json.dumps({"moves": moves, "deletes": deletes}).encode("utf-8")
        temporary = self.out_dir / f"{JOURNAL}.tmp"
        try:
            temporary.write_bytes(plan)
            os.replace(temporary, self.out_dir / JOURNAL)  # the build happens here
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise write_failure(error, self.out_dir, JOURNAL) from None
        apply_journal(self.out_dir)

    def _is_current(self, rel_path: str, found: str, data: bytes) -> bool:
        target = self.out_dir / rel_path
        if self.previous is not None and rel_path in self.previous:
            return self.previous[rel_path] == found and target.is_file()
        try:  # no record of it: compare with what is there
            return target.stat().st_size == len(data) and target.read_bytes() == data
        except OSError:
            return False

    def _removed(self, keep: set[str]) -> set[str]:
        if self.previous is not None:
            return self.previous.keys() - self.files.keys() - keep
        found = set()
        for folder, dirs, names in os.walk(self.out_dir):
            rel_folder = Path(folder).relative_to(self.out_dir).as_posix()
            if rel_folder == ".":
                dirs[:] = [d for d in dirs if not d.startswith(INTERNAL)]
                names = [n for n in names if not n.startswith(INTERNAL)]
            found.update(n if rel_folder == "." else f"{rel_folder}/{n}" for n in names)
        return found - self.files.keys() - keep

    def _add_internal(self, moves: list[tuple[str, str]], name: str, text: str) -> None:
        try:
            (self.pending / pending_name(name)).write_text(text + "\n", encoding="utf-8")
        except OSError as error:
            raise write_failure(error, self.out_dir, name) from None
        moves.append((pending_name(name), name))


def recover(out_dir: Path) -> None:
    """Put right what a killed build left: finish its journal, or throw its pending files away."""
    if (out_dir / JOURNAL).is_file():
        apply_journal(out_dir)
    shutil.rmtree(out_dir / PENDING, ignore_errors=True)
    (out_dir / f"{JOURNAL}.tmp").unlink(missing_ok=True)


def apply_journal(out_dir: Path) -> None:
    """Every move, then every deletion, then the journal's removal; each step repeatable."""
    journal = out_dir / JOURNAL
    try:
        plan = json.loads(journal.read_bytes())
        moves = [(str(name), safe_output_path(rel)) for name, rel in plan["moves"]]
        deletes = [safe_output_path(rel) for rel in plan["deletes"]]
    except (ValueError, KeyError, TypeError):
        # Not a journal we wrote in one piece: the index may no longer say what is on disk,
        # so forget it (the next build compares bytes) and drop the journal.
        (out_dir / INDEX).unlink(missing_ok=True)
        journal.unlink()
        return
    try:
        for name, rel in moves:
            source, target = out_dir / PENDING / name, out_dir / rel
            if source.is_file() and "/" not in name:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(source, target)
        for rel in deletes:
            (out_dir / rel).unlink(missing_ok=True)
            _remove_empty_folders(out_dir, (out_dir / rel).parent)
        journal.unlink()
    except OSError as error:
        message = (
            f"could not finish writing {error.filename or out_dir} ({error.strerror or error});"
            " the next build finishes it"
        )
        raise SiteError(Problem(str(out_dir), None, message)) from None


def _read_index(path: Path) -> dict[str, str] | None:
    """The last build's record of its files; None (compare with the disk) if unreadable."""
    try:
        found = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    is_index = isinstance(found, dict) and all(isinstance(v, str) for v in found.values())
    return found if is_index else None


def _remove_empty_folders(out_dir: Path, folder: Path) -> None:
    while folder != out_dir:
        try:
            folder.rmdir()
        except OSError:  # not empty (or already gone)
            return
        folder = folder.parent
