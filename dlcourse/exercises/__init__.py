"""Checkers for the book's exercises, one module per chapter.

Each checker takes the learner's answer and returns a :class:`Verdict`: it
shows as one friendly line in a notebook ("Correct! ..." or "Not yet. ..."
with a hint) and is true or false, so ``assert check_...(answer)`` works.
The expected answers are computed with the same tools the chapter uses,
never typed in. Everything is importable from ``dlcourse.exercises``.
"""

from dlcourse.exercises.ch01 import (
    COUNT_LAYER_SIZES,
    NEURON_B,
    NEURON_W,
    NEURON_X,
    check_feature_pair,
    check_functional_model,
    check_neuron_output,
    check_parameter_count,
)
from dlcourse.exercises.verdict import Verdict
from dlcourse.exercises.ch02 import (
    COLLAPSE_B1,
    COLLAPSE_B2,
    COLLAPSE_W1,
    COLLAPSE_W2,
    MOONS_TARGET,
    OUTPUT_TASKS,
    check_collapsed_layer,
    check_moons_classifier,
    check_output_choices,
    check_sigmoid_slope,
)

__all__ = [
    "COUNT_LAYER_SIZES", "NEURON_B", "NEURON_W", "NEURON_X", "Verdict", "check_feature_pair",
    "check_functional_model", "check_neuron_output", "check_parameter_count",
    "COLLAPSE_B1",
    "COLLAPSE_B2",
    "COLLAPSE_W1",
    "COLLAPSE_W2",
    "MOONS_TARGET",
    "OUTPUT_TASKS",
    "check_collapsed_layer",
    "check_moons_classifier",
    "check_output_choices",
    "check_sigmoid_slope",
]
