"""The book's tooling: building and checking the book, the ``dlcourse`` command, the environment check.

Not part of the learner's API: these serve ``make``, CI and bug reports.

- :mod:`dlcourse.tools.book`: the table of contents, the chapters' install
  cell, and the checks of the built HTML (``python -m dlcourse.tools.book``)
- :mod:`dlcourse.tools.browser`: the Chromium to drive (``$CHROMIUM``) and a
  local HTTP server, for the browser test and the PDF
- :mod:`dlcourse.tools.chapters`: execute a chapter cell by cell, the one
  way ``dlcourse run``, ``make bench`` and the tests do
- :mod:`dlcourse.tools.cli`: the ``dlcourse`` command (``doctor``,
  ``chapters``, ``run``), also ``python -m dlcourse``
- :mod:`dlcourse.tools.memory`: peak memory of ``fit`` and ``accuracy`` against plain Keras
- :mod:`dlcourse.tools.environment`: ``[OK]``/``[FAIL]`` per dependency
  (``python -m dlcourse.tools.environment``)
"""

__all__ = ["book", "browser", "chapters", "cli", "environment", "memory"]
