"""A chapter run twice glues the same numbers into its text (seeded, repeatable)."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHAPTER = "01_neural_networks"


def glued(cell_outputs: list[list]) -> dict[str, str]:
    """The values a chapter glues, by name, as the text shows them."""
    values = {}
    for outputs in cell_outputs:
        for out in outputs:
            name = out.get("metadata", {}).get("scrapbook", {}).get("name")
            if name:
                text = [v for k, v in out["data"].items() if k.endswith("text/plain")]
                values[name] = text[0] if text else repr(sorted(out["data"]))
    return values


def execute(stem: str) -> list[list]:
    """Execute a chapter as the book does; the outputs of each code cell."""
    import jupytext
    import nbclient

    page = ROOT / "book" / f"{stem}.md"
    notebook = jupytext.read(page)
    nbclient.NotebookClient(notebook, timeout=600,
                            resources={"metadata": {"path": str(page.parent)}}).execute()
    return [cell.outputs for cell in notebook.cells if cell.cell_type == "code"]


def test_glued_is_read_from_display_outputs():
    out = {"output_type": "display_data", "metadata": {"scrapbook": {"name": "acc"}},
           "data": {"application/papermill.record/text/plain": "0.98"}}
    assert glued([[out], [{"output_type": "stream", "text": "x"}]]) == {"acc": "0.98"}


@pytest.mark.slow
@pytest.mark.after_chapters
def test_chapter_1_glues_the_same_numbers_twice(chapter_runs):
    # The nbval run of this session is the first run when it happened.
    first = glued(chapter_runs.get(CHAPTER) or execute(CHAPTER))
    second = glued(execute(CHAPTER))
    assert len(first) >= 5, f"too few glued values found: {sorted(first)}"
    changed = {k: (first[k], second.get(k)) for k in first if first[k] != second.get(k)}
    assert not changed, f"glued values differ between two runs: {changed}"
