"""Keras model builders used across the book.

One module per kind of model; everything is importable from
``dlcourse.models``. Importing it loads TensorFlow (quietly).
"""

from dlcourse.models.cnn import build_cnn
from dlcourse.models.cnn1d import build_cnn1d
from dlcourse.models.gan import GAN
from dlcourse.models.gan_parts import build_discriminator, build_generator, SampleSnapshots
from dlcourse.models.mlp import build_mlp
from dlcourse.models.rnn import build_rnn, forecast, gradient_per_step, RNN_CELLS
from dlcourse.models.text import (
    PositionalEmbedding,
    attention_weights,
    build_pooling_classifier,
    build_recurrent_classifier,
    build_transformer_classifier,
    build_vectorizer,
)
from dlcourse.models.recommender import (
    BiasBaseline,
    build_matrix_factorization,
    fit_bias_baseline,
    nearest_items,
    rmse,
)

__all__ = [
    "build_cnn",
    "build_cnn1d",
    "build_discriminator",
    "build_generator",
    "build_mlp",
    "build_rnn",
    "forecast",
    "GAN",
    "gradient_per_step",
    "RNN_CELLS",
    "SampleSnapshots",
    "PositionalEmbedding",
    "attention_weights",
    "build_pooling_classifier",
    "build_recurrent_classifier",
    "build_transformer_classifier",
    "build_vectorizer",
    "BiasBaseline",
    "build_matrix_factorization",
    "fit_bias_baseline",
    "nearest_items",
    "rmse",
]
