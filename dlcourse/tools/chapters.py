"""Execute a chapter headless, the one way ``dlcourse run``, ``make bench`` and the tests do.

:func:`execute_chapter` runs a chapter's notebook cell by cell in a fresh
kernel (over a local socket file, no network port), optionally reporting
progress, and returns a :class:`ChapterRun`: whether it passed, how long it
took, a message naming the failing cell's line and error, and the executed
notebook. :func:`glued` reads the values a chapter glues into its text.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

__all__ = ["ChapterRun", "execute_chapter", "glued"]

#: Called as ``progress(cells_done, cells_in_all, label)`` before each code cell and at the end.
_Progress = Callable[[int, int, str], None]


class ChapterRun(NamedTuple):
    """What :func:`execute_chapter` returns."""

    passed: bool
    seconds: float
    message: str
    notebook: Any  # nbformat.NotebookNode, executed (up to the failing cell)


def execute_chapter(page: str | Path, root: str | Path | None = None,
                    progress: _Progress | None = None, timeout: int = 600) -> ChapterRun:
    """Execute the chapter ``page`` (a MyST or notebook file) cell by cell.

    Cells run in the page's folder, as in the book build. The message is
    ``"ok"``, or names the failing cell, its line (``book/x.md:12``, relative
    to ``root`` when given) and the error's last line. Cells tagged
    ``raises-exception`` may fail.

    Examples
    --------
    >>> run = execute_chapter("book/01_neural_networks.md", root=".")   # doctest: +SKIP
    >>> run.passed, run.message                     # doctest: +SKIP
    (True, 'ok')
    """
    import jupytext
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    from dlcourse._checks import check_path
    from dlcourse.tools.book import last_error_line, source_line

    page = check_path("page", page).resolve()
    shown = page.relative_to(Path(root).resolve()).as_posix() if root is not None else page.name
    report = progress or (lambda done, total, label: None)
    notebook = jupytext.read(page)
    code = [(i, c) for i, c in enumerate(notebook.cells) if c.cell_type == "code"]
    message, done = "ok", 0
    with tempfile.TemporaryDirectory() as sockets:
        # IPC (a local socket file) rather than TCP: no network port, and no
        # "Kernel is running over TCP without encryption" warning.
        kernel = KernelManager(kernel_name="python3", transport="ipc", ip=str(Path(sockets) / "k"))
        client = NotebookClient(notebook, km=kernel, timeout=timeout,
                                resources={"metadata": {"path": str(page.parent)}})
        start = time.perf_counter()
        with client.setup_kernel():
            for done, (index, cell) in enumerate(code):
                report(done, len(code), page.stem)
                try:
                    client.execute_cell(cell, index)
                except CellExecutionError as error:
                    line = source_line(page, cell.source)
                    where = f"{shown}:{line}" if line else shown
                    message = (f"cell {done + 1} of {len(code)} ({where}) failed: "
                               f"{last_error_line(str(error))}")
                    break
            else:
                done = len(code)
            report(done, len(code), page.stem)
        seconds = time.perf_counter() - start
    return ChapterRun(message == "ok", seconds, message, notebook)


def glued(cells: Iterable) -> dict[str, str]:
    """The values a chapter glues, by name, as its text shows them.

    ``cells`` is an executed notebook's cells, or each code cell's list of
    outputs.

    Examples
    --------
    >>> out = {"output_type": "display_data", "metadata": {"scrapbook": {"name": "acc"}},
    ...        "data": {"application/papermill.record/text/plain": "0.98"}}
    >>> glued([[out]])
    {'acc': '0.98'}
    """
    if isinstance(cells, (str, bytes, dict)) or not hasattr(cells, "__iter__"):
        raise TypeError(f"cells must be a notebook's cells or lists of outputs, got {cells!r}")
    values = {}
    for cell in cells:
        if not isinstance(cell, (dict, list)):
            raise TypeError(f"cells must hold notebook cells or lists of outputs, got {cell!r}")
        outputs = cell.get("outputs", []) if isinstance(cell, dict) else cell
        for out in outputs:
            name = out.get("metadata", {}).get("scrapbook", {}).get("name")
            if name:
                text = [v for k, v in out["data"].items() if k.endswith("text/plain")]
                values[name] = text[0] if text else repr(sorted(out["data"]))
    return values
