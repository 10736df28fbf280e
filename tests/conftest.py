"""Test set-up: no network, and every chapter of _toc.yml run through nbval.

1. The network is blocked for the whole run, in this process and in every
   notebook kernel (through an IPython start-up file), so a test passes
   only if the course really works offline. Loopback stays open: Jupyter
   kernels talk to pytest through it.
2. Before collection, each notebook page listed in ``_toc.yml`` is converted
   with Jupytext into ``tests/_chapters/``, where nbval (``--nbval-lax``,
   set in pyproject.toml) collects it and runs every cell. A new chapter is
   tested as soon as it is in the table of contents. ``--chapters "01_x
   02_y"`` (``make test CHAPTERS=...``) runs only those.
3. The unit tests run first, the chapters after them; a failing chapter cell
   is reported by its place in ``book/`` (file and line) and its error
   message, as the first line of the failure. ``make test`` spreads the
   files over processes (pytest-xdist, ``--dist loadfile``): a chapter's
   cells, like a test file's tests, run in one process, in order.
4. A chapter that passes in full leaves its outputs in the book's
   jupyter-cache (``book_cache.py``), so ``make book`` after ``make test``
   does not execute it a second time.
"""

from __future__ import annotations

import os
import re
import shutil
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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--chapters", default="",
        help="space-separated chapter stems to run (default: every chapter in "
             "_toc.yml; 'none' runs only the unit tests)",
    )


def _chosen_chapters(wanted: str) -> list[Path]:
    """The notebook pages of _toc.yml, or those named in ``wanted``."""
    from dlcourse.tools.book import toc_notebooks

    pages = toc_notebooks(ROOT)
    names = wanted.split()
    if names == ["none"]:
        return []
    unknown = [name for name in names if name not in {p.stem for p in pages}]
    if unknown:
        raise pytest.UsageError(
            f"--chapters: unknown chapter(s) {unknown}; the chapters are "
            f"{[p.stem for p in pages]}"
        )
    return [p for p in pages if not names or p.stem in names]


def _convert_chapters(wanted: str = "") -> list[Path]:
    """Write each chosen notebook page of _toc.yml as an .ipynb for nbval."""
    import jupytext

    pages = _chosen_chapters(wanted)
    shutil.rmtree(CHAPTERS_DIR, ignore_errors=True)
    CHAPTERS_DIR.mkdir()
    written = []
    for page in pages:
        notebook = jupytext.read(ROOT / page)
        target = CHAPTERS_DIR / f"{page.stem}.ipynb"
        jupytext.write(notebook, target, fmt="ipynb")
        written.append(target)
    return written


def pytest_sessionstart(session: pytest.Session) -> None:
    # Kernels use the inline backend, as the book build does, so their
    # figures are outputs the book can show (book_cache.py). Unit tests draw
    # with Agg (set below, in this process only).
    os.environ.pop("MPLBACKEND", None)
    import matplotlib

    matplotlib.use("Agg")
    session.config._dlcourse_ipython_dir = _install_kernel_guard()
    # Under pytest-xdist the controller converts once; its workers read the files.
    worker = hasattr(session.config, "workerinput")
    if session.config.getoption("nbval_lax", default=False) and not worker:
        _convert_chapters(session.config.getoption("chapters"))


def _is_chapter_cell(item: pytest.Item) -> bool:
    return type(item).__name__ == "IPyNbCell"


def _run_order(item: pytest.Item) -> int:
    if _is_chapter_cell(item):
        return 1
    return 2 if item.get_closest_marker("after_chapters") else 0


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Unit tests first (quick feedback), then the chapters, each in cell
    # order, then the tests that compare with the chapters' run.
    items.sort(key=_run_order)


# Test files that read a chapter's run (``chapter_runs``): under pytest-xdist
# they go to the process that runs that chapter, after it.
RUN_WITH_CHAPTER = {"tests/test_determinism.py": "01_neural_networks"}


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """``make test`` spreads whole files over processes (``--dist loadfile``)."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class ChapterScheduling(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            scope = super()._split_scope(nodeid)
            chapter = RUN_WITH_CHAPTER.get(scope)
            return f"tests/_chapters/{chapter}.ipynb" if chapter else scope

    return ChapterScheduling(config, log)


def chapter_location(notebook: Path, source: str) -> str:
    """``book/<chapter>.md:<line>`` of a converted chapter's cell source."""
    from dlcourse.tools.book import source_line, toc_notebooks

    page = next((p for p in toc_notebooks(ROOT) if p.stem == notebook.stem), None)
    if page is None:
        return str(notebook)
    line = source_line(ROOT / page, source)
    return f"{page.as_posix()}:{line}" if line else page.as_posix()


