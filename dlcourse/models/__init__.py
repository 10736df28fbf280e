"""Keras model builders used across the book.

One module per kind of model; everything is importable from
``dlcourse.models``. Importing it loads TensorFlow (quietly).
"""

from dlcourse.models.cnn import build_cnn
from dlcourse.models.cnn1d import build_cnn1d
from dlcourse.models.mlp import build_mlp

__all__ = [
    "build_cnn",
    "build_cnn1d",
    "build_mlp",
]
