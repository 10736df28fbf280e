"""The API reference documents each subpackage's names where learners import them.

Each page of ``book/api/`` documents a subpackage with ``automodule
:members: :imported-members:``, so ``load_penguins`` is
``dlcourse.data.load_penguins``, as the chapters import it. Two things
follow, handled here so that the docstrings need not change:

- A constant (``FACE_CLASSES``) is not a member autodoc documents, so each
  page lists its constants with ``autodata``; their ``#:`` comment lies in
  the module that defines them, where autodoc does not look: it is added here.
- A docstring refers to a name by its defining module
  (``:func:`dlcourse.scratch.conv.conv2d```), by an old shim path
  (``dlcourse.losses....``) or by its bare name inside a module
  (``:func:`mode_coverage``` in ``dlcourse.evaluation.generated``). Such a
  reference resolves to the entry of the same object where it is
  documented, in the nearest enclosing package.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator

from sphinx.pycode import ModuleAnalyzer
from sphinx.util.nodes import make_refnode


def _constant_comment(app, what, name, obj, options, lines) -> None:
    """Give an imported constant the ``#:`` comment of the module that defines it."""
    own = [line.strip() for line in lines if line.strip()]
    doc = type(obj).__doc__
    # A class's __doc__ can be a descriptor (a __slots__ member), not text.
    type_doc = [line.strip() for line in (doc if isinstance(doc, str) else "").splitlines()
                if line.strip()]
    if what != "data" or own and own != type_doc:
        return
    package, short = name.rsplit(".", 1)
    for module_name, module in list(sys.modules.items()):
        if module_name.startswith(package + ".") and getattr(module, short, None) is obj:
            try:
                comment = ModuleAnalyzer.for_module(module_name).find_attr_docs().get(("", short))
            except Exception:  # noqa: BLE001 - no source: nothing to add
                continue
            if comment:
                lines[:] = [line for line in comment]
                return
    lines[:] = []


def _parents(dotted: str) -> Iterator[str]:
    """``a.b.c`` then ``a.b`` then ``a``."""
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        yield ".".join(parts[:end])


def _object(target: str):
    """The object a dotted name imports to, or None."""
    parts = target.split(".")
    for end in range(len(parts) - 1, 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:end]))
        except ImportError:
            continue
        try:
            for attr in parts[end:]:
                obj = getattr(obj, attr)
        except AttributeError:
            return None
        return obj
    return None


def _candidates(target: str, context: str | None) -> Iterator[str]:
    """Names under which the object of ``target`` may be documented."""
    if "." not in target and context:
        for module in _parents(context):
            yield f"{module}.{target}"
    if not target.startswith("dlcourse."):
        return
    module, _, name = target.rpartition(".")
    for parent in _parents(module):
        yield f"{parent}.{name}"
    obj = _object(target)
    home, qualname = getattr(obj, "__module__", None), getattr(obj, "__qualname__", None)
    if isinstance(home, str) and isinstance(qualname, str) and home.startswith("dlcourse."):
        for parent in _parents(home):
            yield f"{parent}.{qualname}"


def _resolve(app, env, node, contnode):
    """Resolve a Python reference that Sphinx did not find (see the module docstring)."""
    if node.get("refdomain") != "py":
        return None
    objects = env.get_domain("py").objects
    target = node["reftarget"].lstrip("~.")
    for candidate in _candidates(target, node.get("py:module")):
        entry = objects.get(candidate)
        if entry is not None and not entry.aliased:
            return make_refnode(app.builder, node["refdoc"], entry.docname, entry.node_id,
                                contnode, candidate)
    return None


def setup(app):
    app.connect("autodoc-process-docstring", _constant_comment)
    app.connect("missing-reference", _resolve)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
