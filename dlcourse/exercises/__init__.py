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
from dlcourse.exercises.ch07b import (
    FGSM_EPSILON,
    FGSM_GRADIENT,
    FGSM_X,
    SCREENING_COUNTS,
    THRESHOLD_LABELS,
    THRESHOLD_SCORES,
    THRESHOLD_SENSITIVITY,
    check_fgsm_step,
    check_sensitivity,
    check_threshold,
from dlcourse.exercises.ch03 import (
    MSE_Y_PRED,
    MSE_Y_TRUE,
    RATE_STEPS,
    STEP_LEARNING_RATE,
    STEP_START,
    STEP_X,
    STEP_Y,
    check_descent_step,
    check_learning_rate,
    check_mse,
)

__all__ = [
    "COUNT_LAYER_SIZES", "NEURON_B", "NEURON_W", "NEURON_X", "Verdict", "check_feature_pair",
    "check_functional_model", "check_neuron_output", "check_parameter_count",
]
__all__ += [
    "FGSM_EPSILON",
    "FGSM_GRADIENT",
    "FGSM_X",
    "SCREENING_COUNTS",
    "THRESHOLD_LABELS",
    "THRESHOLD_SCORES",
    "THRESHOLD_SENSITIVITY",
    "check_fgsm_step",
    "check_sensitivity",
    "check_threshold",
    "MSE_Y_PRED",
    "MSE_Y_TRUE",
    "RATE_STEPS",
    "STEP_LEARNING_RATE",
    "STEP_START",
    "STEP_X",
    "STEP_Y",
    "check_descent_step",
    "check_learning_rate",
    "check_mse",
]
