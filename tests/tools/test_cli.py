"""The dlcourse command: doctor, chapters, run; clear answers to wrong input."""

import subprocess
import sys

import pytest

from dlcourse.tools.cli import main

TOC = """format: jb-book
root: book/intro
chapters:
  - file: book/good
  - file: book/bad
"""
HEADER = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---
"""


@pytest.fixture
def tiny_book(tmp_path):
    (tmp_path / "_toc.yml").write_text(TOC)
    book = tmp_path / "book"
    book.mkdir()
    (book / "intro.md").write_text("# Intro\n")
    (book / "good.md").write_text(HEADER + "# Good one\n\n```{code-cell} ipython3\nx = 1 + 1\n```\n")
    (book / "bad.md").write_text(HEADER + "# Bad one\n\n```{code-cell} ipython3\nx = 1\n```\n\n"
                                 "```{code-cell} ipython3\nassert x == 2, 'x is not 2'\n```\n")
    return tmp_path


def test_help_does_not_load_tensorflow():
    code = ("import sys\nfrom dlcourse.tools.cli import main\ntry:\n    main(['--help'])\n"
            "except SystemExit:\n    pass\nprint('tensorflow' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "usage: dlcourse" in out.stdout and out.stdout.strip().endswith("False")


def test_chapters_lists_stems_and_titles(tiny_book, capsys):
    assert main(["--root", str(tiny_book), "chapters"]) == 0
    assert capsys.readouterr().out.splitlines() == ["good  Good one", "bad   Bad one"]


def test_run_writes_the_executed_chapter(tiny_book, capsys):
    out = tiny_book / "out"
    assert main(["--root", str(tiny_book), "run", "good", "--output", str(out)]) == 0
    assert (out / "good.ipynb").is_file()
    assert "good: passed" in capsys.readouterr().out


def test_run_names_the_failing_cell_and_its_error(tiny_book, capsys):
    assert main(["--root", str(tiny_book), "run", "all", "--output", str(tiny_book / "o")]) == 1
    out = capsys.readouterr().out
    assert "good: passed" in out and "bad: FAILED" in out
    assert "cell 2 of 2 (book/bad.md:" in out and "AssertionError: x is not 2" in out


def test_unknown_chapter_lists_the_valid_ones(tiny_book, capsys):
    assert main(["--root", str(tiny_book), "run", "03_nope"]) == 2
    assert "unknown chapter '03_nope'; the chapters are: good, bad" in capsys.readouterr().err


def test_wrong_usage_is_refused(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["fly"])
    with pytest.raises(TypeError, match="argv"):
        main("chapters")
    assert main(["--root", str(tmp_path), "chapters"]) == 2
    err = capsys.readouterr().err
    assert f"no _toc.yml in {tmp_path}: run dlcourse from the book's folder, or pass --root" in err
    assert "start" not in err


def test_outside_the_book_the_error_says_what_to_do(tmp_path, monkeypatch, capsys):
    import dlcourse

    # Neither the current folder, its parents nor the package's checkout hold _toc.yml.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(dlcourse, "__file__", str(tmp_path / "site" / "dlcourse" / "__init__.py"))
    assert main(["chapters"]) == 2
    err = capsys.readouterr().err
    assert f"no _toc.yml in {tmp_path} or above: run dlcourse from the book's folder" in err
    assert "start" not in err


@pytest.mark.parametrize("command", [["-m", "dlcourse"], ["-m", "dlcourse.tools.cli"]])
def test_version_is_printed(command):
    import dlcourse

    out = subprocess.run([sys.executable, *command, "--version"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"dlcourse {dlcourse.__version__}"


def _missing_extra(monkeypatch):
    """jupyter-book (a book extra) reads as not installed; TensorFlow and data are skipped."""
    from dlcourse.tools import cli, environment

    real = environment.check_requirement

    def check(requirement, lock=None):
        if requirement.startswith("jupyter-book"):
            return environment.Check("jupyter-book", "not installed", ">=1", False)
        return real(requirement, lock)

    monkeypatch.setattr(environment, "check_requirement", check)
    monkeypatch.setattr(cli, "_tensorflow_rows", lambda checkout: [])
    monkeypatch.setattr(cli, "_data_rows", lambda checkout: [])
    return cli


def test_doctor_outside_a_checkout_treats_extras_as_optional(monkeypatch, capsys):
    cli = _missing_extra(monkeypatch)
    monkeypatch.setattr(cli, "_checkout", lambda: None)
    assert cli.doctor() == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if "jupyter-book" in line)
    assert line.startswith("[OPTIONAL]") and "pip install 'dlcourse[data,book,test]'" in line
    assert "make setup" not in out and "[FAIL]" not in out


def test_doctor_in_a_checkout_fails_on_a_missing_extra(monkeypatch, capsys, tmp_path):
    cli = _missing_extra(monkeypatch)
    monkeypatch.setattr(cli, "_checkout", lambda: tmp_path)
    assert cli.doctor() == 1
    line = next(line for line in capsys.readouterr().out.splitlines() if "jupyter-book" in line)
    assert line.startswith("[FAIL]") and "make setup" in line


def test_doctor_reports_every_dependency_and_data_set(capsys):
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    for name in ("tensorflow", "devices", "load_penguins", "load_mnist_subset"):
        assert name in out
    assert "[FAIL]" not in out
