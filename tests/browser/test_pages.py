"""The built book in a real browser (``make browser-test``, after ``make book``).

Serves ``_build/html`` on 127.0.0.1 and opens every page of ``_toc.yml`` in
headless Chromium (``$CHROMIUM``, default Debian's) through Playwright (never ``playwright install``:
that downloads a browser). Each page must: fetch nothing from outside
127.0.0.1, have no failed request and no console error, show every image
(loaded, with alt text), carry its title in ``<title>``, render every
formula, show the outputs of its executed code cells, and have no critical
or serious axe-core violation, in the light and the dark theme; a
chapter's download (.ipynb, .md), Binder and Colab links must all be there
and lead to files of the build or the repository. The search
page must find the right chapter first. A screenshot of each page goes to
``_build/screenshots/``.

Each page is also read the way a reader sees it, at 1280 px and 390 px wide,
in the light and the dark theme (``test_layout``): no display formula wider
than its box (on a phone it may scroll inside its box), no text output (print, warning,
error) wider than its box (it must wrap), no HTML output wider than the
column, no figure shown below two thirds of the width it was drawn at (at
1280 px: on a phone every figure is scaled down), one visible search box,
and solutions toggled by a "Solution" label. Its screenshots go to
``_build/screenshots/<page>_<width>_<theme>.png``.

``DLCOURSE_HTML`` points the tests at another built book (default
``_build/html``), e.g. a partial build with only a few chapters executed.

Not part of ``make test`` (marker ``browser``, deselected by default).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

playwright_api = pytest.importorskip("playwright.sync_api")
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")

from dlcourse.tools.book import is_notebook, page_title, toc_pages  # noqa: E402

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
HTML = Path(os.environ.get("DLCOURSE_HTML") or ROOT / "_build" / "html").resolve()
EXECUTED = HTML.parent / "jupyter_execute"
SCREENSHOTS = HTML.parent / "screenshots"
PAGES = toc_pages(ROOT)
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
REPOSITORY = CONFIG["repository"]["url"].rstrip("/")
COLAB_BRANCH = CONFIG["sphinx"]["config"]["colab_branch"]
# Colab opens the notebook the build wrote, from the published branch.
COLAB_LINK = re.compile(r"https://colab\.research\.google\.com/github/"
                        + re.escape(REPOSITORY.split("github.com/", 1)[1])
                        + "/blob/" + re.escape(COLAB_BRANCH) + r"/(?P<path>[^?#]+\.ipynb)$")
BAD_IMPACTS = ("critical", "serious")
# Search term -> words, one of which is in the file name or the title of
# the chapter that must come first. A term is checked only once such a
# chapter is in _toc.yml.
SEARCHES = {
    "penguin": ("neural_networks",),
    "convolution": ("convolution", "cnn"),
    "backpropagation": ("backprop", "training"),
}


class Visit:
    """A page opened in a fresh context, with what it requested and logged."""

    def __init__(self, browser, url: str, color_scheme: str = "light", width: int = 1280):
        self.context = browser.new_context(
            viewport={"width": width, "height": 900}, color_scheme=color_scheme)
        self.page = self.context.new_page()
        self.off_host: list[str] = []
        self.failed: list[str] = []
        self.console_errors: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("requestfailed", self._failed)
        self.page.on("response", self._response)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.console_errors.append(f"pageerror: {error}"))
        self._open(url)

    def _open(self, url: str) -> None:
        """Load the page until the network is idle; once more if that takes over 30 s.

        Seen once in CI: a page's "networkidle" never came within 30 s,
        and the same page loaded at once everywhere else. A page that stays
        busy on the second load too fails.
        """
        for attempt in (1, 2):
            self.page.goto(url, wait_until="load")
            try:
                self.page.wait_for_load_state("networkidle", timeout=30_000)
                return
            except playwright_api.TimeoutError:
                if attempt == 2:
                    raise
                self.off_host.clear()
                self.failed.clear()
                self.console_errors.clear()

    def _route(self, route) -> None:
        url = route.request.url
        if urlsplit(url).scheme in ("data", "blob", "about") or urlsplit(url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.off_host.append(url)
            route.abort()

    def _failed(self, request) -> None:
        if request.url not in self.off_host:
            self.failed.append(f"{request.url}: {request.failure}")

    def _response(self, response) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.url}: HTTP {response.status}")

    def _console(self, message) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    def close(self) -> None:
        self.context.close()


def _wait_for_math(page) -> None:
    page.evaluate(
        "() => window.MathJax && MathJax.startup && MathJax.startup.promise"
        " ? MathJax.startup.promise : null")


def _set_theme(page, theme: str) -> None:
    """Switch the theme at once (no CSS transition half-way when axe looks)."""
    page.evaluate("""async (theme) => {
        if (!document.getElementById('no-transitions')) {
            const style = document.createElement('style');
            style.id = 'no-transitions';
            style.textContent = '*, *::before, *::after {transition: none !important;'
                                + ' animation: none !important;}';
            document.head.appendChild(style);
        }
        document.documentElement.dataset.theme = theme;
        await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    }""", theme)


def _axe(page) -> list[dict]:
    results = axe_module.Axe().run(page)
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"]),
         "example": v["nodes"][0]["target"] if v["nodes"] else None}
        for v in results.response["violations"]
    ]


def _expected_outputs(source: Path) -> int:
    """Code cells of the executed notebook that must show an output."""
    notebook = EXECUTED / source.with_suffix(".ipynb")
    if not notebook.is_file():
        return 0
    count = 0
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if cell["cell_type"] != "code" or not cell.get("outputs"):
            continue
        if tags & {"remove-cell", "remove-output", "remove_cell", "remove_output"}:
            continue
        count += 1
    return count


@pytest.mark.parametrize("source", PAGES, ids=[p.stem for p in PAGES])
def test_page(source: Path, server: str, browser) -> None:
    url = f"{server}/{source.with_suffix('.html').as_posix()}"
    visit = Visit(browser, url)
    page = visit.page
    try:
        _wait_for_math(page)
        problems = []
        if visit.off_host:
            problems.append(f"requests off 127.0.0.1: {visit.off_host}")
        if visit.failed:
            problems.append(f"failed requests: {visit.failed}")
        if visit.console_errors:
            problems.append(f"console errors: {visit.console_errors}")

        images = page.evaluate("""async () => {
            const imgs = [...document.images];
            for (const img of imgs) { img.loading = 'eager'; }
            await Promise.all(imgs.map(img => img.decode().catch(() => null)));
            return imgs.map(img => ({src: img.currentSrc || img.src,
                                     width: img.naturalWidth,
                                     alt: (img.getAttribute('alt') || '').trim()}));
        }""")
        broken = [i["src"] for i in images if i["width"] == 0]
        no_alt = [i["src"] for i in images if not i["alt"]]
        if broken:
            problems.append(f"images that did not load: {broken}")
        if no_alt:
            problems.append(f"images without alt text: {no_alt}")

        title = page.title()
        expected_title = page_title(ROOT / source)
        if expected_title not in title:
            problems.append(f"<title> {title!r} does not contain the page title {expected_title!r}")

        unrendered = page.evaluate("""() => [...document.querySelectorAll('.math')]
            .filter(el => !el.querySelector('mjx-container')
                          && !(el.nextElementSibling
                               && el.nextElementSibling.tagName.toLowerCase() === 'mjx-container'))
            .map(el => el.textContent.trim().slice(0, 60))""")
        if unrendered:
            problems.append(f"{len(unrendered)} formulas not rendered, e.g. {unrendered[:3]}")

        if is_notebook(ROOT / source):
            shown = page.evaluate("""() => [...document.querySelectorAll('.cell_output')]
                .filter(el => el.textContent.trim() || el.querySelector('img, svg, table')).length""")
            expected = _expected_outputs(source)
            if shown < expected:
                problems.append(f"{shown} code-cell outputs shown, {expected} expected")

        # Download buttons (.ipynb, .md) lead to files the build wrote; the
        # Binder button opens a file of the repository; the Colab button a
        # notebook of the build, on the branch the Pages workflow publishes.
        links = page.eval_on_selector_all(
            "a[href]", "links => links.map(a => a.getAttribute('href'))")
        launches = set()  # the kinds of launch and download link found
        for href in links:
            if "_sources/" in href and not href.startswith("http"):
                target = (HTML / source.parent / href.split("#")[0]).resolve()
                if not target.is_file():
                    problems.append(f"download link {href} leads to no file of the build")
                launches.add(target.suffix)
            elif "mybinder.org" in href and "urlpath=" in href:
                repo_path = href.split("urlpath=", 1)[1].split("/tree/", 1)[-1]
                if not (ROOT / repo_path).is_file():
                    problems.append(f"Binder link {href} opens {repo_path}, not in the repository")
                launches.add("Binder")
            elif "colab.research.google.com" in href:
                match = COLAB_LINK.match(href)
                if not match or not (HTML / match["path"]).is_file():
                    problems.append(f"Colab link {href} opens no notebook of the build"
                                    f" on {REPOSITORY}/blob/{COLAB_BRANCH}")
                launches.add("Colab")
        # Code that calls dlcourse links to the API reference (sphinx-codeautolink),
        # whose pages are book/api.html and book/api/<subpackage>.html.
        api_links = [h for h in links if "#dlcourse." in h and (
            "/api/" in h.split("#")[0] or h.split("#")[0].startswith("api/"))]
        if is_notebook(ROOT / source) and not api_links:
            problems.append("no name in the code cells links to the API reference")
        if is_notebook(ROOT / source) and launches != {".ipynb", ".md", "Binder", "Colab"}:
            problems.append(f"launch and download links: {sorted(launches)}, expected"
                            " .ipynb and .md downloads, Binder and Colab")

        violations = _axe(page)
        _set_theme(page, "dark")
        dark = _axe(page)
        print(f"\n{source.stem}: axe light {violations}\n{source.stem}: axe dark {dark}")
        for theme, found in (("light", violations), ("dark", dark)):
            bad = [v for v in found if v["impact"] in BAD_IMPACTS]
            if bad:
                problems.append(f"axe ({theme} theme) critical/serious violations: {bad}")

        _set_theme(page, "light")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{source.stem}.png"))
        assert not problems, f"{url}:\n  " + "\n  ".join(problems)
    finally:
        visit.close()


#: Widths a reader reads at: a laptop and a phone.
WIDTHS = (1280, 390)
#: A figure shown below this share of the width it was drawn at has text
#: too small to read (drawn for the column at 100 dpi: 9 px text and up).
MIN_FIGURE_SCALE = 2 / 3
#: Figures known to be drawn wider than the column, to be redrawn (page
#: stem -> caption starts, without the figure number). None now: a figure
#: shown too small fails, and only a listed one is let through.
KNOWN_WIDE_FIGURES: dict[str, tuple[str, ...]] = {}

# Everything a reader would find cut at the column's edge, as a list of
# {kind, what, width, box} (run in the page).
_CUT = """(mathMustFit) => {
    const found = [];
    const column = document.querySelector('article.bd-article') || document.querySelector('main');
    const columnRight = column.getBoundingClientRect().right;
    const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    const label = (el) => (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 70);
    const overflows = (el) => el.scrollWidth > el.clientWidth + 1;
    const visible = (el) => el.getClientRects().length > 0 && !el.closest('details:not([open])');
    // Display math: wider than its box, and the box does not scroll; on a
    // wide screen it must fit (a long line is split, with `aligned`).
    for (const el of document.querySelectorAll('mjx-container[display="true"]')) {
        if (!visible(el)) continue;
        const box = el.closest('div.math') || el;
        const rect = box.getBoundingClientRect();
        const cut = (overflows(el) && (mathMustFit || !scrolls(el)))
                    || (overflows(box) && (mathMustFit || !scrolls(box)))
                    || rect.right > columnRight + 1;
        if (cut) found.push({kind: 'display math', what: label(box.previousElementSibling || box),
                             width: el.scrollWidth, box: Math.round(rect.width)});
    }
    // Text outputs: must wrap, never hide their end behind a scroll bar.
    for (const pre of document.querySelectorAll(
            '.cell_output .output.stream pre, .cell_output .output.stderr pre,'
            + ' .cell_output .output.text_plain pre, .cell_output .output.traceback pre,'
            + ' .cell_output .output.error pre')) {
        if (visible(pre) && overflows(pre)) {
            found.push({kind: 'text output', what: label(pre), width: pre.scrollWidth,
                        box: pre.clientWidth});
        }
    }
    // HTML outputs (tables, summaries): inside the column, scrolling if wider.
    for (const out of document.querySelectorAll('.cell_output .output.text_html')) {
        if (!visible(out)) continue;
        const rect = out.getBoundingClientRect();
        if (rect.right > columnRight + 1 || (overflows(out) && !scrolls(out))) {
            found.push({kind: 'HTML output', what: label(out), width: out.scrollWidth,
                        box: Math.round(rect.width)});
        }
    }
    return found;
}"""

_FIGURES = """async () => {
    const imgs = [...document.querySelectorAll('.cell_output img')];
    for (const img of imgs) { img.loading = 'eager'; }
    await Promise.all(imgs.map(img => img.decode().catch(() => null)));
    return imgs.filter(img => img.getClientRects().length && img.naturalWidth)
        .map(img => ({src: img.getAttribute('src'), natural: img.naturalWidth,
                      shown: img.getBoundingClientRect().width,
                      caption: ((img.closest('figure') || {}).textContent || '').trim().slice(0, 50)}));
}"""

_SEARCH_BOXES = """() => [...document.querySelectorAll(
        '.search-button-field, input[type="search"], input[name="q"]')]
    .filter(el => {
        const rect = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden'
            && rect.bottom > 0 && rect.right > 0 && rect.left < innerWidth;
    }).map(el => el.closest('[id]') ? el.closest('[id]').id : el.className)"""

_SOLUTION_TOGGLES = """() => [...document.querySelectorAll('details.hide')]
    .filter(d => /^\\s*#\\s*solution/i.test((d.querySelector('pre') || {}).textContent || ''))
    .map(d => d.querySelector('summary').textContent.trim().split('\\n')[0])"""


def _known_wide(stem: str, caption: str) -> bool:
    text = re.sub(r"^Fig\.\s*[\d.]+\s*", "", caption or "")
    return any(text.startswith(start) for start in KNOWN_WIDE_FIGURES.get(stem, ()))


def layout_problems(page, width: int, stem: str = "") -> list[str]:
    """What a reader finds cut, too small or doubled on the open page, in its current theme."""
    problems = [f"{c['kind']} {c['width']} px wide in a {c['box']} px box, cut: {c['what']!r}"
                for c in page.evaluate(_CUT, width >= 1000)]
    if width >= 1000:
        for figure in page.evaluate(_FIGURES):
            if _known_wide(stem, figure["caption"]):
                continue
            if figure["shown"] < MIN_FIGURE_SCALE * figure["natural"]:
                problems.append(
                    f"figure drawn {figure['natural']} px wide shown at {figure['shown']:.0f} px"
                    f" ({figure['shown'] / figure['natural']:.0%}): its text is too small;"
                    f" draw it for the column: {figure['caption'] or figure['src']!r}")
    boxes = page.evaluate(_SEARCH_BOXES)
    if len(boxes) > 1:
        problems.append(f"{len(boxes)} visible search boxes (in {boxes}), expected one")
    labels = [label for label in page.evaluate(_SOLUTION_TOGGLES) if label != "Solution"]
    if labels:
        problems.append(f"solution toggles labelled {sorted(set(labels))}, expected 'Solution'")
    return problems


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("source", PAGES, ids=[p.stem for p in PAGES])
def test_layout(source: Path, width: int, server: str, browser) -> None:
    url = f"{server}/{source.with_suffix('.html').as_posix()}"
    visit = Visit(browser, url, width=width)
    page = visit.page
    try:
        _wait_for_math(page)
        problems = []
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for theme in ("light", "dark"):
            _set_theme(page, theme)
            problems += [f"{width} px, {theme}: {p}" for p in layout_problems(page, width, source.stem)]
            page.screenshot(path=str(SCREENSHOTS / f"{source.stem}_{width}_{theme}.png"))
        assert not problems, f"{url}:\n  " + "\n  ".join(problems)
    finally:
        visit.close()


#: MyST syntax that Colab would show raw in a published notebook.
MYST_SYNTAX = re.compile(r"\{[\w:-]+\}`|^\([\w.:-]+\)=\s*$|^[:`]{3,}\{[\w:-]+\}|^:class:",
                         re.MULTILINE)


def test_colab_notebooks_read_cleanly() -> None:
    """The .ipynb each chapter publishes (for Colab, which renders no MyST) holds plain Markdown."""
    raw = {}
    for source in PAGES:
        notebook = HTML / "_sources" / source.with_suffix(".ipynb")
        if not is_notebook(ROOT / source) or not notebook.is_file():
            continue
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        found = [m.group(0) for cell in cells if cell["cell_type"] == "markdown"
                 for m in MYST_SYNTAX.finditer("".join(cell["source"]))]
        if found:
            raw[source.stem] = found[:5]
    assert not raw, f"MyST markup left in the published notebooks: {raw}"


def test_root_redirect(server: str, browser) -> None:
    """The root index.html (a redirect to the first page) is titled and has a language."""
    text = (HTML / "index.html").read_text(encoding="utf-8")
    assert "<title>" in text and "lang=" in text, f"index.html lacks <title> or lang: {text[:300]}"
    visit = Visit(browser, f"{server}/index.html")
    try:
        assert not visit.off_host and not visit.failed and not visit.console_errors
        assert visit.page.url.endswith(PAGES[0].with_suffix(".html").as_posix())
    finally:
        visit.close()


@pytest.mark.parametrize("term", list(SEARCHES))
def test_search(term: str, server: str, browser) -> None:
    expected = [p for p in PAGES if is_notebook(ROOT / p) and any(
        word in p.stem.lower() or word in page_title(ROOT / p).lower() for word in SEARCHES[term])]
    if not expected:
        pytest.skip(f"no chapter about {term!r} in _toc.yml yet")
    visit = Visit(browser, f"{server}/search.html?q={term}")
    try:
        visit.page.locator("#search-results ul.search li a").first.wait_for(timeout=20_000)
        visit.page.wait_for_function(
            "() => !document.querySelector('#search-progress')"
            " || !document.querySelector('#search-progress').textContent.includes('Preparing')")
        hrefs = visit.page.eval_on_selector_all(
            "#search-results ul.search li > a", "links => links.map(a => a.getAttribute('href'))")
        # The reference pages (API, glossary) match every term by design;
        # what a reader wants first among the rest is the chapter that
        # teaches the term.
        pages = [h for h in hrefs if not h.split("#")[0].endswith(("api.html", "glossary.html"))
                 and "/api/" not in h and not h.startswith("api/")]
        assert pages and expected[0].stem in pages[0], (
            f"searching {term!r}: the first page found is {pages[:1]}, expected {expected[0].stem}"
            f" (all results: {hrefs})")
        # Each page's summary quotes its text around the term, not the
        # page's outline ("Contents", section titles) that shares its <main>.
        visit.page.wait_for_function(
            "() => document.querySelector('#search-results ul.search li p.context')")
        summaries = visit.page.eval_on_selector_all(
            "#search-results ul.search li:has(> p.context)",
            "items => items.map(li => [li.querySelector('a').getAttribute('href'),"
            " li.querySelector('p.context').textContent])")
        outlines = [(href, text[:120]) for href, text in summaries if "Contents" in text]
        assert summaries and not outlines, (
            f"searching {term!r}, results summarised by the page outline: {outlines}")
        assert not visit.off_host and not visit.console_errors
    finally:
        visit.close()


def test_api_page_shows_every_function() -> None:
    """The built API reference has an entry for every function its pages document."""
    import sys
    sys.path.insert(0, str(ROOT / "tests" / "tools"))
    from test_api_page import API_DIR, documented_names

    missing = []
    for page in sorted((ROOT / API_DIR).glob("*.md")):
        html = (HTML / API_DIR / f"{page.stem}.html").read_text(encoding="utf-8")
        missing += sorted(f for f in documented_names(API_DIR / page.name) if f'id="{f}"' not in html)
    assert not missing, f"functions missing from the built API pages: {missing}"
