"""Accessibility fixes for every page of the book, applied at build time.

A local Sphinx extension (``_config.yml``: ``sphinx.local_extensions``), so
every chapter, including those added later, gets them without extra work:

- ``book_a11y.css``: Keras ``model.summary()`` (rich) colours its text inline
  (#00d7ff on a light grey is 1.56:1); in cell outputs such text takes the
  theme's own text colour instead, readable in the light and dark themes.
- Bibliography: docutils marks each entry ``role="doc-biblioentry"``
  (deprecated in ARIA 1.3) inside a ``role="list"``, which then has no list
  items (axe: aria-required-children). Entries become ``role="listitem"``.
- pandas tables: the empty corner header cell (``<th></th>``) gets a
  visually hidden label, so no table header is empty.
- The sidebar's brand link (the book's title) sits outside any landmark
  (axe: region); the sidebar becomes a labelled ``navigation`` landmark
  (``book_a11y.js``). Its fold toggles of chapters with sections, a
  ``<summary>`` holding only an icon (axe: summary-name, serious), are
  named after their chapter.
- Names in code cells that link to the API reference (sphinx-codeautolink)
  are underlined, dotted, so they read as links without relying on colour.
- Console errors on every page: sphinx-thebe adds its configuration script
  twice (``const THEBE_JS_URL`` declared twice); duplicate scripts are
  dropped. The theme's colour mode defaults to ``auto`` (unset, the theme
  logs "Got invalid theme mode").
- The root ``index.html`` that redirects to the first page gets a
  ``<title>``, a ``lang`` and a visible link (it had none of them).

Pages readable as published (issue 21; ``tests/browser/test_pages.py``
``test_layout`` fails on each):

- Text outputs (print, warnings, errors) wrap at the column's edge; display
  math and wide HTML outputs scroll inside their own box, with a shadow at
  the edge as the scroll cue.
- One search box: the theme's top bar, which held only a second one, is
  hidden. The landing page's ``<title>`` names the book once.
- Solutions (hidden cells whose code starts with ``# Solution``) toggle
  under the label "Solution", not "Show code cell content".
- Dark theme: HTML outputs in the theme's colours and figures on white,
  without the theme's light grey frames.
- pandas tables: each column right-aligned when all its cells are numbers
  (left otherwise), header included, in tabular figures.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from sphinx import addnodes
from sphinx.transforms import SphinxTransform

STATIC = Path(__file__).resolve().parent / "static"

_EMPTY_TH = re.compile(r"<th>\s*</th>")
_REDIRECT = re.compile(r'http-equiv="Refresh"\s+content="0;\s*url=([^"]+)"', re.IGNORECASE)


def _add_static(app, config) -> None:
    config.html_static_path.append(str(STATIC))


def _script_key(script) -> tuple:
    attributes = getattr(script, "attributes", {}) or {}
    # An inline script's filename is None or "" depending on who added it.
    return (str(getattr(script, "filename", script) or ""),
            tuple(sorted((k, str(v)) for k, v in attributes.items())))


def _fix_body(app, pagename, templatename, context, doctree) -> None:
    context.setdefault("default_mode", "auto")
    scripts = context.get("script_files")
    if scripts:
        seen, unique = set(), []
        for script in scripts:
            key = _script_key(script)
            if key not in seen:
                seen.add(key)
                unique.append(script)
        scripts[:] = unique
    body = context.get("body")
    if not body:
        return
    body = body.replace('role="doc-biblioentry"', 'role="listitem"')
    body = _EMPTY_TH.sub('<th><span class="book-a11y-hidden">index</span></th>', body)
    context["body"] = body


def _label_solutions(app, doctree, docname) -> None:
    """Hidden code cells that hold an exercise's solution toggle as "Solution".

    A solution cell is a hidden code cell (``hide-cell``, ``hide-input``)
    whose code starts with a ``# Solution`` comment; myst-nb labels its
    toggle "Show code cell content". Its toggle (``HideCodeCellNode``, made
    by a post-transform, so already there when the doctree is resolved)
    gets the label "Solution".
    """
    from docutils import nodes

    for toggle in doctree.findall(nodes.Element):
        if type(toggle).__name__ != "HideCodeCellNode" or "prompt_show" not in toggle:
            continue
        sources = [n for n in toggle.findall(nodes.container)
                   if n.get("nb_element") == "cell_code_source"]
        if sources and sources[0].astext().lstrip().lower().startswith("# solution"):
            toggle["prompt_show"] = "Solution"
            toggle["prompt_hide"] = "Hide the solution"


_DOUBLED_TITLE = re.compile(r"<title>(?P<t>[^<]+?) &#8212; (?P=t)</title>")


def _fix_landing_title(app, exception) -> None:
    """The landing page is titled by the book's title once, not "<book> - <book>"."""
    if exception is not None or app.builder.format != "html":
        return
    landing = Path(app.outdir) / f"{app.config.root_doc}.html"
    if landing.is_file():
        text = landing.read_text(encoding="utf-8")
        fixed = _DOUBLED_TITLE.sub(r"<title>\g<t></title>", text, count=1)
        if fixed != text:
            landing.write_text(fixed, encoding="utf-8")


def _fix_redirect(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    index = Path(app.outdir) / "index.html"
    if not index.is_file():
        return
    text = index.read_text(encoding="utf-8")
    match = _REDIRECT.search(text)
    if not match or "<title>" in text:
        return
    target = html.escape(match.group(1), quote=True)
    title = html.escape(str(app.config.html_title or app.config.project))
    index.write_text(
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(app.config.language or "en")}">\n'
        "<head>\n"
        '  <meta charset="utf-8">\n'
        f"  <title>{title}</title>\n"
        f'  <meta http-equiv="Refresh" content="0; url={target}">\n'
        "</head>\n"
        f'<body><main><p>Opening <a href="{target}">{title}</a>.</p></main></body>\n'
        "</html>\n",
        encoding="utf-8",
    )



class _KeepTocHidden(SphinxTransform):
    """Honour ``hidden: true`` of a ``_toc.yml`` entry that has a ``{tableofcontents}``.

    sphinx-external-toc shows the toctree wherever the page places
    ``{tableofcontents}``, even when ``_toc.yml`` marks it hidden. Chapter
    7's overview places it (so its pages are numbered 7.1 onwards, before
    its own sections) and lists the pages itself, with a line on each: the
    toctree then stays, for the numbering and the sidebar, but unshown.
    """

    default_priority = 101  # right after sphinx-external-toc's InsertToctrees (100)

    def apply(self, **kwargs) -> None:
        site_map = getattr(self.env, "external_site_map", None)
        doc = site_map.get(self.env.docname) if site_map is not None else None
        if doc is None or not doc.subtrees or not all(t.hidden for t in doc.subtrees):
            return
        for toctree in self.document.findall(addnodes.toctree):
            toctree["hidden"] = True


def setup(app):
    app.connect("config-inited", _add_static)
    app.connect("doctree-resolved", _label_solutions)
    # Last, after the extensions that add per-page scripts.
    app.connect("html-page-context", _fix_body, priority=999)
    # After sphinx-external-toc writes the redirect (default priority 500).
    app.connect("build-finished", _fix_redirect, priority=900)
    app.connect("build-finished", _fix_landing_title)
    app.add_transform(_KeepTocHidden)
    app.add_css_file("book_a11y.css")
    app.add_js_file("book_a11y.js", loading_method="defer")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
