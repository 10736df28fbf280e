"""Every public function of dlcourse, found by walking the package, refuses junk clearly.

A new function is covered without editing a list: called with a value of
no sensible type (or None) for its required arguments, it must raise a
``TypeError`` or ``ValueError`` whose message names one of its arguments,
never a raw traceback from deep inside NumPy, TensorFlow or the standard
library. Exercise checkers are teachers, not validators: they must answer
the same junk with a failing Verdict, never raise.
"""

import importlib
import inspect
import pkgutil
import re

import matplotlib
import pytest

import dlcourse
from dlcourse.exercises import Verdict

matplotlib.use("Agg")


class Junk:
    """A value no public function can make sense of."""

    def __repr__(self) -> str:
        return "<junk>"


def public_functions():
    for _, module_name, _ in pkgutil.walk_packages(dlcourse.__path__, "dlcourse."):
        if any(part.startswith("_") for part in module_name.split(".")):
            continue
        module = importlib.import_module(module_name)
        for name, obj in vars(module).items():
            if (not name.startswith("_") and inspect.isfunction(obj)
                    and obj.__module__ == module_name):
                yield f"{module_name}.{name}", obj


def required(function):
    return [p for p in inspect.signature(function).parameters.values()
            if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]


FUNCTIONS = dict(public_functions())
# Checkers, and helpers that answer a learner (they return a Verdict).
CHECKERS = {n: f for n, f in FUNCTIONS.items() if n.startswith("dlcourse.exercises.")
            and "Verdict" in str(inspect.signature(f).return_annotation)}
VALIDATED = {n: f for n, f in FUNCTIONS.items() if n not in CHECKERS and required(f)}


def test_the_walk_finds_the_package():
    assert "dlcourse.training.fitting.fit" in VALIDATED and "dlcourse.data.penguins.load_penguins" in FUNCTIONS
    assert "dlcourse.exercises.ch01.check_neuron_output" in CHECKERS


@pytest.mark.parametrize("bad", [Junk(), None], ids=["junk", "None"])
@pytest.mark.parametrize("name", sorted(VALIDATED))
def test_junk_arguments_are_refused_by_name(name, bad):
    function = VALIDATED[name]
    params = required(function)
    with pytest.raises((TypeError, ValueError)) as info:
        function(*[bad] * len(params))
    message = str(info.value)
    named = [p.name for p in inspect.signature(function).parameters.values()]
    # The argument's name as a word ("b must ..."), not a letter anywhere in the message.
    assert any(re.search(rf"(?<![\w.]){re.escape(n)}(?![\w])", message) for n in named), \
        f"{name}: {type(info.value).__name__}: {message}"


@pytest.mark.parametrize("bad", [Junk(), None, "0", [0], float("nan"), float("inf"), 10**400,
                                 1 + 2j, True], ids=lambda b: repr(b)[:20])
@pytest.mark.parametrize("name", sorted(CHECKERS))
def test_checkers_answer_junk_with_a_failing_verdict(name, bad):
    checker = CHECKERS[name]
    verdict = checker(*[bad] * max(1, len(required(checker))))
    assert isinstance(verdict, Verdict) and not verdict, f"{name}({bad!r}) -> {verdict!r}"
    assert verdict.message, f"{name}({bad!r}) gives no hint"
