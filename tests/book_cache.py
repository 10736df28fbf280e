"""Hand the chapters' outputs from the test run to the book build.

nbval executes every chapter in ``make test``; the strict book build would
execute each one again. So when a chapter passes in full, its outputs are
stored in the book's jupyter-cache (``_build/.jupyter_cache``) under the
hash myst-nb computes for the page, and a following ``make book`` reuses
them. A page changed since, or a chapter that failed, is executed by the
build as usual.
"""

from __future__ import annotations

from pathlib import Path


def store_outputs(page: Path, cells: list[tuple[str, list]], seconds: float, cache_dir: Path) -> bool:
    """Cache ``page`` executed: ``cells`` holds (source, outputs) per code cell, in order.

    Returns False (caching nothing) unless the cells match the page's code
    cells as myst-nb reads them, one for one.
    """
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn
    from myst_nb.core.read import read_myst_markdown_notebook
    from myst_parser.config.main import MdParserConfig

    notebook = read_myst_markdown_notebook(
        page.read_text(encoding="utf-8"), MdParserConfig(), add_source_map=True, path=str(page)
    )
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    if len(code) != len(cells):
        return False
    for count, (cell, (source, outputs)) in enumerate(zip(code, cells), start=1):
        if cell.source.strip() != source.strip():
            return False
        cell.outputs = outputs
        cell.execution_count = count
    get_cache(str(cache_dir)).cache_notebook_bundle(
        CacheBundleIn(notebook, str(page.resolve()), data={"execution_seconds": seconds}),
        check_validity=False,
        overwrite=True,
    )
    return True
