"""axe-core's WCAG 2.1 A/AA rules on every page, at desktop and phone widths."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

AXE_RUN = """() => axe.run(document, {
    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
    resultTypes: ['violations'],
}).then(results => results.violations)"""


def describe(url: str, violations: list[dict[str, Any]]) -> list[str]:
    """One readable block per violated rule: what, how bad, how to fix, where."""
    lines = []
    for rule in violations:
        lines.append(f"/{url}: {rule['id']} ({rule['impact']}): {rule['help']}")
        lines.extend(f"    {' '.join(map(str, node['target']))}" for node in rule["nodes"])
    return lines


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_wcag_violations(
    page: Page, base_url: str, page_urls: list[str], axe_js: Path, viewport: dict[str, int]
) -> None:
    page.set_viewport_size(viewport)
    report = []
    for url in page_urls:
        response = page.goto(base_url + url)
        assert response is not None and response.ok, f"/{url}: HTTP {response and response.status}"
        page.add_script_tag(path=axe_js)
        report.extend(describe(url, page.evaluate(AXE_RUN)))
    assert not report, "axe-core found WCAG 2.1 A/AA violations:\n" + "\n".join(report)
