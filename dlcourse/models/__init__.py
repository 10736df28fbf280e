"""Keras model builders used across the book.

One module per kind of model; everything is importable from
``dlcourse.models``. Importing it loads TensorFlow (quietly).
"""

from dlcourse.models.cnn import build_cnn
from dlcourse.models.mlp import build_mlp
from dlcourse.models.rnn import RNN_CELLS, build_rnn, forecast, gradient_per_step

__all__ = [
    "build_cnn",
    "build_mlp",
    "RNN_CELLS",
    "build_rnn",
    "forecast",
    "gradient_per_step",
]
