"""The ``dlcourse`` command: check an install, list the chapters, run one.

    dlcourse --version              the installed version
    dlcourse doctor                 versions, devices, dependencies, offline data
    dlcourse chapters               the chapters in the book's order
    dlcourse run 03_training        execute a chapter headless, with progress
    dlcourse run all --output out/  every chapter; executed notebooks in out/

``dlcourse --help`` imports nothing heavy; TensorFlow loads only for
``doctor`` and inside the chapters ``run`` executes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

__all__ = ["chapters", "DATASETS", "doctor", "find_root", "main", "run_chapter"]

# The data sets the book uses, by loader name: `doctor` loads each offline.
DATASETS: tuple[str, ...] = (
    "load_penguins", "load_digits", "load_mnist_subset", "load_breast_cancer", "load_diabetes",
    "load_moons", "load_sunspots", "load_faces", "load_reviews", "load_movielens", "load_motions",
)


def find_root(start: str | Path | None = None) -> Path:
    """The book's root, the folder holding ``_toc.yml``.

    ``start`` when given (it must hold ``_toc.yml``); else the current
    folder or one above it, else the checkout the package is installed from.

    Examples
    --------
    >>> find_root().joinpath("_toc.yml").is_file()    # doctest: +SKIP
    True
    """
    import dlcourse
    from dlcourse._checks import check_path

    if start is not None:
        candidates = [check_path("start", start)]
    else:
        here = Path.cwd()
        candidates = [here, *here.resolve().parents, Path(dlcourse.__file__).resolve().parent.parent]
    for folder in candidates:
        if (folder / "_toc.yml").is_file():
            return folder
    raise ValueError(
        f"no _toc.yml in {str(candidates[0])}{'' if start is not None else ' or above'}: "
        "run dlcourse from the book's folder, or pass --root"
    )


def _table(rows: Sequence[tuple[str, str, str]]) -> str:
    width = max(len(name) for _, name, _ in rows)
    return "\n".join(f"[{status}] {name:<{width}}  {detail}" for status, name, detail in rows)


def _checkout() -> Path | None:
    """The source checkout dlcourse runs from (it has the Makefile), or None for a plain install."""
    import dlcourse

    folder = Path(dlcourse.__file__).resolve().parent.parent
    return folder if (folder / "Makefile").is_file() and (folder / "pyproject.toml").is_file() else None


def _fix(checkout: Path | None) -> str:
    """How to repair the install: ``make setup`` in a checkout, else pip."""
    if checkout is not None:
        return "make setup (or pip install -c constraints.txt -e '.[book,test,data]')"
    return "pip install --upgrade 'dlcourse[book,test,data]'"


def _environment_rows(checkout: Path | None) -> list[tuple[str, str, str]]:
    """One row per dependency; outside a checkout, missing book/test extras are optional."""
    from dlcourse.tools.environment import check_environment

    core = {check.name for check in check_environment(extras=())}
    rows = []
    for check in check_environment():
        detail = str(check).split(" ", 2)[2]
        if check.ok:
            rows.append((check.status, check.name, detail))
        elif checkout is None and check.name not in core:
            rows.append(("OPTIONAL", check.name, f"{detail}; only for the book's data sets, its "
                                                 "build and tests: pip install "
                                                 "'dlcourse[data,book,test]'"))
        else:
            rows.append((check.status, check.name, f"{detail}; fix: {_fix(checkout)}"))
    return rows


def _tensorflow_rows(checkout: Path | None) -> list[tuple[str, str, str]]:
    """TensorFlow's and Keras's versions and the devices TensorFlow sees."""
    try:
        from dlcourse._keras import keras, tf

        devices = ", ".join(d.device_type for d in tf.config.list_physical_devices()) or "none"
        return [("OK", "tensorflow", f"{tf.__version__}, Keras {keras.__version__}"),
                ("OK", "devices", f"{devices} (the book needs no GPU)")]
    except Exception as error:  # a doctor reports, it does not crash
        return [("FAIL", "tensorflow", f"{error}; fix: {_fix(checkout)}")]


def _data_rows(checkout: Path | None = None) -> list[tuple[str, str, str]]:
    """Whether each data set of the book loads offline."""
    import dlcourse.data
    from dlcourse.data._requires import MissingExtraError

    rows = []
    for name in DATASETS:
        try:
            data = getattr(dlcourse.data, name)()
            shape = getattr(data, "x_train", None)
            detail = f"loads offline, train {shape.shape}" if shape is not None else "loads offline"
            rows.append(("OK", name, detail))
        except MissingExtraError as error:  # the data extra is optional outside a checkout
            rows.append(("OPTIONAL" if checkout is None else "FAIL", name, str(error)))
        except Exception as error:  # a doctor reports, it does not crash
            rows.append(("FAIL", name, f"{type(error).__name__}: {error}; fix: {_fix(checkout)} "
                                       "(installs the packages that ship the data)"))
    return rows


def doctor() -> int:
    """Print Python, TensorFlow and Keras versions, devices, dependencies and data; 0 if all OK.

    Missing book and test extras fail only in a source checkout; in a plain
    install they are reported as optional.

    Examples
    --------
    >>> doctor()                                    # doctest: +SKIP
    [OK] python ...
    0
    """
    import platform

    import dlcourse

    checkout = _checkout()
    where = f"checkout {checkout}" if checkout is not None else "installed package"
    rows = [("OK", "dlcourse", f"{dlcourse.__version__} on {platform.platform()} ({where})")]
    rows += _environment_rows(checkout) + _tensorflow_rows(checkout) + _data_rows(checkout)
    print(_table(rows))
    return 0 if all(status in ("OK", "DIFF", "OPTIONAL") for status, _, _ in rows) else 1


def chapters(root: Path) -> list[tuple[str, str]]:
    """(stem, title) of every chapter of ``_toc.yml``, in the book's order.

    Examples
    --------
    >>> chapters(find_root())[0]                    # doctest: +SKIP
    ('01_neural_networks', 'Neural networks')
    """
    from dlcourse._checks import check_path
    from dlcourse.tools.book import page_title, toc_notebooks

    root = check_path("root", root)
    return [(page.stem, page_title(root / page)) for page in toc_notebooks(root)]


def _progress(done: int, total: int, label: str) -> None:
    filled = int(30 * done / max(total, 1))
    print(f"\r{label} [{'#' * filled}{'.' * (30 - filled)}] {done}/{total} cells",
          end="", file=sys.stderr, flush=True)


def run_chapter(root: Path, stem: str, output: Path,
                progress: Callable[[int, int, str], None] = _progress) -> tuple[bool, float, str]:
    """Execute one chapter cell by cell; write it executed to ``output``.

    The chapter runs as :func:`dlcourse.tools.chapters.execute_chapter` runs it.

    Returns (passed, seconds, message): the message names the failing cell's
    line in ``book/`` and its error.

    Examples
    --------
    >>> run_chapter(find_root(), "01_neural_networks", Path("out"))  # doctest: +SKIP
    (True, 34.2, 'ok')
    """
    import nbformat

    from dlcourse._checks import check_path
    from dlcourse.tools.book import toc_notebooks
    from dlcourse.tools.chapters import execute_chapter

    root, output = check_path("root", root), check_path("output", output)
    pages = {p.stem: p for p in toc_notebooks(root)}
    if stem not in pages:
        raise ValueError(f"stem must be one of the chapters {sorted(pages)}, got {stem!r}")
    run = execute_chapter(root / pages[stem], root=root, progress=progress)
    print(file=sys.stderr)
    output.mkdir(parents=True, exist_ok=True)
    nbformat.write(run.notebook, output / f"{stem}.ipynb")
    return run.passed, run.seconds, run.message


def _parser() -> argparse.ArgumentParser:
    """The command line: --version, --root, and the doctor, chapters and run commands."""
    import dlcourse

    parser = argparse.ArgumentParser(
        prog="dlcourse", description="The companion command of the Deep Learning, Hands-On book.")
    parser.add_argument("--version", action="version", version=f"dlcourse {dlcourse.__version__}")
    parser.add_argument("--root", help="the book's folder (holding _toc.yml); default: found")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("doctor", help="check Python, TensorFlow, devices, dependencies and data",
                        description="Check the install: versions, devices, every dependency "
                                    "against the lock, and that every data set loads offline.")
    commands.add_parser("chapters", help="list the chapters in the book's order",
                        description="List the chapters of _toc.yml with their titles.")
    run = commands.add_parser("run", help="execute a chapter (or all) headless",
                              description="Execute a chapter with a progress bar over its cells; "
                                          "write the executed notebook.")
    run.add_argument("chapter", help="a chapter's file stem (see `dlcourse chapters`), or 'all'")
    run.add_argument("--output", default="_build/run",
                     help="folder for the executed notebooks (default: _build/run)")
    return parser


def _print_chapters(listed: list[tuple[str, str]]) -> int:
    """``dlcourse chapters``: one line per chapter, stem and title."""
    width = max((len(stem) for stem, _ in listed), default=0)
    for stem, title in listed:
        print(f"{stem:<{width}}  {title}")
    return 0


def _run_chapters(root: Path, listed: list[tuple[str, str]], chapter: str, output: Path) -> int:
    """``dlcourse run``: execute one chapter or all; 1 if any fails, 2 for an unknown name."""
    names = [stem for stem, _ in listed]
    if chapter != "all" and chapter not in names:
        print(f"dlcourse run: unknown chapter {chapter!r}; the chapters are: "
              f"{', '.join(names)} (or 'all')", file=sys.stderr)
        return 2
    failed = 0
    for stem in names if chapter == "all" else [chapter]:
        passed, seconds, message = run_chapter(root, stem, output)
        print(f"{stem}: {'passed' if passed else 'FAILED'} in {seconds:.1f} s"
              + ("" if passed else f"\n  {message}"))
        failed += not passed
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    """The ``dlcourse`` console script; returns its exit code.

    Examples
    --------
    >>> main(["chapters"])                          # doctest: +SKIP
    01_neural_networks  Neural networks
    0
    """
    if argv is not None and (isinstance(argv, str) or not isinstance(argv, Sequence)):
        raise TypeError(f"argv must be a list of strings such as ['chapters'], got {argv!r}")
    args = _parser().parse_args(None if argv is None else list(argv))
    if args.command == "doctor":
        return doctor()
    try:
        root = find_root(args.root)
    except ValueError as error:
        print(f"dlcourse: {error}", file=sys.stderr)
        return 2
    listed = chapters(root)
    if args.command == "chapters":
        return _print_chapters(listed)
    return _run_chapters(root, listed, args.chapter, Path(args.output))


if __name__ == "__main__":
    sys.exit(main())
