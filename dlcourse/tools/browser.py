"""Headless Chromium for the browser test and the PDF: where it is, how it starts, a local server.

``make browser-test`` and ``make pdf`` export ``CHROMIUM`` (default
``/usr/bin/chromium``, Debian's package); :func:`chromium_path` reads that
one setting. :func:`serve_directory` serves a built folder on 127.0.0.1 for
as long as its ``with`` block lasts.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

__all__ = ["CHROMIUM_ARGS", "chromium_path", "DEFAULT_CHROMIUM", "serve_directory"]

DEFAULT_CHROMIUM = "/usr/bin/chromium"
#: No sandbox (containers), no GPU, and nothing that phones home.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def chromium_path() -> Path:
    """The Chromium to drive: ``$CHROMIUM`` (the Makefile's setting), else Debian's.

    Examples
    --------
    >>> chromium_path()                             # doctest: +SKIP
    PosixPath('/usr/bin/chromium')
    """
    return Path(os.environ.get("CHROMIUM") or DEFAULT_CHROMIUM)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test and make output readable
        pass


def serve_directory(directory: str | Path) -> AbstractContextManager[str]:
    """Serve ``directory`` over HTTP on 127.0.0.1 (a free port); yield its base URL.

    Examples
    --------
    >>> with serve_directory("_build/html") as url:  # doctest: +SKIP
    ...     url
    'http://127.0.0.1:43117'
    """
    from dlcourse._checks import check_dir

    return _serving(check_dir("directory", directory))


@contextmanager
def _serving(directory: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
