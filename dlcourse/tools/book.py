"""The book's table of contents, for the tools that build and test it.

``_toc.yml`` is the one list of pages: the tests, the build check and the
benchmark all read it from here, so a new chapter is picked up everywhere
by adding it to the table of contents.

Run ``python -m dlcourse.book check-html [ROOT]`` after a build to check
that every entry of ``_toc.yml`` has its HTML page, that no page fetches
anything from outside the book, and that no link or anchor inside the book
is broken.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

from dlcourse._checks import check_dir, check_path

__all__ = [
    "broken_links",
    "external_resources",
    "install_cell",
    "is_notebook",
    "last_error_line",
    "main",
    "missing_html",
    "page_title",
    "source_line",
    "toc_notebooks",
    "toc_pages",
]


def _entries(node: Any) -> Iterator[str]:
    """Yield every ``file``/``root`` entry of a (nested) _toc.yml node."""
    if isinstance(node, dict):
        for key in ("root", "file"):
            if isinstance(node.get(key), str):
                yield node[key]
        for key in ("parts", "chapters", "sections"):
            for child in node.get(key) or []:
                yield from _entries(child)


def toc_pages(root: str | Path = ".") -> list[Path]:
    """Return the source file of every page in ``root/_toc.yml``, in order.

    Parameters
    ----------
    root : str or Path, default "."
        The book's root folder (the one holding ``_toc.yml``).

    Returns
    -------
    list of Path
        Existing files (``.md`` or ``.ipynb``), relative to ``root``.

    Examples
    --------
    >>> from dlcourse.tools.book import toc_pages
    >>> toc_pages(".")[0]                       # doctest: +SKIP
    PosixPath('book/intro.md')
    """
    root = check_path("root", root)
    toc_file = root / "_toc.yml"
    if not toc_file.is_file():
        raise ValueError(f"root must be a folder holding _toc.yml, got {str(root)!r}")
    pages = []
    for entry in _entries(yaml.safe_load(toc_file.read_text(encoding="utf-8"))):
        candidates = [Path(entry)] if Path(entry).suffix else [
            Path(entry + ext) for ext in (".md", ".ipynb")
        ]
        found = [c for c in candidates if (root / c).is_file()]
        if not found:
            raise ValueError(f"_toc.yml lists {entry!r}, but no such .md or .ipynb file exists")
        pages.append(found[0])
    return pages


def is_notebook(path: str | Path) -> bool:
    """Say whether a page is a notebook (code to run), not plain prose.

    A MyST-markdown page is a notebook when its front matter has a
    ``kernelspec``, as every Jupytext chapter does.

    Examples
    --------
    >>> is_notebook("book/01_neural_networks.md")   # doctest: +SKIP
    True
    """
    path = check_path("path", path)
    if path.suffix == ".ipynb":
        return True
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return False
    front_matter = text.split("---", 2)[1]
    meta = yaml.safe_load(front_matter) or {}
    return isinstance(meta, dict) and "kernelspec" in meta


def toc_notebooks(root: str | Path = ".") -> list[Path]:
    """Return the pages of ``_toc.yml`` that are notebooks (the chapters).

    Examples
    --------
    >>> toc_notebooks(".")[0]                       # doctest: +SKIP
    PosixPath('book/01_neural_networks.md')
    """
    root = check_path("root", root)
    return [p for p in toc_pages(root) if is_notebook(root / p)]


def install_cell(root: str | Path = ".") -> str:
    """Return the source of every chapter's first code cell.

    Where ``dlcourse`` is not installed (a chapter opened in Colab, say), the
    cell installs the release of the course's repository (``_config.yml``:
    ``repository.url``) tagged ``v<version>`` for this package's version,
    with the ``notebook`` extra (myst-nb, for ``glue``); where it is
    installed, as in CI and after ``make setup``, it does nothing.

    Examples
    --------
    >>> print(install_cell("."))                     # doctest: +SKIP
    # Where the course's package is missing (e.g. on Colab): install it.
    try:
        import dlcourse
    except ModuleNotFoundError:
        SOURCE = "git+https://github.com/dlcourse/dlcourse@v0.1.0"
        %pip install -q "dlcourse[notebook] @ {SOURCE}"
    """
    from dlcourse import __version__

    root = check_dir("root", root)
    if not (root / "_config.yml").is_file():
        raise ValueError(f"root must be the book's folder, holding _config.yml; {root} has none")
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8")) or {}
    url = str((config.get("repository") or {}).get("url", "")).rstrip("/")
    if not url.startswith("https://"):
        raise ValueError(f"_config.yml in {root} must name repository.url (https://...), got {url!r}")
    return ("# Where the course's package is missing (e.g. on Colab): install it.\n"
            "try:\n"
            "    import dlcourse\n"
            "except ModuleNotFoundError:\n"
            f'    SOURCE = "git+{url}@v{__version__}"\n'
            '    %pip install -q "dlcourse[notebook] @ {SOURCE}"')


def missing_html(root: str | Path = ".", html_dir: str | Path | None = None) -> list[Path]:
    """Return the ``_toc.yml`` pages that have no page in the built HTML.

    ``html_dir`` defaults to ``root/_build/html``.

    Examples
    --------
    >>> missing_html(".")                           # doctest: +SKIP
    []
    """
    root = check_path("root", root)
    html_dir = check_path("html_dir", html_dir) if html_dir is not None else root / "_build" / "html"
    return [p for p in toc_pages(root) if not (html_dir / p.with_suffix(".html")).is_file()]


# Tags that make a browser fetch something: scripts, style sheets, images, frames.
_FETCHED = re.compile(
    r"<(?:script|img|iframe|source)\b[^>]*\bsrc=[\"'](?P<src>[^\"']+)"
    r"|<link\b(?=[^>]*\brel=[\"'](?:stylesheet|preload|icon)[\"'])[^>]*\bhref=[\"'](?P<href>[^\"']+)",
    re.IGNORECASE,
)


def external_resources(html_dir: str | Path) -> list[str]:
    """List ``page: url`` for every resource a page would fetch from outside the book.

    Scripts, style sheets, images and frames count; links a reader clicks
    do not.

    The book must read offline: math, fonts and scripts are served from its
    own ``_static``.

    Examples
    --------
    >>> external_resources("_build/html")           # doctest: +SKIP
    []
    """
    html_dir = check_dir("html_dir", html_dir)
    found = []
    for page in sorted(html_dir.rglob("*.html")):
        for match in _FETCHED.finditer(page.read_text(encoding="utf-8", errors="replace")):
            url = match.group("src") or match.group("href")
            if url.startswith(("http:", "https:", "//")):
                found.append(f"{page.relative_to(html_dir).as_posix()}: {url}")
    return found


class _Anchors(HTMLParser):
    """The ids a page defines and the ``<a href>`` links it holds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.ids.add(attributes["name"])
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])


