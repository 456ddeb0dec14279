"""`build.py publish`: commit the built site to a branch (gh-pages) and push it, with ghp-import.

ghp-import writes the commit straight into git's object store (no checkout, no touching the
working tree) — the same library MkDocs' `gh-deploy` uses.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import ghp_import

from .errors import SiteError
from .project import CONTENT_DIR, is_internal


def publish_site(
    project: Path, out_dir: Path, *, remote: str, branch: str, push: bool = True
) -> None:
    """Commit `out_dir` as the whole tree of `branch` in the project's repository, then push."""
    if not (project / ".git").exists():
        raise SiteError(
            f"{project}: publish needs the project to be a git repository with a remote"
            f" ({remote}); run `git init` and `git remote add {remote} URL` first"
        )
    with contextlib.chdir(project), publishable(out_dir) as tree:  # ghp-import runs git here
        try:
            ghp_import.ghp_import(
                str(tree),
                mesg=f"Publish the site ({out_dir.name}/) with build.py publish",
                remote=remote,
                branch=branch,
                push=push,
                nojekyll=True,
            )
        except ghp_import.GhpError as error:
            raise SiteError(f"{project}: publishing failed: {error.message}") from error
        except subprocess.CalledProcessError as error:
            raise SiteError(
                f"{project}: git push to {remote} {branch} failed (exit {error.returncode});"
                f" the site is committed on the local branch {branch}; push it by hand"
            ) from error


@contextlib.contextmanager
def publishable(out_dir: Path) -> Iterator[Path]:
    """`out_dir` without the build's internal files (project.is_internal, at any depth),
    as a tree of hard links beside it (copies where links fail), removed afterwards."""
    holder = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.publish-", dir=out_dir.parent))
    try:
        tree = holder / out_dir.name
        shutil.copytree(
            out_dir,
            tree,
            ignore=lambda folder, names: {name for name in names if is_internal(name)},
            copy_function=_link_or_copy,
        )
        yield tree
    finally:
        shutil.rmtree(holder, ignore_errors=True)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def uncommitted_content(project: Path) -> list[str]:
    """The files under content/ that differ from git's last commit (or are not in it)."""
    result = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all", "--", CONTENT_DIR],
        cwd=project,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        return []  # not a repository: publish_site says so
    return [line[3:] for line in result.stdout.splitlines() if line[3:]]


# A GitHub remote's owner and repository: github.com/OWNER/REPO(.git), over HTTPS or SSH.
GITHUB_REMOTE = re.compile(r"github\.com[:/]([^/]+)/([^/]+?)(?:\.git)?/?$")


def subpath_warning(project: Path, out_dir: Path, remote: str, base_url: str) -> str | None:
    """A warning when the site will be served under a sub-path that base_url does not name.

    Only GitHub Pages can be told from the remote: a repository other than OWNER.github.io,
    with no CNAME (custom domain), is served at https://OWNER.github.io/REPO/. Any other
    host's address is unknown here, so nothing is said about it.
    """
    if base_url or (out_dir / "CNAME").is_file():
        return None
    found = subprocess.run(
        ["git", "remote", "get-url", remote], cwd=project, capture_output=True, text=True
    )
    match = GITHUB_REMOTE.search(found.stdout.strip()) if found.returncode == 0 else None
    if not match or match[2].lower() == f"{match[1]}.github.io".lower():
        return None
    address = f"https://{match[1].lower()}.github.io/{match[2]}/"
    return (
        f"site.yaml: base_url is empty, but GitHub Pages serves {remote} at {address}, a"
        f" sub-path: the 404 page would link to the domain's root; set base_url:"
        f' "{address}" (or pass --base-url) (warning)'
    )
