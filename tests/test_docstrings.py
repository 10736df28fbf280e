"""Every example in the package's docstrings runs and prints what it shows."""

import doctest
import importlib
import pkgutil

import matplotlib
import pytest

import dlcourse

matplotlib.use("Agg")

MODULES = sorted(
    name for _, name, _ in pkgutil.walk_packages(dlcourse.__path__, "dlcourse.")
    if not any(part.startswith("_") for part in name.split("."))
)


@pytest.mark.parametrize("name", ["dlcourse", *MODULES])
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"


def test_every_public_function_has_an_example():
    missing = []
    for name in MODULES:
        module = importlib.import_module(name)
        for attr, obj in vars(module).items():
            if attr.startswith("_") or not callable(obj) or getattr(obj, "__module__", None) != name:
                continue
            if isinstance(obj, type):
                continue  # data classes document their fields instead
            if ">>>" not in (obj.__doc__ or ""):
                missing.append(f"{name}.{attr}")
    assert missing == []


# Examples skipped in the quick run because they start processes (workers, a
# process with several logical CPUs); they run here, so they cannot rot.
# Tooling (dlcourse.tools) is exempt: its skipped examples need the book's
# checkout or a terminal.
SLOW_EXAMPLES = ["dlcourse.training.distributed.devices",
                 "dlcourse.training.distributed.comparison",
                 "dlcourse.training.distributed.multiworker"]


@pytest.mark.slow
@pytest.mark.parametrize("name", SLOW_EXAMPLES)
def test_skipped_examples_run(name):
    module = importlib.import_module(name)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    skipped = 0
    for test in doctest.DocTestFinder().find(module):
        for example in test.examples:
            skipped += example.options.pop(doctest.SKIP, False)
        runner.run(test)
    assert skipped, f"{name} has no skipped example: take it off SLOW_EXAMPLES"
    assert runner.failures == 0, f"{runner.failures} skipped example(s) failed in {name}"