def _anchors(page: Path, cache: dict[Path, _Anchors]) -> _Anchors:
    if page not in cache:
        parser = _Anchors()
        parser.feed(page.read_text(encoding="utf-8", errors="replace"))
        cache[page] = parser
    return cache[page]


def broken_links(html_dir: str | Path) -> list[str]:
    """``page: link`` for every link inside the book that leads nowhere.

    A link to another file of the book must find that file; a link with a
    ``#fragment`` to a page must find an element with that id on it. Links
    that leave the book (``https:``, ``mailto:``, ...) are not followed.

    Examples
    --------
    >>> broken_links("_build/html")                 # doctest: +SKIP
    []
    """
    html_dir = check_dir("html_dir", html_dir).resolve()
    cache: dict[Path, _Anchors] = {}
    found = []
    for page in sorted(html_dir.rglob("*.html")):
        for link in _anchors(page, cache).links:
            url = urlsplit(link)
            if url.scheme or url.netloc:
                continue
            target = (page.parent / unquote(url.path)).resolve() if url.path else page
            if url.path.endswith("/") or target.is_dir():
                target = target / "index.html"
            fragment = unquote(url.fragment)
            if not target.is_relative_to(html_dir) or not target.is_file():
                problem = "no such file"
            elif fragment and target.suffix == ".html" and fragment not in _anchors(target, cache).ids:
                problem = f"no #{fragment} on {target.relative_to(html_dir).as_posix()}"
            else:
                continue
            found.append(f"{page.relative_to(html_dir).as_posix()}: {link} ({problem})")
    return found


