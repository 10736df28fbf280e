"""The notebook the build publishes for Colab reads as plain Markdown (book/_ext/book_launch.py)."""

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "book" / "_ext"))
from book_launch import myst_to_markdown  # noqa: E402

#: MyST that Colab would show as raw syntax.
MYST_LEFT = re.compile(r"\{[\w:-]+\}`|^\([\w.:-]+\)=\s*$|^[:`]{3,}\{[\w:-]+\}|^:class:",
                       re.MULTILINE)


def test_roles_become_their_text():
    text = ("A {term}`neuron <Neuron>` and the {term}`loss function`; see {numref}`fig-x`,"
            " {doc}`chapter 2 <02_activations>`, {ref}`sec-y`, {cite}`a2020,b2021`,"
            " {math}`x^2`, {glue:text}`acc:.1%`.")
    assert myst_to_markdown(text, {"acc": "97.1%"}) == (
        "A neuron and the loss function; see the figure, chapter 2, sec y, [a2020; b2021],"
        " $x^2$, 97.1%.")


def test_directives_become_markdown():
    text = "\n".join([
        "(ch-x)=", "# Title", "", ":::{admonition} In this chapter you will", ":class: tip",
        "", "- learn {term}`this <Term>`", ":::", "", ":::{dropdown} Discussion",
        "The answer.", ":::", "", "```{bibliography}", "```", "", "```{math}", "a = b", "```"])
    out = myst_to_markdown(text)
    assert out == "\n".join([
        "# Title", "", "> **In this chapter you will**", ">", "> - learn this", "",
        "<details><summary>Discussion</summary>", "", "The answer.", "", "</details>", "",
        "$$", "a = b", "$$"])
    assert not MYST_LEFT.search(out)


@pytest.mark.parametrize("chapter", sorted((ROOT / "book").glob("0*.md")), ids=lambda p: p.stem)
def test_every_chapter_converts_without_myst_left(chapter):
    import jupytext

    notebook = jupytext.read(chapter)
    left = [match.group(0) for cell in notebook.cells if cell.cell_type == "markdown"
            for match in MYST_LEFT.finditer(myst_to_markdown(cell.source))]
    assert not left, f"{chapter.name}: MyST left for Colab: {left[:5]}"
