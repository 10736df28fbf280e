"""Keras model builders used across the book.

One module per kind of model; everything is importable from
``dlcourse.models``. Importing it loads TensorFlow (quietly).
"""

from dlcourse.models.cnn import build_cnn
from dlcourse.models.cnn1d import build_cnn1d
from dlcourse.models.gan import GAN
from dlcourse.models.gan_parts import build_discriminator, build_generator, SampleSnapshots
from dlcourse.models.mlp import build_mlp
from dlcourse.models.recommender import (
    BiasBaseline,
    build_matrix_factorization,
    fit_bias_baseline,
    nearest_items,
    rmse,
)
from dlcourse.models.rnn import build_rnn, forecast, gradient_per_step, RNN_CELLS
from dlcourse.models.text import (
    attention_weights,
    build_pooling_classifier,
    build_recurrent_classifier,
    build_transformer_classifier,
    build_vectorizer,
    PositionalEmbedding,
)

__all__ = [
    "attention_weights",
    "BiasBaseline",
    "build_cnn",
    "build_cnn1d",
    "build_discriminator",
    "build_generator",
    "build_matrix_factorization",
    "build_mlp",
    "build_pooling_classifier",
    "build_recurrent_classifier",
    "build_rnn",
    "build_transformer_classifier",
    "build_vectorizer",
    "fit_bias_baseline",
    "forecast",
    "GAN",
    "gradient_per_step",
    "nearest_items",
    "PositionalEmbedding",
    "rmse",
    "RNN_CELLS",
    "SampleSnapshots",
]
