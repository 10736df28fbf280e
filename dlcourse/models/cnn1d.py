"""One-dimensional convolutional networks for multichannel time series (chapter 7)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dlcourse._checks import check_bool, check_float, check_int
from dlcourse._keras import keras
from dlcourse.models._common import (
    check_name,
    check_units,
    compile_classifier,
    n_classes_argument,
)

__all__ = ["build_cnn1d"]


def build_cnn1d(
    input_shape: Sequence[int],
    n_classes: int | None = None,
    filters: Sequence[int] = (16, 32),
    kernel_size: int = 5,
    *,
    compiled: bool = True,
    learning_rate: float = 1e-3,
    name: str = "cnn1d",
    num_classes: int | None = None,
) -> keras.Model:
    """Build a small 1-D convolutional classifier of recordings ``(time, channels)``.

    ``keras.Input(input_shape)`` -> per entry of ``filters`` a
    ``Conv1D(f, kernel_size, relu)``, with ``MaxPooling1D(2)`` between
    blocks -> ``GlobalAveragePooling1D`` (the average response of each
    filter over the whole recording) -> ``Dense(n_classes, softmax)``.
    Compiled with Adam and sparse categorical cross-entropy unless
    ``compiled=False``.

    Parameters
    ----------
    input_shape : (time steps, channels)
        Shape of one recording, channels last.
    n_classes : int
        Number of classes, >= 2. (``num_classes``, its old name, still works).
    filters : sequence of int, default (16, 32)
        Filters of each convolution; at least one.
    kernel_size : int, default 5
        Length, in time steps, of each filter.
    compiled, learning_rate, name
        As in :func:`dlcourse.models.build_mlp`.

    Examples
    --------
    >>> from dlcourse.models import build_cnn1d
    >>> build_cnn1d((100, 6), 4).count_params()
    3220
    """
    if isinstance(input_shape, (str, bytes)) or not isinstance(input_shape, Sequence):
        raise TypeError(
            f"input_shape must be (time steps, channels) such as (100, 6), got {input_shape!r}"
        )
    if len(input_shape) != 2:
        raise ValueError(
            f"input_shape must have 2 entries (time steps, channels), got {tuple(input_shape)!r}"
        )
    steps, channels = (check_int(f"input_shape[{k}]", n, minimum=1)
                       for k, n in enumerate(input_shape))
    n_classes = check_int("n_classes", n_classes_argument(n_classes, num_classes), minimum=2)
    filters = check_units("filters", filters)
    if not filters:
        raise ValueError("filters must name at least one convolution, got ()")
    kernel_size = check_int("kernel_size", kernel_size, minimum=1)
    compiled = check_bool("compiled", compiled)
    learning_rate = check_float("learning_rate", learning_rate, low=0, low_open=True)
    name = check_name(name)
    length = steps
    for k in range(len(filters)):
        length -= kernel_size - 1
        if length < 1:
            break
        if k < len(filters) - 1:
            length //= 2
    if length < 1:
        raise ValueError(
            f"input_shape {(steps, channels)} is too short for {len(filters)} convolution(s) "
            f"of kernel_size {kernel_size} with pooling between them: use fewer filters "
            "entries or a smaller kernel_size"
        )

    layers: list[Any] = [keras.Input(shape=(steps, channels), name="recording")]
    for k, f in enumerate(filters, start=1):
        if k > 1:
            layers.append(keras.layers.MaxPooling1D(2, name=f"pool_{k - 1}"))
        layers.append(keras.layers.Conv1D(f, kernel_size, activation="relu", name=f"conv_{k}"))
    layers.append(keras.layers.GlobalAveragePooling1D(name="average_over_time"))
    layers.append(keras.layers.Dense(n_classes, activation="softmax", name="output"))
    model = keras.Sequential(layers, name=name)
    return compile_classifier(model, learning_rate) if compiled else model
