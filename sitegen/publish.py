"""`build.py publish`: commit the built site to a branch (gh-pages) and push it, with ghp-import.

ghp-import writes the commit straight into git's object store (no checkout, no touching the
working tree) — the same library MkDocs' `gh-deploy` uses.
"""

from __future__ import annotations

import contextlib
import re
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
