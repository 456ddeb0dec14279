"""The address a site is published at (`base_url`, `--base-url`): one check for both."""

from __future__ import annotations

from urllib.parse import urlsplit


def base_url_problem(base_url: str, what: str = "base_url") -> str | None:
    """Why `base_url` is not '' or an absolute http(s) address with a host and no
    credentials, spaces, query or #fragment; None when it is fine. One check for
    site.yaml's base_url and the command line's --base-url."""
    base_url = base_url.strip()
    parts = urlsplit(base_url)
    if not base_url:
        return None
    if "@" in parts.netloc:
        return (
            f"{what} is {base_url!r}, which holds a user name or password; the address is"
            " printed on every page, so give it without credentials"
        )
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or not _has_valid_port(parts.netloc)
        or parts.query
        or parts.fragment
        or any(c.isspace() for c in base_url)
    ):
        return (
            f"{what} is {base_url!r}; expected the site's full address starting with"
            " https:// or http://, like https://example.org/guide/, or empty for relative links"
        )
    return None


def _has_valid_port(netloc: str) -> bool:
    try:
        urlsplit(f"//{netloc}").port  # noqa: B018 (raises ValueError on a bad port)
    except ValueError:
        return False
    return True
