"""Every chapter's visible code runs alone, in order: a reader who copies it gets no NameError.

A chapter's cells whose code a reader never sees are stripped
(``remove-cell``: the asserts behind its numbers, glue; ``remove-input``:
a figure's drawing code), and the cells a reader can see or unfold (plain,
``hide-input``, ``hide-cell``, ``hide-output``, ``remove-output``) run in order in a fresh kernel, from ``book/`` as in the
build. A visible cell that needs a name defined only in a hidden cell fails
the test with the chapter's file and line.

It executes every chapter a second time, so it is not part of ``make test``
(marker ``visible_code``): ``make visible-code`` runs it for every chapter,
``make visible-code CHAPTERS=02_activations`` for one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dlcourse.tools.book import toc_notebooks

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = toc_notebooks(ROOT)
#: Tags of the cells whose code a reader of the published page never sees.
HIDDEN_TAGS = {"remove-cell", "remove_cell", "remove-input", "remove_input"}


def visible_notebook(source: Path):
    """The chapter as a notebook of its visible cells only, each with its line in ``source``."""
    import jupytext

    notebook = jupytext.read(source)
    text = source.read_text(encoding="utf-8").splitlines()
    cells, search_from = [], 0
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        # The cell's line in the .md: the first line of its source, after the last match.
        first = next((line for line in cell.source.splitlines() if line.strip()), "")
        line = next((k + 1 for k in range(search_from, len(text)) if text[k] == first), 0)
        search_from = max(search_from, line)
        if HIDDEN_TAGS & set(cell.metadata.get("tags", [])):
            continue
        cell.metadata["book_line"] = line
        cells.append(cell)
    notebook.cells = cells
    return notebook


@pytest.mark.slow
@pytest.mark.visible_code
@pytest.mark.parametrize("source", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_visible_code_runs_without_hidden_cells(source: Path, request) -> None:
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    wanted = request.config.getoption("chapters").split()
    if wanted == ["none"] or (wanted and source.stem not in wanted):
        pytest.skip(f"{source.stem} not chosen with --chapters")
    notebook = visible_notebook(source)
    client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(source.parent)}})
    try:
        client.execute()
    except CellExecutionError as error:
        failed = next((c for c in notebook.cells if any(
            o.get("output_type") == "error" for o in c.get("outputs", []))), None)
        where = (f"{source.relative_to(ROOT)}:{failed.metadata['book_line']}"
                 if failed is not None else str(source.relative_to(ROOT)))
        name = getattr(error, "ename", "")
        value = getattr(error, "evalue", "")
        pytest.fail(f"{where}: the visible code alone fails ({name}: {value}); a name it uses is"
                    " defined only in a hidden (remove-cell, remove-input) cell: show that code, or"
                    " define the name in a visible cell", pytrace=False)
