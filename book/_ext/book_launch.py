"""The Colab button opens the chapter as a notebook the build published.

Colab opens ``.ipynb`` files only, not MyST markdown (jupyter-book issue
752), but sphinx-book-theme points its Colab button at the chapter's ``.md``
source. The build already writes each chapter as a notebook beside its page
(``_sources/book/<chapter>.ipynb``, the download button's file), and the
Pages workflow (``.github/workflows/pages.yml``) publishes ``_build/html``
to the branch ``colab_branch`` (default ``gh-pages``). This extension points
the Colab button at that file on that branch. Binder keeps opening the
``.md`` source of the repository, which its JupyterLab opens with Jupytext.
"""

from __future__ import annotations

import re

# .../github/<org>/<repo>/blob/<branch>/<path in the repository>
_COLAB = re.compile(r"^(?P<base>.+/github/[^/]+/[^/]+/blob/)[^/]+/.+$")


def _point_colab_at_notebook(app, pagename, templatename, context, doctree) -> None:
    notebook = context.get("ipynb_source")  # set by the theme for .md notebooks
    if not notebook:
        return
    for group in context.get("header_buttons", []):
        for button in group.get("buttons", []) if isinstance(group, dict) else []:
            match = _COLAB.match(button.get("url", ""))
            if button.get("text") == "Colab" and match:
                button["url"] = f"{match['base']}{app.config.colab_branch}/_sources/{notebook}"


def setup(app):
    app.add_config_value("colab_branch", "gh-pages", "html")
    # After sphinx-book-theme adds the launch buttons (priority 501).
    app.connect("html-page-context", _point_colab_at_notebook, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