def page_title(path: str | Path) -> str:
    """The first top-level heading (``# Title``) of a page: its title in the book.

    Inline code marks are dropped, as the HTML ``<title>`` drops them
    (``# `dlcourse.data`: Data sets`` is titled ``dlcourse.data: Data sets``).

    Examples
    --------
    >>> page_title("book/01_neural_networks.md")    # doctest: +SKIP
    'Neural networks'
    """
    path = check_path("path", path)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return re.sub(r"`([^`]*)`", r"\1", line[2:].strip())
    return path.stem


def source_line(page: str | Path, source: str) -> int | None:
    """The line of ``page`` where a code cell's ``source`` starts (1-based), or None.

    Examples
    --------
    >>> source_line("book/01_neural_networks.md", "set_seed(0)")   # doctest: +SKIP
    52
    """
    page = check_path("page", page)
    if not isinstance(source, str):
        raise TypeError(f"source must be a cell's source text, got {type(source).__name__}")
    text = page.read_text(encoding="utf-8")
    at = text.find(source.strip()) if source.strip() else -1
    return text.count("\n", 0, at) + 1 if at >= 0 else None


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def last_error_line(traceback: str) -> str:
    r"""The final ``SomeError: message`` line of a (coloured) kernel traceback.

    Examples
    --------
    >>> last_error_line("Traceback ...\n\x1b[31mAssertionError\x1b[0m: too low\n")
    'AssertionError: too low'
    """
    if not isinstance(traceback, str):
        raise TypeError(f"traceback must be text, got {type(traceback).__name__}")
    lines = [line.strip() for line in _ANSI.sub("", traceback).splitlines()]
    return next((line for line in reversed(lines) if line), "the cell failed")


def main(argv: list[str] | None = None) -> int:
    """Command line: ``check-html [ROOT]`` or ``notebooks [ROOT]``; returns the exit code.

    Examples
    --------
    >>> main(["check-html", "."])                   # doctest: +SKIP
    ok: all 4 pages of _toc.yml are built, no link inside the book is broken
    0
    """
    args = sys.argv[1:] if argv is None else argv
    if isinstance(args, str) or not isinstance(args, (list, tuple)):
        raise TypeError(f"argv must be a list of strings such as ['check-html', '.'], got {args!r}")
    if not args or args[0] not in ("check-html", "notebooks"):
        print("usage: python -m dlcourse.book {check-html,notebooks} [ROOT]", file=sys.stderr)
        return 2
    root = Path(args[1] if len(args) > 1 else ".")
    if args[0] == "notebooks":
        print("\n".join(str(p) for p in toc_notebooks(root)))
        return 0
    missing = missing_html(root)
    if missing:
        print("no HTML page for: " + ", ".join(str(p) for p in missing), file=sys.stderr)
        return 1
    external = external_resources(root / "_build" / "html")
    if external:
        print("pages fetch from outside the book (it must read offline):\n  "
              + "\n  ".join(external), file=sys.stderr)
        return 1
    broken = broken_links(root / "_build" / "html")
    if broken:
        print("links inside the book that lead nowhere:\n  " + "\n  ".join(broken),
              file=sys.stderr)
        return 1
    print(f"ok: all {len(toc_pages(root))} pages of _toc.yml are built,"
          " no link inside the book is broken")
    return 0


if __name__ == "__main__":
    sys.exit(main())
