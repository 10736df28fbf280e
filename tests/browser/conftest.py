"""What every browser test shares: the built book served on 127.0.0.1, and Debian's Chromium."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dlcourse.tools.browser import CHROMIUM_ARGS, chromium_path, serve_directory

ROOT = Path(__file__).resolve().parents[2]
#: The built book under test: ``$DLCOURSE_HTML``, else ``_build/html``.
HTML = Path(os.environ.get("DLCOURSE_HTML") or ROOT / "_build" / "html").resolve()


@pytest.fixture(scope="module")
def server():
    """The built book's base URL on 127.0.0.1."""
    if not (HTML / "index.html").is_file():
        pytest.fail(f"no built book in {HTML}: run `make book` first (or set DLCOURSE_HTML)")
    with serve_directory(HTML) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium, launched once per test module."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    chromium = chromium_path()
    if not chromium.is_file():
        pytest.fail(f"{chromium} is missing: `make browser-test` installs Debian's chromium "
                    "(or set CHROMIUM to another Chromium)")
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        yield launched
        launched.close()
