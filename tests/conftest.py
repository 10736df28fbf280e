"""Test set-up: no network, and every chapter of _toc.yml run through nbval.

1. The network is blocked for the whole run, in this process and in every
   notebook kernel (through an IPython start-up file), so a test passes
   only if the course really works offline. Loopback stays open: Jupyter
   kernels talk to pytest through it.
2. Before collection, each notebook page listed in ``_toc.yml`` is converted
   with Jupytext into ``tests/_chapters/``, where nbval (``--nbval-lax``,
   set in pyproject.toml) collects it and runs every cell. A new chapter is
   tested as soon as it is in the table of contents.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS_DIR = Path(__file__).resolve().parent / "_chapters"

# Source of the network guard: executed here and in each notebook kernel.
NETWORK_GUARD = '''
import ipaddress as _ipaddress
import socket as _socket


class NetworkBlockedError(RuntimeError):
    """Raised when code tries to reach the network during the tests."""


def _is_local(address):
    if not isinstance(address, tuple):
        return True  # a Unix socket path
    host = address[0]
    if host in ("localhost", ""):
        return True
    try:
        return _ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False  # a host name other than localhost


def _guard(real):
    def guarded(self, address, *args, **kwargs):
        if self.family in (_socket.AF_INET, _socket.AF_INET6) and not _is_local(address):
            raise NetworkBlockedError(
                f"network access to {address!r} during the tests: the course must run offline"
            )
        return real(self, address, *args, **kwargs)
    return guarded


if not getattr(_socket.socket, "_dlcourse_guarded", False):
    _socket.socket.connect = _guard(_socket.socket.connect)
    _socket.socket.connect_ex = _guard(_socket.socket.connect_ex)
    _socket.socket._dlcourse_guarded = True
'''

_guard_namespace: dict = {}
exec(NETWORK_GUARD, _guard_namespace)  # noqa: S102  (our own constant source)
NetworkBlockedError = _guard_namespace["NetworkBlockedError"]


def _install_kernel_guard() -> Path:
    """Make every IPython kernel started by the tests run the guard first."""
    ipython_dir = Path(tempfile.mkdtemp(prefix="dlcourse-ipython-"))
    startup = ipython_dir / "profile_default" / "startup"
    startup.mkdir(parents=True)
    (startup / "00-block-network.py").write_text(NETWORK_GUARD, encoding="utf-8")
    os.environ["IPYTHONDIR"] = str(ipython_dir)
    return ipython_dir


def _convert_chapters() -> list[Path]:
    """Write each notebook page of _toc.yml as an .ipynb for nbval."""
    import jupytext

    from dlcourse.book import toc_notebooks

    shutil.rmtree(CHAPTERS_DIR, ignore_errors=True)
    CHAPTERS_DIR.mkdir()
    written = []
    for page in toc_notebooks(ROOT):
        notebook = jupytext.read(ROOT / page)
        target = CHAPTERS_DIR / f"{page.stem}.ipynb"
        jupytext.write(notebook, target, fmt="ipynb")
        written.append(target)
    return written


def pytest_sessionstart(session: pytest.Session) -> None:
    # Chapters run with the same matplotlib backend as a headless build.
    os.environ.setdefault("MPLBACKEND", "Agg")
    session.config._dlcourse_ipython_dir = _install_kernel_guard()
    if session.config.getoption("nbval_lax", default=False):
        _convert_chapters()


def pytest_sessionfinish(session: pytest.Session) -> None:
    ipython_dir = getattr(session.config, "_dlcourse_ipython_dir", None)
    if ipython_dir is not None:
        shutil.rmtree(ipython_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def chapters_dir() -> Path:
    """The folder of converted chapters (for tests about the conversion)."""
    return CHAPTERS_DIR


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository root, which holds _toc.yml."""
    return ROOT
