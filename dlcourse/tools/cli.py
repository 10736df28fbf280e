"""The ``dlcourse`` command: check an install, list the chapters, run one.

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
        f"start {str(candidates[0])!r} is not the book's folder (no _toc.yml there"
        f"{'' if start is not None else ' or above'}): run dlcourse from the book's folder, "
        "or pass --root"
    )


def _table(rows: Sequence[tuple[str, str, str]]) -> str:
    width = max(len(name) for _, name, _ in rows)
    return "\n".join(f"[{status}] {name:<{width}}  {detail}" for status, name, detail in rows)


def _data_rows() -> list[tuple[str, str, str]]:
    import dlcourse.data

    rows = []
    for name in DATASETS:
        try:
            data = getattr(dlcourse.data, name)()
            shape = getattr(data, "x_train", None)
            detail = f"loads offline, train {shape.shape}" if shape is not None else "loads offline"
            rows.append(("OK", name, detail))
        except Exception as error:  # a doctor reports, it does not crash
            rows.append(("FAIL", name, f"{type(error).__name__}: {error}; fix: make setup "
                                       "(installs the packages that ship the data)"))
    return rows


def doctor() -> int:
    """Print Python, TensorFlow and Keras versions, devices, dependencies and data; 0 if all OK.

    Examples
    --------
    >>> doctor()                                    # doctest: +SKIP
    [OK] python ...
    0
    """
    import platform

    import dlcourse
    from dlcourse.tools.environment import check_environment

    rows = [("OK", "dlcourse", f"{dlcourse.__version__} on {platform.platform()}")]
    for check in check_environment():
        fix = "" if check.ok else "; fix: make setup (or pip install -c constraints.txt -e '.[book,test]')"
        rows.append((check.status, check.name, str(check).split(" ", 2)[2] + fix))
    try:
        from dlcourse._keras import keras, tf

        devices = ", ".join(d.device_type for d in tf.config.list_physical_devices()) or "none"
        rows.append(("OK", "tensorflow", f"{tf.__version__}, Keras {keras.__version__}"))
        rows.append(("OK", "devices", f"{devices} (the book needs no GPU)"))
    except Exception as error:
        rows.append(("FAIL", "tensorflow", f"{error}; fix: make setup"))
    rows += _data_rows()
    print(_table(rows))
    return 0 if all(status in ("OK", "DIFF") for status, _, _ in rows) else 1


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
    """The command line: --root, and the doctor, chapters and run commands."""
    parser = argparse.ArgumentParser(
        prog="dlcourse", description="The companion command of the Deep Learning, Hands-On book.")
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
