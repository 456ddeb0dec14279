"""`build.py publish`: commit the built site to a branch (gh-pages) and push it, with ghp-import.

ghp-import writes the commit straight into git's object store (no checkout, no touching the
working tree) — the same library MkDocs' `gh-deploy` uses.
"""

from __future__ import annotations

import contextlib
import subprocess
from pathlib import Path

import ghp_import

from .errors import SiteError


def publish_site(
    project: Path, out_dir: Path, *, remote: str, branch: str, push: bool = True
) -> None:
    """Commit `out_dir` as the whole tree of `branch` in the project's repository, then push."""
    if not (project / ".git").exists():
        raise SiteError(
            f"{project}: publish needs the project to be a git repository with a remote"
            f" ({remote}); run `git init` and `git remote add {remote} URL` first"
        )
    with contextlib.chdir(project):  # ghp-import runs git in the current folder
        try:
            ghp_import.ghp_import(
                str(out_dir),
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
