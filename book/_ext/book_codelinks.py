"""Docstring examples in the API reference get their names linked too.

sphinx-codeautolink links the names in code to their API entries. It reads
each code block when the document is read, but Sphinx trims doctest flags
(``# doctest: +SKIP``) from examples only later, before writing the HTML,
so a flagged example no longer matches its HTML and codeautolink warns
("Could not match a code example to HTML"). Trimming the flags first, with
Sphinx's own transform, keeps source and HTML the same.
"""

from __future__ import annotations

from sphinx.transforms.post_transforms.code import TrimDoctestFlagsTransform


def _trim_doctest_flags(app, doctree) -> None:
    TrimDoctestFlagsTransform(doctree).apply()


def setup(app):
    # Before sphinx-codeautolink reads the code blocks (priority 490).
    app.connect("doctree-read", _trim_doctest_flags, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
