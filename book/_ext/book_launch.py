"""The Colab button opens the chapter as a notebook the build published.

Colab opens ``.ipynb`` files only, not MyST markdown (jupyter-book issue
752), but sphinx-book-theme points its Colab button at the chapter's ``.md``
source. The build already writes each chapter as a notebook beside its page
(``_sources/book/<chapter>.ipynb``, the download button's file), and the
Pages workflow (``.github/workflows/pages.yml``) publishes ``_build/html``
to the branch ``colab_branch`` (default ``gh-pages``). This extension points
the Colab button at that file on that branch. Binder keeps opening the
``.md`` source of the repository, which its JupyterLab opens with Jupytext
(and renders with jupyterlab-myst).

Colab (and the classic Jupyter) render no MyST, so the published notebook's
markdown cells are rewritten as plain Markdown (:func:`myst_to_markdown`):
roles become their text (``{term}`neurons <Neuron>``` -> ``neurons``), glued
numbers their value when the notebook holds it, admonitions quoted boxes,
dropdowns ``<details>``, labels dropped.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

# .../github/<org>/<repo>/blob/<branch>/<path in the repository>
_COLAB = re.compile(r"^(?P<base>.+/github/[^/]+/[^/]+/blob/)[^/]+/.+$")

_LABEL = re.compile(r"^\(\s*[\w.:-]+\s*\)=\s*$", re.MULTILINE)
_ROLE = re.compile(r"\{(?P<role>[\w:-]+)\}`(?P<body>[^`]*)`")
_EXPLICIT = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.DOTALL)
_FENCE_OPEN = re.compile(r"^(?P<fence>:{3,}|`{3,})\{(?P<name>[\w:-]+)\}\s*(?P<arg>.*)$")
_OPTION = re.compile(r"^:[\w-]+:.*$")
_DROPPED = {"bibliography", "tableofcontents", "nb-exec-table", "eval-rst", "glossary"}
_BOXES = {"note", "tip", "important", "warning", "caution", "attention", "hint",
          "seealso", "danger", "error"}


def _role_text(role: str, body: str, glued: dict[str, str]) -> str:
    match = _EXPLICIT.match(body)
    text, target = (match["text"], match["target"]) if match else ("", body)
    if role == "math":
        return f"${body}$"
    if role.startswith("glue"):
        name = body.split(":", 1)[0]
        return glued.get(name, f"`{name}`")
    if role == "cite":
        return "[" + "; ".join(key.strip() for key in body.split(",")) + "]"
    if role == "numref":
        if text:
            return text.replace("%s", "").replace("{number}", "").strip()
        return "the figure" if target.startswith("fig") else "the table" if target.startswith(
            "tab") else "the section"
    if text:
        return text
    return target.rsplit("/", 1)[-1].replace("-", " ") if role in ("doc", "ref") else target


def _directive(name: str, arg: str, body: list[str]) -> list[str]:
    content = [line for line in body if not _OPTION.match(line)]
    while content and not content[0].strip():
        content.pop(0)
    if name in _DROPPED:
        return []
    if name == "math":
        return ["$$", *content, "$$"]
    if name == "dropdown":
        return [f"<details><summary>{arg or 'Show'}</summary>", "", *content, "", "</details>"]
    if name == "admonition" or name in _BOXES:
        title = arg or name.capitalize()
        return [f"> **{title}**", ">", *[f"> {line}".rstrip() for line in content]]
    if name == "figure":
        return [f"![{' '.join(content).strip()}]({arg})"] if arg else content
    if name == "rubric":
        return [f"**{arg}**"]
    return content


def myst_to_markdown(text: str, glued: dict[str, str] | None = None) -> str:
    """A MyST markdown cell as plain Markdown that Colab renders.

    Examples
    --------
    >>> myst_to_markdown("(sec-x)=\\n# A {term}`neuron <Neuron>`")
    '# A neuron'
    >>> myst_to_markdown(":::{admonition} Goals\\n:class: tip\\n- one\\n:::")
    '> **Goals**\\n>\\n> - one'
    """
    glued = glued or {}
    lines = _LABEL.sub("", text).split("\n")
    out: list[str] = []
    k = 0
    while k < len(lines):
        match = _FENCE_OPEN.match(lines[k])
        if not match:
            out.append(lines[k])
            k += 1
            continue
        fence, depth, end = match["fence"], 0, k + 1
        while end < len(lines):  # the closing fence of this directive (nesting counted)
            if _FENCE_OPEN.match(lines[end]) and lines[end].startswith(fence[0] * 3):
                depth += 1
            elif lines[end].strip() == fence or (lines[end].strip().startswith(fence[0] * 3)
                                                  and set(lines[end].strip()) == {fence[0]}):
                if depth == 0:
                    break
                depth -= 1
            end += 1
        body = myst_to_markdown("\n".join(lines[k + 1:end]), glued).split("\n")
        out.extend(_directive(match["name"], match["arg"].strip(), body))
        k = end + 1
    result = "\n".join(out)
    result = _ROLE.sub(lambda m: _role_text(m["role"], m["body"], glued), result)
    return re.sub(r"\n{3,}", "\n\n", result).strip("\n")


def _glued_values(notebook: dict) -> dict[str, str]:
    """Values the chapter glued (myst-nb), as plain text, when the notebook holds its outputs."""
    values = {}
    for cell in notebook.get("cells", []):
        for output in cell.get("outputs", []) or []:
            name = (output.get("metadata") or {}).get("scrapbook", {}).get("name")
            text = (output.get("data") or {}).get("text/plain")
            if name and text:
                values[name] = "".join(text).strip().strip("'\"")
    return values


def write_colab_notebook(path: Path) -> None:
    """Rewrite the published notebook at ``path`` with its markdown cells in plain Markdown."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    glued = _glued_values(notebook)
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "markdown":
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            cell["source"] = myst_to_markdown(source, glued)
    path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _point_colab_at_notebook(app, pagename, templatename, context, doctree) -> None:
    notebook = context.get("ipynb_source")  # set by the theme for .md notebooks
    if not notebook:
        return
    published = Path(app.outdir) / "_sources" / notebook
    if published.is_file():  # copied there by the theme (priority 501)
        write_colab_notebook(published)
    for group in context.get("header_buttons", []):
        for button in group.get("buttons", []) if isinstance(group, dict) else []:
            match = _COLAB.match(button.get("url", ""))
            if button.get("text") == "Colab" and match:
                button["url"] = f"{match['base']}{app.config.colab_branch}/_sources/{notebook}"


def setup(app):
    app.add_config_value("colab_branch", "gh-pages", "html")
    # After sphinx-book-theme adds the launch buttons and copies the notebook (priority 501).
    app.connect("html-page-context", _point_colab_at_notebook, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
