"""The book's structure: the table of contents, and what every chapter holds."""

import re

import jupytext
import pytest
from conftest import ROOT

from dlcourse.tools.book import (
    install_cell,
    is_notebook,
    main,
    missing_html,
    toc_notebooks,
    toc_pages,
)

CHAPTERS = toc_notebooks(ROOT)


def test_toc_lists_intro_first_and_the_chapters():
    pages = toc_pages(ROOT)
    assert pages[0].as_posix() == "book/intro.md"
    assert "book/01_neural_networks.md" in [p.as_posix() for p in CHAPTERS]
    assert all(p.parts[0] == "book" for p in pages)


def test_every_book_page_is_in_the_toc():
    listed = {p.as_posix() for p in toc_pages(ROOT)}
    on_disk = {p.relative_to(ROOT).as_posix() for p in (ROOT / "book").rglob("*.md")
               if not any(part.startswith(("_", ".")) for part in p.relative_to(ROOT).parts)}
    assert on_disk == listed


def test_plain_pages_are_not_notebooks():
    assert not is_notebook(ROOT / "book" / "intro.md")
    assert is_notebook(ROOT / "book" / "01_neural_networks.md")


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_has_the_house_shape(chapter):
    text = (ROOT / chapter).read_text(encoding="utf-8")
    assert "In this chapter you will" in text, "learning goals"
    assert re.search(r"^## Summary", text, re.M), "a Summary section"
    assert re.search(r"^## Exercises", text, re.M), "an Exercises section"
    assert "remove-cell" in text, "a hidden cell asserting what the chapter promises"
    assert "dlcourse.__version__" in text
    if "fit(" in text:  # a chapter that trains seeds first, so its numbers repeat
        assert "set_seed(" in text
    assert "sys.path" not in text, "import dlcourse as installed, never via sys.path"
    assert "input_shape=" not in text, "Keras 3: use keras.Input(shape=...)"
    # every figure cell carries a caption and alt text
    for cell in re.findall(r"```\{code-cell\}[^\n]*\n---\n(.*?)\n---\n", text, re.S):
        if "figure:" in cell:
            assert "caption:" in cell and "alt:" in cell


def code_lines(text):
    """The source lines of a MyST notebook's code cells, without cell metadata."""
    for cell in re.findall(r"```\{code-cell\}[^\n]*\n(.*?)\n```", text, re.S):
        cell = re.sub(r"\A---\n.*?\n---\n", "", cell, flags=re.S)  # YAML options
        yield from (line for line in cell.splitlines() if not line.startswith(":tags:"))


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_code_fits_the_page_without_scrolling(chapter):
    long = [line for line in code_lines((ROOT / chapter).read_text(encoding="utf-8"))
            if len(line) > 75]
    assert long == []


def test_toc_errors_are_clear(tmp_path):
    with pytest.raises(ValueError, match="root must be a folder holding _toc.yml"):
        toc_pages(tmp_path)
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: book/missing\n")
    with pytest.raises(ValueError, match="_toc.yml lists 'book/missing'"):
        toc_pages(tmp_path)


def test_missing_html_reports_unbuilt_pages(tmp_path, capsys):
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "intro.md").write_text("# Intro\n")
    (tmp_path / "book" / "one.md").write_text("# One\n")
    (tmp_path / "_toc.yml").write_text(
        "format: jb-book\nroot: book/intro\nchapters:\n  - file: book/one\n"
    )
    html = tmp_path / "_build" / "html" / "book"
    html.mkdir(parents=True)
    (html / "intro.html").write_text("<html></html>")
    assert [p.as_posix() for p in missing_html(tmp_path)] == ["book/one.md"]
    assert main(["check-html", str(tmp_path)]) == 1
    (html / "one.html").write_text("<html></html>")
    assert main(["check-html", str(tmp_path)]) == 0
    assert "all 2 pages" in capsys.readouterr().out


