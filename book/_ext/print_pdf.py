"""Print the single-page HTML build of the book to one PDF (``make pdf``).

Uses Chromium (``$CHROMIUM``, default Debian's) through Playwright (no
LaTeX, no browser download): serves ``_build/singlehtml`` on 127.0.0.1, waits for MathJax, prints to
``_build/pdf/book.pdf``, then checks with pypdf that the PDF holds every
page of ``_toc.yml`` (its title appears in the text).

    python book/_ext/print_pdf.py [ROOT]
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright
from pypdf import PdfReader

from dlcourse.tools.book import page_title, toc_pages
from dlcourse.tools.browser import CHROMIUM_ARGS, chromium_path, serve_directory


def print_page(url: str, out: Path) -> None:
    """Print ``url`` to the PDF ``out`` in headless Chromium, after MathJax typesets."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium_path()), args=CHROMIUM_ARGS)
        page = browser.new_page()
        # Nothing leaves 127.0.0.1.
        page.route("**/*", lambda route: route.continue_()
                   if "127.0.0.1" in route.request.url or route.request.url.startswith("data:")
                   else route.abort())
        page.goto(url, wait_until="networkidle")
        page.evaluate("() => window.MathJax && MathJax.startup ? MathJax.startup.promise : null")
        page.emulate_media(media="print")
        page.pdf(path=str(out), format="A4", print_background=True,
                 margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"})
        browser.close()


def check_pdf(root: Path, out: Path) -> int:
    """0 if the PDF holds every page of _toc.yml and no raw TeX; else print why and return 1."""
    reader = PdfReader(str(out))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    flat = " ".join(text.split())
    raw_tex = flat.count("\\(") + flat.count("\\[")
    if raw_tex:
        print(f"error: {raw_tex} formulas are raw TeX in the PDF (MathJax did not run)",
              file=sys.stderr)
        return 1
    # Compared without whitespace: text extraction spaces out inline code
    # ("dlcourse.models : Models").
    solid = "".join(flat.split())
    missing = [page_title(root / p) for p in toc_pages(root)
               if "".join(page_title(root / p).split()) not in solid]
    print(f"{out}: {len(reader.pages)} pages, {out.stat().st_size // 1024} KiB")
    if missing:
        print(f"error: the PDF lacks these pages of _toc.yml: {missing}", file=sys.stderr)
        return 1
    print(f"ok: every page of _toc.yml ({len(toc_pages(root))}) is in the PDF")
    return 0


def main(root: Path) -> int:
    """Print the single-page build to _build/pdf/book.pdf and check it; the exit code."""
    html = root / "_build" / "singlehtml"
    out = root / "_build" / "pdf" / "book.pdf"
    if not (html / "index.html").is_file():
        print(f"error: no {html}/index.html: build it first (make pdf does)", file=sys.stderr)
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    # Sphinx writes the single page at the root page's path (book/intro.html)
    # with links relative to the build's root: read it from there.
    single = html / "book.html"
    single.write_text((html / toc_pages(root)[0].with_suffix(".html")).read_text(
        encoding="utf-8"), encoding="utf-8")
    with serve_directory(html) as url:
        print_page(f"{url}/book.html", out)
    return check_pdf(root, out)


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()))
