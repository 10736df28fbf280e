"""Checkers for the book's exercises, one module per chapter.

Each checker takes the learner's answer and returns a :class:`Verdict`: it
shows as one friendly line in a notebook ("Correct! ..." or "Not yet. ..."
with a hint) and is true or false, so ``assert check_...(answer)`` works.
The expected answers are computed with the same tools the chapter uses,
never typed in. Everything is importable from ``dlcourse.exercises``.
"""

from dlcourse.exercises.ch01 import (
    check_feature_pair,
    check_functional_model,
    check_neuron_output,
    check_parameter_count,
    COUNT_LAYER_SIZES,
    NEURON_B,
    NEURON_W,
    NEURON_X,
)
from dlcourse.exercises.ch03 import (
    check_descent_step,
    check_learning_rate,
    check_mse,
    MSE_Y_PRED,
    MSE_Y_TRUE,
    RATE_STEPS,
    STEP_LEARNING_RATE,
    STEP_START,
    STEP_X,
    STEP_Y,
)
from dlcourse.exercises.ch07b import (
    check_fgsm_step,
    check_sensitivity,
    check_threshold,
    FGSM_EPSILON,
    FGSM_GRADIENT,
    FGSM_X,
    SCREENING_COUNTS,
    THRESHOLD_LABELS,
    THRESHOLD_SCORES,
    THRESHOLD_SENSITIVITY,
)
from dlcourse.exercises.verdict import Verdict
from dlcourse.exercises.ch02 import (
    check_collapsed_layer,
    check_moons_classifier,
    check_output_choices,
    check_sigmoid_slope,
    COLLAPSE_B1,
    COLLAPSE_B2,
    COLLAPSE_W1,
    COLLAPSE_W2,
    MOONS_TARGET,
    OUTPUT_TASKS,
)

__all__ = [
    "check_descent_step",
    "check_feature_pair",
    "check_fgsm_step",
    "check_functional_model",
    "check_learning_rate",
    "check_mse",
    "check_neuron_output",
    "check_parameter_count",
    "check_sensitivity",
    "check_threshold",
    "COUNT_LAYER_SIZES",
    "FGSM_EPSILON",
    "FGSM_GRADIENT",
    "FGSM_X",
    "MSE_Y_PRED",
    "MSE_Y_TRUE",
    "NEURON_B",
    "NEURON_W",
    "NEURON_X",
    "RATE_STEPS",
    "SCREENING_COUNTS",
    "STEP_LEARNING_RATE",
    "STEP_START",
    "STEP_X",
    "STEP_Y",
    "THRESHOLD_LABELS",
    "THRESHOLD_SCORES",
    "THRESHOLD_SENSITIVITY",
    "Verdict",
    "check_collapsed_layer",
    "check_moons_classifier",
    "check_output_choices",
    "check_sigmoid_slope",
    "COLLAPSE_B1",
    "COLLAPSE_B2",
    "COLLAPSE_W1",
    "COLLAPSE_W2",
    "MOONS_TARGET",
    "OUTPUT_TASKS",
]
