"""Debian's chromium driven by Playwright for Python (the pip package ships its driver; no browser download)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def require_browser() -> None:
    """Skip with a reason when chromium or Playwright is missing; under CI (CI=true) fail instead."""
    missing = ""
    if not CHROMIUM.exists():
        missing = f"Debian's chromium is not installed ({CHROMIUM}); scripts/install-test-deps installs it"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            missing = "Playwright for Python is not installed (pip install -e '.[test]')"
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests cannot run under CI: {missing}")
        pytest.skip(missing)


@contextmanager
def chromium_page(width: int = 1440, height: int = 1000) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True,
                                          locale="en-GB")
            page = context.new_page()
            page.set_default_timeout(60_000)
            yield page
        finally:
            browser.close()