# Per converted chapter: (source, outputs, passed, seconds) of each cell run.
_CHAPTER_RUNS: dict[Path, list[tuple[str, list, bool, float]]] = {}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report = outcome.get_result()
    if _is_chapter_cell(item) and call.when == "call":
        _CHAPTER_RUNS.setdefault(Path(str(item.fspath)), []).append(
            (item.cell.source, getattr(item, "test_outputs", None) or [], report.passed,
             report.duration))
    if _is_chapter_cell(item) and call.when == "call" and report.passed:
        numpy_glue = _numpy_scalar_glue(getattr(item, "test_outputs", None) or [])
        if numpy_glue:  # the book build could not format them: fail here, not there
            report.outcome = "failed"
            where = chapter_location(Path(str(item.fspath)), item.cell.source)
            report.longrepr = (
                f"{where}: glue of a NumPy scalar ({', '.join(numpy_glue)}): myst-nb cannot "
                "format 'np.float64(...)' in {glue:text}, so the strict book build fails. "
                "Glue float(...) or int(...).")
    if report.failed and _is_chapter_cell(item) and call.excinfo is not None:
        error = call.excinfo.value
        where = chapter_location(Path(str(item.fspath)), item.cell.source)
        from dlcourse.tools.book import last_error_line

        message = last_error_line(getattr(error, "inner_traceback", "") or str(error))
        report.longrepr = f"{where}: {message}\n\n{report.longrepr}"


_NUMPY_REPR = re.compile(r"^np\.(float|int|uint|bool_?)\w*\(")


def _numpy_scalar_glue(outputs: list) -> list[str]:
    """The names glued with a NumPy scalar's repr (``np.float64(0.9)``) in a cell's outputs."""
    names = []
    for output in outputs:
        data = output.get("data", {}) if hasattr(output, "get") else {}
        text = data.get("application/papermill.record/text/plain", "")
        if isinstance(text, str) and _NUMPY_REPR.match(text):
            scrap = output.get("metadata", {}).get("scrapbook", {})
            names.append(f"{scrap.get('name', '?')} = {text}")
    return names


def _cache_passed_chapters() -> None:
    import fcntl

    from book_cache import store_outputs

    from dlcourse.tools.book import toc_notebooks

    pages = {p.stem: ROOT / p for p in toc_notebooks(ROOT)}
    cache = ROOT / "_build" / ".jupyter_cache"
    cache.parent.mkdir(exist_ok=True)
    # pytest-xdist workers end at about the same time: one writes at a time.
    with open(ROOT / "_build" / ".jupyter_cache.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for notebook, runs in _CHAPTER_RUNS.items():
            if notebook.stem in pages and runs and all(passed for _, _, passed, _ in runs):
                store_outputs(pages[notebook.stem], [(src, outs) for src, outs, _, _ in runs],
                              sum(seconds for *_, seconds in runs), cache)


def pytest_sessionfinish(session: pytest.Session) -> None:
    try:
        _cache_passed_chapters()
    except Exception as error:  # the build then executes the chapters itself
        print(f"\nnote: chapter outputs not cached for the book build ({error!r})")
    ipython_dir = getattr(session.config, "_dlcourse_ipython_dir", None)
    if ipython_dir is not None:
        shutil.rmtree(ipython_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def chapter_runs() -> dict[str, list[list]]:
    """Outputs of each code cell of every chapter that passed in this run, by stem."""
    return {notebook.stem: [outs for _, outs, _, _ in runs]
            for notebook, runs in _CHAPTER_RUNS.items()
            if all(passed for _, _, passed, _ in runs)}


@pytest.fixture(scope="session")
def chapters_dir() -> Path:
    """The folder of converted chapters (for tests about the conversion)."""
    return CHAPTERS_DIR


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository root, which holds _toc.yml."""
    return ROOT
