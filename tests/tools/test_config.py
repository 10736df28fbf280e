"""The book's configuration: what the build reads, and what it leaves alone."""

import yaml
from conftest import ROOT, chapter_location
from sphinx.util.matching import Matcher

from dlcourse.tools.book import last_error_line

CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))


def excluded(path: str) -> bool:
    return Matcher(CONFIG["exclude_patterns"])(path)


def test_a_learners_ipynb_copy_of_a_chapter_is_not_built():
    # `jupytext --to ipynb book/01_x.md` beside the .md used to make the
    # strict build fail with "multiple files found for the document".
    assert excluded("book/01_neural_networks.ipynb")
    assert excluded("book/.ipynb_checkpoints/01_neural_networks-checkpoint.ipynb")
    assert not excluded("book/01_neural_networks.md")


def test_build_outputs_and_tooling_are_not_pages():
    # Sphinx skips a folder whose path matches, and everything in it.
    for path in ("_build", ".venv", ".venv-python3.10", "tests", "dlcourse", "bench", "README.md"):
        assert excluded(path), path


def test_a_failing_chapter_cell_is_located_in_its_markdown_source():
    source = 'print(f"dlcourse {dlcourse.__version__}, Keras {keras.__version__}")'
    where = chapter_location(ROOT / "tests/_chapters/01_neural_networks.ipynb", source)
    lines = (ROOT / "book/01_neural_networks.md").read_text(encoding="utf-8").splitlines()
    path, line = where.rsplit(":", 1)
    assert path == "book/01_neural_networks.md" and lines[int(line) - 1] == source


def test_the_assert_message_is_the_last_line_of_the_kernel_traceback():
    traceback = "\x1b[31mAssertionError\x1b[39m  Traceback\n  line 1\n\x1b[31mAssertionError\x1b[39m: CNN 96.1% < 97.5%\n\n"
    assert last_error_line(traceback) == "AssertionError: CNN 96.1% < 97.5%"
