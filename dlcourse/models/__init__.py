"""Keras model builders used across the book: builders only.

One module per kind of model; everything is importable from
``dlcourse.models``. What a trained model does (its outputs, gradients,
attention, embeddings) is measured by :mod:`dlcourse.evaluation`.
Importing it loads TensorFlow (quietly).
"""

from dlcourse._moved import forward_moved
from dlcourse.models.cnn import build_cnn
from dlcourse.models.cnn1d import build_cnn1d
from dlcourse.models.gan import GAN, output_range
from dlcourse.models.gan_parts import (
    SampleSnapshots,
    build_discriminator,
    build_generator,
)
from dlcourse.models.initialization import INITIALIZERS, reinitialize
from dlcourse.models.mlp import build_mlp
from dlcourse.models.recommender import (
    BiasBaseline,
    build_matrix_factorization,
    fit_bias_baseline,
)
from dlcourse.models.rnn import RNN_CELLS, build_rnn
from dlcourse.models.text import (
    PositionalEmbedding,
    build_pooling_classifier,
    build_recurrent_classifier,
    build_transformer_classifier,
    build_vectorizer,
)

__all__ = [
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
    "GAN",
    "INITIALIZERS",
    "PositionalEmbedding",
    "output_range",
    "reinitialize",
    "RNN_CELLS",
    "SampleSnapshots",
]


# Old import paths: measurements that lived here before dlcourse.evaluation had them.
__getattr__ = forward_moved(__name__, {
    "attention_weights": "dlcourse.evaluation.attention",
    "forecast": "dlcourse.evaluation.predictions",
    "gradient_per_step": "dlcourse.evaluation.gradients",
    "nearest_items": "dlcourse.evaluation.embeddings",
    "rmse": "dlcourse.evaluation.metrics",
})
