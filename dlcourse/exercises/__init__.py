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
from dlcourse.exercises.ch04 import (
    PARAMS_FILTERS,
    PARAMS_INPUT_SHAPE,
    PARAMS_KERNEL,
    SIZE_IMAGE,
    SIZE_KERNEL,
    SIZE_STRIDE,
    check_conv_parameters,
    check_edge_kernel,
    check_output_size,
)

__all__ = [
    "COUNT_LAYER_SIZES", "NEURON_B", "NEURON_W", "NEURON_X", "Verdict", "check_feature_pair",
    "check_functional_model", "check_neuron_output", "check_parameter_count",
    "PARAMS_FILTERS",
    "PARAMS_INPUT_SHAPE",
    "PARAMS_KERNEL",
    "SIZE_IMAGE",
    "SIZE_KERNEL",
    "SIZE_STRIDE",
    "check_conv_parameters",
    "check_edge_kernel",
    "check_output_size",
]
