"""Convolutional networks for images (chapter 4; reused by chapter 7)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dlcourse._checks import check_bool, check_choice, check_float, check_int
from dlcourse._keras import keras
from dlcourse.models._common import (
    check_name,
    check_units,
    compile_classifier,
    n_classes_argument,
)

__all__ = ["build_cnn"]


def _check_input_shape(input_shape: Any) -> tuple[int, int, int]:
    if isinstance(input_shape, (str, bytes)) or not isinstance(input_shape, Sequence):
        raise TypeError(
            "input_shape must be (height, width, channels) such as (28, 28, 1), "
            f"got {input_shape!r}"
        )
    if len(input_shape) != 3:
        hint = " (add a channels axis: (h, w, 1) for grey images)" if len(input_shape) == 2 else ""
        raise ValueError(
            f"input_shape must have 3 entries (height, width, channels), got {tuple(input_shape)!r}{hint}"
        )
    return tuple(check_int(f"input_shape[{k}]", n, minimum=1) for k, n in enumerate(input_shape))


def build_cnn(
    input_shape: Sequence[int],
    n_classes: int | None = None,
    filters: Sequence[int] = (32, 64),
    kernel_size: int = 3,
    dense_units: int | None = 64,
    *,
    global_pool: bool = False,
    padding: str = "valid",
    dropout: float = 0.0,
    augmentation: keras.layers.Layer | None = None,
    compiled: bool = True,
    learning_rate: float = 1e-3,
    name: str = "cnn",
    num_classes: int | None = None,
) -> keras.Model:
    """Build a small convolutional classifier.

    ``keras.Input(input_shape)`` -> [``augmentation``] -> per entry of
    ``filters`` one block ``Conv2D(f, kernel_size, relu)`` ->
    ``MaxPooling2D(2)`` -> ``Flatten`` (or ``GlobalAveragePooling2D`` when
    ``global_pool``) -> [``Dropout``] -> [``Dense(dense_units, relu)``] ->
    ``Dense(n_classes, softmax)``. Compiled with Adam and sparse
    categorical cross-entropy (integer labels) unless ``compiled=False``.

    Parameters
    ----------
    input_shape : (height, width, channels)
        Shape of one image, channels last.
    n_classes : int
        Number of classes, >= 2 (``num_classes``, its old name, still works).
    filters : sequence of int, default (32, 64)
        Filters of each convolution block; ``()`` is not allowed.
    kernel_size : int, default 3
        Side of the square convolution kernels.
    dense_units : int or None, default 64
        Width of the hidden dense layer; ``None`` for none.
    global_pool : bool, default False
        Average each feature map to one number instead of flattening.
    padding : {"valid", "same"}, default "valid"
        Padding of the convolutions.
    dropout : float, default 0.0
        Dropout rate before the dense layers, in [0, 1).
    augmentation : keras layer or None
        Preprocessing layers (e.g. ``RandomRotation``) applied to the
        input; active only in training.
    compiled, learning_rate, name
        As in :func:`dlcourse.models.build_mlp`.

    Examples
    --------
    The classic small CNN: one 32-filter block on a 64x64 colour image.

    >>> from dlcourse.models import build_cnn
    >>> build_cnn((64, 64, 3), 10, filters=(32,), dense_units=64).count_params()
    1969738
    """
    height, width, channels = _check_input_shape(input_shape)
    n_classes = check_int("n_classes", n_classes_argument(n_classes, num_classes), minimum=2)
    filters = check_units("filters", filters)
    if not filters:
        raise ValueError("filters must name at least one convolution block, got ()")
    kernel_size = check_int("kernel_size", kernel_size, minimum=1)
    if dense_units is not None:
        dense_units = check_int("dense_units", dense_units, minimum=1)
    global_pool = check_bool("global_pool", global_pool)
    padding = check_choice("padding", padding, ("valid", "same"))
    dropout = check_float("dropout", dropout, low=0, high=1, high_open=True)
    if augmentation is not None and not isinstance(augmentation, keras.layers.Layer):
        raise TypeError(f"augmentation must be a keras layer or None, got {augmentation!r}")
    compiled = check_bool("compiled", compiled)
    learning_rate = check_float("learning_rate", learning_rate, low=0, low_open=True)
    _check_blocks_fit((height, width, channels), len(filters), kernel_size, padding)

    layers: list[Any] = [keras.Input(shape=(height, width, channels), name="image")]
    if augmentation is not None:
        layers.append(augmentation)
    for k, f in enumerate(filters, start=1):
        layers.append(keras.layers.Conv2D(f, kernel_size, padding=padding, activation="relu",
                                          name=f"conv_{k}"))
        layers.append(keras.layers.MaxPooling2D(2, name=f"pool_{k}"))
    layers.append(keras.layers.GlobalAveragePooling2D(name="global_pool") if global_pool
                  else keras.layers.Flatten(name="flatten"))
    if dropout > 0:
        layers.append(keras.layers.Dropout(dropout, name="dropout"))
    if dense_units is not None:
        layers.append(keras.layers.Dense(dense_units, activation="relu", name="dense"))
    layers.append(keras.layers.Dense(n_classes, activation="softmax", name="output"))
    model = keras.Sequential(layers, name=check_name(name))
    return compile_classifier(model, learning_rate) if compiled else model


def _check_blocks_fit(shape: tuple[int, int, int], n_blocks: int, kernel_size: int,
                      padding: str) -> None:
    """Each block shrinks the image: the blocks must leave at least one pixel."""
    size = min(shape[:2])
    for _ in range(n_blocks):
        size = (size - (kernel_size - 1 if padding == "valid" else 0)) // 2
        if size < 1:
            raise ValueError(
                f"input_shape {shape} is too small for {n_blocks} "
                f"block(s) of {kernel_size}x{kernel_size} convolution and 2x2 pooling: "
                "use fewer filters entries, a smaller kernel_size or padding='same'"
            )
