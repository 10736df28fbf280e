"""Checkers for the book's exercises, one module per page they serve.

Module ``chNN`` serves ``book/NN_*.md`` (``ch07c`` serves
``book/07c_recommendation.md``), ``scaling`` the scaling appendix.

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
from dlcourse.exercises.ch05 import (
    PERSISTENCE_HORIZON,
    RNN_FEATURES,
    RNN_UNITS,
    check_persistence_mae,
    check_rnn_parameter_count,
)
from dlcourse.exercises.ch06 import (
    P_DATA,
    P_GENERATOR,
    PAIR_LATENT_DIM,
    check_equilibrium_loss,
    check_gan_pair,
    check_optimal_discriminator,
)
from dlcourse.exercises.ch07 import check_recording_size
from dlcourse.exercises.ch07a import check_cnn_parameters
from dlcourse.exercises.ch07b import check_attention_weight, check_majority_accuracy
from dlcourse.exercises.ch07c import (
    check_factorization_parameters,
    check_predicted_rating,
)
from dlcourse.exercises.ch07d import (
    SCREENING_COUNTS,
    THRESHOLD_LABELS,
    THRESHOLD_SCORES,
    THRESHOLD_SENSITIVITY,
    check_sensitivity,
    check_threshold,
)
from dlcourse.exercises.ch07e import (
    FGSM_EPSILON,
    FGSM_GRADIENT,
    FGSM_X,
    check_fgsm_step,
)
from dlcourse.exercises.ch07f import HEAD_CLASSES, HEAD_INPUTS, check_head_parameters
from dlcourse.exercises.scaling import (
    check_per_replica_batch,
    check_scaled_learning_rate,
)
from dlcourse.exercises.verdict import Verdict, read_number

__all__ = [
    "check_head_parameters",
    "HEAD_CLASSES",
    "HEAD_INPUTS",
    "check_attention_weight",
    "check_cnn_parameters",
    "check_collapsed_layer",
    "check_conv_parameters",
    "check_descent_step",
    "check_edge_kernel",
    "check_equilibrium_loss",
    "check_factorization_parameters",
    "check_feature_pair",
    "check_fgsm_step",
    "check_functional_model",
    "check_gan_pair",
    "check_learning_rate",
    "check_majority_accuracy",
    "check_moons_classifier",
    "check_mse",
    "check_neuron_output",
    "check_optimal_discriminator",
    "check_output_choices",
    "check_output_size",
    "check_parameter_count",
    "check_per_replica_batch",
    "check_persistence_mae",
    "check_predicted_rating",
    "check_recording_size",
    "check_rnn_parameter_count",
    "check_scaled_learning_rate",
    "check_sensitivity",
    "check_sigmoid_slope",
    "check_threshold",
    "COLLAPSE_B1",
    "COLLAPSE_B2",
    "COLLAPSE_W1",
    "COLLAPSE_W2",
    "COUNT_LAYER_SIZES",
    "FGSM_EPSILON",
    "FGSM_GRADIENT",
    "FGSM_X",
    "MOONS_TARGET",
    "MSE_Y_PRED",
    "MSE_Y_TRUE",
    "NEURON_B",
    "NEURON_W",
    "NEURON_X",
    "OUTPUT_TASKS",
    "P_DATA",
    "P_GENERATOR",
    "PAIR_LATENT_DIM",
    "PARAMS_FILTERS",
    "PARAMS_INPUT_SHAPE",
    "PARAMS_KERNEL",
    "PERSISTENCE_HORIZON",
    "RATE_STEPS",
    "RNN_FEATURES",
    "RNN_UNITS",
    "SCREENING_COUNTS",
    "SIZE_IMAGE",
    "SIZE_KERNEL",
    "SIZE_STRIDE",
    "STEP_LEARNING_RATE",
    "STEP_START",
    "STEP_X",
    "STEP_Y",
    "THRESHOLD_LABELS",
    "THRESHOLD_SCORES",
    "THRESHOLD_SENSITIVITY",
    "read_number",
    "Verdict",
]
