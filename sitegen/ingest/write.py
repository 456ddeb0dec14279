"""Write an ingested document as content YAML: keys in order, real characters, atomically,
never over an edited file unless asked, with the editor's milestones kept on a re-ingest and
what ingest dropped or doubts written as YAML comments for the reviewer."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import yaml

from ..errors import Problem, SiteError
from ..text.fingerprints import fingerprint
from .milestones import merge_milestones

MAX_NOTES = 50  # dropped lines listed in the YAML; the rest are counted
_DATE_LIKE = re.compile(r"^\d{4}(?:-\d{2}){0,2}$")


class _Dumper(yaml.SafeDumper):
    """Quotes every date-like text: PyYAML quotes `2024` but leaves `2024-07` bare."""


_Dumper.add_representer(
    str,
    lambda dumper, text: dumper.represent_scalar(
        "tag:yaml.org,2002:str", text, style="'" if _DATE_LIKE.match(text) else None
    ),
)


class Fingerprints(dict):
    """`reviewed: {en: "…", zh: "…"}` written on one line, each fingerprint in quotes."""


_Dumper.add_representer(
    Fingerprints,
    lambda dumper, data: yaml.MappingNode(
        "tag:yaml.org,2002:map",
        [
            (
                yaml.ScalarNode("tag:yaml.org,2002:str", key),
                yaml.ScalarNode("tag:yaml.org,2002:str", value, style='"'),
            )
            for key, value in data.items()
        ],
        flow_style=True,
    ),
)


def reviewed_now(en: str, zh: str) -> Fingerprints:
    """The fingerprints of a pair that has just been checked (at ingest, or by `review`)."""
    return Fingerprints(en=fingerprint(en), zh=fingerprint(zh))


def dump_content(content: dict) -> str:
    """The document as YAML: keys in order, real characters, long lines never folded."""
    return yaml.dump(
        content,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=1_000_000,
        default_flow_style=False,
    )


def with_review_notes(
    text: str, dropped: Sequence[str], doubts: Mapping[int, Sequence[str]]
) -> str:
    """The YAML with comments for the reviewer: what ingest dropped as page furniture (at
    the top), and above each doubtful paragraph, why it deserves a look. The loader ignores
    comments; they stay until the editor deletes them."""
    lines = text.split("\n")
    out = []
    if dropped:
        out.append(f"# ingest dropped {len(dropped)} line(s) as page furniture (headers, footers,")
        out.append("# page numbers); check that no text of the document is among them:")
        out += [f"#   {where}" for where in dropped[:MAX_NOTES]]
        if len(dropped) > MAX_NOTES:
            out.append(f"#   … and {len(dropped) - MAX_NOTES} more")
    section, index = None, -1
    for line in lines:
        if line and not line.startswith(("-", " ", "#")):
            section = line.split(":", 1)[0]
        if section == "paragraphs" and line.startswith("- "):
            index += 1
            for reason in doubts.get(index, ()):
                out.append(f"# check this pair: {reason}")
        out.append(line)
    return "\n".join(out)


def write_content(
    content: dict,
    dest_path: Path,
    *,
    display_name: str,
    force: bool = False,
    dropped: Sequence[str] = (),
    doubts: Mapping[int, Sequence[str]] | None = None,
) -> None:
    """Write the YAML atomically; an existing file is only replaced with `force`. `dropped`
    and `doubts` become comments for the reviewer (with_review_notes)."""
    if dest_path.exists() and not force:
        raise SiteError(
            Problem(
                display_name,
                None,
                "the file already exists and may hold reviewed edits, so ingest did not"
                " overwrite it; pass --force to replace it, or -o to write somewhere else",
            )
        )
    dest_path.parent.mkdir(parents=True, exist_ok=True)
    content = {**content, "paragraphs": [_reviewed(p) for p in content["paragraphs"]]}
    data = with_review_notes(dump_content(content), dropped, doubts or {}).encode("utf-8")
    replace_file(dest_path, data)


def _reviewed(paragraph: dict) -> dict:
    """A pair as ingest writes it: reviewed as it stands (it came translated), so that a
    later edit of one side shows."""
    return {**paragraph, "reviewed": reviewed_now(paragraph["en"], paragraph["zh"])}


def replace_file(dest_path: Path, data: bytes) -> None:
    """`data` as the file's new content, atomically, keeping its permissions."""
    handle, temp_name = tempfile.mkstemp(dir=dest_path.parent, prefix=f".{dest_path.name}.")
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        mode = dest_path.stat().st_mode & 0o777 if dest_path.exists() else 0o644
        os.chmod(temp_name, mode)  # mkstemp makes it private; content files are not
        os.replace(temp_name, dest_path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def keep_reviewed_milestones(content: dict, dest_path: Path, *, display_name: str) -> int:
    """Before `content` replaces `dest_path`: keep the file's milestones as the editor left
    them and add only newly found ones (sitegen.milestones.merge_milestones).

    Returns how many were added. A file that cannot be read stops the ingest rather than
    lose the editor's work.
    """
    if not dest_path.exists():
        return len(content["milestones"])
    try:
        existing = yaml.safe_load(dest_path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SiteError(
            Problem(
                display_name,
                None,
                f"cannot keep the reviewed milestones of this file ({type(exc).__name__}:"
                f" {str(exc).splitlines()[0]}); fix the file, or delete it to start afresh",
            )
        ) from exc
    reviewed = existing.get("milestones") if isinstance(existing, dict) else None
    if not isinstance(reviewed, list):
        return len(content["milestones"])
    content["milestones"] = merge_milestones(content["milestones"], reviewed)
    return len(content["milestones"]) - len(reviewed)