def test_external_resources_finds_what_a_page_would_fetch(tmp_path):
    from dlcourse.tools.book import external_resources

    (tmp_path / "a.html").write_text(
        '<script src="https://cdn.example/mathjax.js"></script>'
        '<script src="_static/local.js"></script>'
        '<link rel="stylesheet" href="//fonts.example/css">'
        '<a href="https://doi.org/10.1/x">a citation link is fine</a>'
        '<img src="_images/fig.png" alt="a local figure">')
    assert external_resources(tmp_path) == [
        "a.html: https://cdn.example/mathjax.js", "a.html: //fonts.example/css"]


def test_broken_links_finds_missing_pages_and_anchors(tmp_path, capsys):
    from dlcourse.tools.book import broken_links

    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "one.html").write_text(
        '<h1 id="top">One</h1><a name="old-style"></a>'
        '<a href="#top">here</a> <a href="#old-style">old</a> <a href="#">nothing</a>'
        '<a href="two.html#results">two</a> <a href="two.html#gone">gone</a>'
        '<a href="missing.html">missing</a> <a href="../_sources/one.ipynb">download</a>'
        '<a href="../index.html">home</a> <a href="../../outside.html">outside</a>'
        '<a href="https://example.org/#x">away</a> <a href="mailto:a@b.c">mail</a>'
        '<a href="#no%20such">encoded</a> <a href="..">root folder</a>')
    (tmp_path / "book" / "two.html").write_text('<section id="results"></section>')
    (tmp_path / "_sources").mkdir()
    (tmp_path / "_sources" / "one.ipynb").write_text("{}")
    (tmp_path / "index.html").write_text('<a href="book/one.html#top">start</a>')
    assert broken_links(tmp_path) == [
        "book/one.html: two.html#gone (no #gone on book/two.html)",
        "book/one.html: missing.html (no such file)",
        "book/one.html: ../../outside.html (no such file)",
        "book/one.html: #no%20such (no #no such on book/one.html)",
    ]


def test_check_html_fails_on_a_broken_link(tmp_path, capsys):
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "one.md").write_text("# One\n")
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: book/one\n")
    html = tmp_path / "_build" / "html" / "book"
    html.mkdir(parents=True)
    (html / "one.html").write_text('<a href="#summary">Summary</a>')
    assert main(["check-html", str(tmp_path)]) == 1
    assert "book/one.html: #summary (no #summary on book/one.html)" in capsys.readouterr().err
    (html / "one.html").write_text('<a href="#summary">Summary</a><h2 id="summary">')
    assert main(["check-html", str(tmp_path)]) == 0


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_first_installs_the_package_where_it_is_missing(chapter):
    """Opened in Colab, a chapter installs this release of dlcourse first."""
    notebook = jupytext.read(ROOT / chapter)
    first = next(cell for cell in notebook.cells if cell.cell_type == "code")
    assert first.source == install_cell(ROOT), (
        f"the first code cell of {chapter} must be, tagged remove-cell:\n{install_cell(ROOT)}")
    assert "remove-cell" in first.metadata.get("tags", [])


def test_install_cell_pins_this_release_of_the_configured_repository(tmp_path):
    import dlcourse

    assert f"dlcourse/dlcourse@v{dlcourse.__version__}\"" in install_cell(ROOT)
    (tmp_path / "_config.yml").write_text("repository:\n  url: https://example.org/me/fork/\n")
    assert f"git+https://example.org/me/fork@v{dlcourse.__version__}" in install_cell(tmp_path)
    (tmp_path / "_config.yml").write_text("title: no repository\n")
    with pytest.raises(ValueError, match="repository.url"):
        install_cell(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ValueError, match="holding _config.yml"):
        install_cell(empty)


def test_html_checks_refuse_a_folder_that_is_not_there(tmp_path):
    """A missing build is an error, never an empty (all clear) report."""
    from dlcourse.tools.book import broken_links, external_resources

    for check in (broken_links, external_resources):
        with pytest.raises(ValueError, match="no such folder"):
            check(tmp_path / "_build" / "html")
        (tmp_path / "page.html").write_text("<html></html>")
        with pytest.raises(ValueError, match="a file"):
            check(tmp_path / "page.html")
