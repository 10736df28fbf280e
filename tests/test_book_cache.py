"""The test run's chapter outputs are found by the book build's cache."""

from book_cache import store_outputs
from nbformat.v4 import new_output

PAGE = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---
# A page

```{code-cell} ipython3
print("hi")
```

```{code-cell} ipython3
1 + 1
```
"""


def _read(page):
    from myst_nb.core.read import read_myst_markdown_notebook
    from myst_parser.config.main import MdParserConfig

    return read_myst_markdown_notebook(page.read_text(), MdParserConfig(), add_source_map=True)


def test_stored_outputs_are_matched_as_the_build_reads_the_page(tmp_path):
    from jupyter_cache import get_cache

    page = tmp_path / "page.md"
    page.write_text(PAGE)
    cells = [('print("hi")', [new_output("stream", name="stdout", text="hi\n")]),
             ("1 + 1", [new_output("execute_result", {"text/plain": "2"}, execution_count=2)])]
    assert store_outputs(page, cells, 1.0, tmp_path / "cache")

    cache = get_cache(str(tmp_path / "cache"))
    _, merged = cache.merge_match_into_notebook(_read(page))
    code = [c for c in merged.cells if c.cell_type == "code"]
    assert code[0].outputs[0].text == "hi\n"
    assert code[1].outputs[0].data["text/plain"] == "2"


def test_cells_that_do_not_match_the_page_are_not_stored(tmp_path):
    from jupyter_cache import get_cache

    page = tmp_path / "page.md"
    page.write_text(PAGE)
    assert not store_outputs(page, [('print("hi")', [])], 1.0, tmp_path / "cache")
    assert not store_outputs(page, [("print('changed')", []), ("1 + 1", [])], 1.0, tmp_path / "cache")
    assert get_cache(str(tmp_path / "cache")).list_cache_records() == []
