"""Interactive figures that run in the reader's browser, offline (issue 22).

A chapter places one with the ``widget`` directive, next to its static
figure (which the PDF and non-HTML builds keep)::

    ```{widget} neuron
    :caption: Move the sliders ...
    ```

The directive renders ``<div class="dlc-widget" data-widget="neuron">``
with its caption; on the pages that hold one, the build adds the shared
``dlc_widgets.js`` and ``dlc_widgets.css`` and the widget's own
``dlc_widget_<name>.js`` (all in ``book/_ext/widgets/``: plain JavaScript
and SVG/canvas, nothing fetched from outside the book). A widget whose data
comes from the package has it in ``book/_ext/widgets/<name>.json``, embedded
in the page as ``<script type="application/json">`` so the figure also works
from ``file://``. Non-HTML builders drop the widget; print CSS hides it.

Adding a widget: write ``book/_ext/widgets/dlc_widget_<name>.js`` (it calls
``DLC.register("<name>", factory)``), place it with the directive, and test
it against the package in ``tests/browser/test_widgets.py``.

Run this file to regenerate the data of the convolution widget::

    PYTHONPATH=. python book/_ext/book_widgets.py
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

WIDGETS_DIR = Path(__file__).resolve().parent / "widgets"
#: Which sklearn digits the convolution widget shows: the first of each class.
CONV_DIGITS = tuple(range(10))


class widget_node(nodes.General, nodes.Element):
    """One interactive figure: its name, caption and embedded data."""


def _available() -> list[str]:
    return sorted(p.stem.removeprefix("dlc_widget_") for p in WIDGETS_DIR.glob("dlc_widget_*.js"))


class WidgetDirective(SphinxDirective):
    required_arguments = 1
    has_content = False
    option_spec = {"caption": directives.unchanged_required}

    def run(self):
        name = self.arguments[0].strip()
        if name not in _available():
            raise self.error(f"unknown widget {name!r}: expected one of {_available()} "
                             f"(a dlc_widget_<name>.js in {WIDGETS_DIR})")
        node = widget_node(name=name, data=None)
        # A page is rebuilt (and _static refreshed) when its widget's files change.
        for path in (f"dlc_widget_{name}.js", "dlc_widgets.js", "dlc_widgets.css"):
            self.env.note_dependency(str(WIDGETS_DIR / path))
        data = WIDGETS_DIR / f"{name}.json"
        if data.is_file():
            self.env.note_dependency(str(data))
            # Compact, and safe inside <script>: no "</" can close it early.
            node["data"] = json.dumps(json.loads(data.read_text(encoding="utf-8")),
                                      separators=(",", ":")).replace("</", "<\\/")
        caption = self.options.get("caption", "")
        if caption:
            text_nodes, messages = self.state.inline_text(caption, self.lineno)
            para = nodes.paragraph("", "", *text_nodes, classes=["dlc-widget-caption"])
            node += para
            node += messages
        self.set_source_info(node)
        return [node]


def _visit_html(self, node) -> None:
    name = html.escape(node["name"], quote=True)
    self.body.append(
        f'<div class="dlc-widget" data-widget="{name}" role="group" '
        'aria-label="Interactive figure">'
        '<noscript><p>This interactive figure needs JavaScript; the static figure '
        'beside it shows the same idea.</p></noscript>')


def _depart_html(self, node) -> None:
    if node["data"]:
        self.body.append(f'<script type="application/json" class="dlc-widget-data">'
                         f'{node["data"]}</script>')
    self.body.append("</div>\n")


def _drop_outside_html(app, doctree, docname) -> None:
    """Only HTML pages get the interactive figure; the static one stays everywhere."""
    if app.builder.format != "html":
        for node in list(doctree.findall(widget_node)):
            node.parent.remove(node)


def _add_static(app, config) -> None:
    config.html_static_path.append(str(WIDGETS_DIR))


def _add_scripts(app, pagename, templatename, context, doctree) -> None:
    if doctree is None:
        return
    names = sorted({node["name"] for node in doctree.findall(widget_node)})
    if not names:
        return
    app.add_css_file("dlc_widgets.css")
    app.add_js_file("dlc_widgets.js", loading_method="defer")
    for name in names:
        app.add_js_file(f"dlc_widget_{name}.js", loading_method="defer")


def digits_payload() -> dict:
    """The convolution widget's digits: sklearn's raw 8x8 images (0-16), scale 1/16.

    ``dlcourse.data.load_digits`` divides the same pixels by 16.
    """
    from sklearn.datasets import load_digits

    raw = load_digits()
    return {
        "source": "sklearn.datasets.load_digits (UCI optical digits, BSD-3); "
                  "pixel / 16 as in dlcourse.data.load_digits",
        "scale": 16,
        "digits": [{"index": int(i), "label": int(raw.target[i]),
                    "pixels": raw.images[i].astype(int).tolist()} for i in CONV_DIGITS],
    }


def write_digits(path: Path = WIDGETS_DIR / "conv.json") -> Path:
    payload = digits_payload()
    digits = ",\n  ".join(json.dumps(d, separators=(", ", ": ")) for d in payload.pop("digits"))
    head = json.dumps(payload, indent=1)[:-2]  # without the closing "\n}"
    path.write_text(f'{head},\n "digits": [\n  {digits}\n ]\n}}\n', encoding="utf-8")
    return path


def setup(app):
    app.add_node(widget_node, html=(_visit_html, _depart_html))
    app.add_directive("widget", WidgetDirective)
    app.connect("config-inited", _add_static)
    app.connect("doctree-resolved", _drop_outside_html)
    app.connect("html-page-context", _add_scripts)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


if __name__ == "__main__":
    print(f"wrote {write_digits()}")
