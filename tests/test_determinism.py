"""A chapter run twice glues the same numbers into its text (seeded, repeatable)."""

from pathlib import Path

import pytest

from dlcourse.tools.chapters import execute_chapter, glued

ROOT = Path(__file__).resolve().parent.parent
CHAPTER = "01_neural_networks"


def execute(stem: str) -> list[list]:
    """Execute a chapter as ``dlcourse run`` does; the outputs of each code cell."""
    run = execute_chapter(ROOT / "book" / f"{stem}.md", root=ROOT)
    assert run.passed, run.message
    return [cell.outputs for cell in run.notebook.cells if cell.cell_type == "code"]


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
