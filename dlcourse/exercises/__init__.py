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
from dlcourse.exercises.ch04 import (
    check_conv_parameters,
    check_edge_kernel,
    check_output_size,
    PARAMS_FILTERS,
    PARAMS_INPUT_SHAPE,
    PARAMS_KERNEL,
    SIZE_IMAGE,
    SIZE_KERNEL,
    SIZE_STRIDE,
)
from dlcourse.exercises.ch05 import (
    check_persistence_mae,
    check_rnn_parameter_count,
    PERSISTENCE_HORIZON,
    RNN_FEATURES,
    RNN_UNITS,
)
from dlcourse.exercises.ch06 import (
    check_equilibrium_loss,
    check_gan_pair,
    check_optimal_discriminator,
    P_DATA,
    P_GENERATOR,
    PAIR_LATENT_DIM,
)
from dlcourse.exercises.ch07a import (
    check_attention_weight,
    check_cnn_parameters,
    check_factorization_parameters,
    check_majority_accuracy,
    check_predicted_rating,
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
from dlcourse.exercises.scaling import check_per_replica_batch, check_scaled_learning_rate
from dlcourse.exercises.verdict import Verdict

__all__ = [
    "check_attention_weight",
    "check_cnn_parameters",
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
    "check_mse",
    "check_neuron_output",
    "check_optimal_discriminator",
    "check_output_size",
    "check_parameter_count",
    "check_per_replica_batch",
    "check_persistence_mae",
    "check_predicted_rating",
    "check_rnn_parameter_count",
    "check_scaled_learning_rate",
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
    "Verdict",
]
