"""Input checks shared by the public functions.

Each check raises a ``TypeError`` or ``ValueError`` whose message names the
argument, what it got and what it expected, so that a bad call fails here,
in plain words, and never deep inside TensorFlow.
"""

from __future__ import annotations

import numbers
import os
import sys
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np


def _describe(value: Any) -> str:
    """Say what a value is, briefly: its repr, cut short, and its type."""
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{text} (type {type(value).__name__})"


def check_int(name: str, value: Any, *, minimum: int | None = None) -> int:
    """Return ``value`` as an int, or raise if it is not an integer >= minimum."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {_describe(value)}")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value}")
    return int(value)


def check_float(
    name: str,
    value: Any,
    *,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = False,
    high_open: bool = False,
) -> float:
    """Return ``value`` as a float, or raise if it is not a number in range.

    The range is ``[low, high]``; ``low_open``/``high_open`` exclude an end.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {_describe(value)}")
    value = float(value)
    too_low = low is not None and (value <= low if low_open else value < low)
    too_high = high is not None and (value >= high if high_open else value > high)
    if not np.isfinite(value) or too_low or too_high:
        left = "(" if low_open else "["
        right = ")" if high_open else "]"
        lo = "-inf" if low is None else f"{low:g}"
        hi = "inf" if high is None else f"{high:g}"
        raise ValueError(f"{name} must be in {left}{lo}, {hi}{right}, got {value:g}")
    return value


def check_choice(name: str, value: Any, choices: Iterable[str]) -> str:
    """Return ``value`` if it is one of ``choices``, else raise."""
    choices = list(choices)
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, one of {choices}, got {_describe(value)}")
    if value not in choices:
        raise ValueError(f"{name} must be one of {choices}, got {value!r}")
    return value


def check_path(name: str, value: Any) -> Path:
    """Return ``value`` as a Path, or raise if it is not a str or path-like."""
    if not isinstance(value, (str, os.PathLike)):
        raise TypeError(f"{name} must be a path (a str or pathlib.Path), got {_describe(value)}")
    return Path(value)


def check_dir(name: str, value: Any) -> Path:
    """Return ``value`` as the Path of an existing folder, or raise."""
    path = check_path(name, value)
    if not path.is_dir():
        raise ValueError(f"{name} must be an existing folder, got {str(path)!r}"
                         + (" (a file)" if path.exists() else " (no such folder)"))
    return path


def check_bool(name: str, value: Any) -> bool:
    """Return ``value`` if it is True or False, else raise (no truthy strings)."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {_describe(value)}")
    return bool(value)


def _holds_none(value: Any) -> bool:
    """Say whether ``value`` is None or a (nested) sequence holding a None."""
    if value is None:
        return True
    if isinstance(value, np.ndarray) and value.dtype != object:
        return False
    try:
        return any(item is None for item in np.asarray(value, dtype=object).ravel())
    except (TypeError, ValueError):
        return False


def _is_stream(value: Any) -> bool:
    """Say whether ``value`` is a ``tf.data.Dataset``, a generator or an iterator.

    NumPy cannot turn those into an array of numbers: they hold batches
    (and often labels too) that must be collected first.
    """
    if isinstance(value, (np.ndarray, list, tuple, str, bytes)):
        return False
    return hasattr(value, "element_spec") or (
        hasattr(value, "__next__") and hasattr(value, "__iter__"))


def check_array(
    name: str,
    value: Any,
    *,
    ndim: int | tuple[int, ...] | None = None,
    allow_empty: bool = False,
) -> np.ndarray:
    """Return ``value`` as a finite float array with the given number of dims.

    ``None`` (a placeholder not yet filled in) and, unless ``allow_empty``,
    an array with no rows are refused with their own message, so neither
    turns into a misleading "NaN" error or a silent empty result.
    """
    if _holds_none(value):
        what = "None" if value is None else "a None"
        raise TypeError(f"{name} must be an array of numbers, got {what} ({_describe(value)})")
    if _is_stream(value):
        raise TypeError(
            f"{name} must be an array of numbers, got a stream of batches ({_describe(value)}): "
            f"pass the arrays themselves (e.g. data.x_test), or collect the batches first, "
            f"np.concatenate([batch for batch, _ in dataset])"
        )
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(
            f"{name} must be an array of numbers, got {_describe(value)}"
        ) from None
    allowed = (ndim,) if isinstance(ndim, int) else ndim
    if allowed is not None and array.ndim not in allowed:
        wanted = " or ".join(f"{d}-D" for d in allowed)
        raise ValueError(f"{name} must be a {wanted} array, got shape {array.shape}")
    if not allow_empty and array.ndim > 0 and array.shape[0] == 0:
        raise ValueError(f"{name} must hold at least one row, got an empty array {array.shape}")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must hold only finite numbers, got NaN or inf")
    return array


def check_labels(name: str, value: Any, *, n_classes: int | None = None) -> np.ndarray:
    """Return class labels as a 1-D int64 array, or raise.

    Accepts integer labels of shape ``(n,)`` or ``(n, 1)``, also stored as
    floats (``2.0``). Refuses fractions (``0.5``: truncating them would be
    a silent wrong answer), negative labels, labels >= ``n_classes``, and
    one-hot rows (shape ``(n, k)``), naming the fix.
    """
    array = check_array(name, value, ndim=(1, 2))
    if array.ndim == 2 and array.shape[1] == 1:
        array = array[:, 0]
    if array.ndim == 2:
        raise ValueError(
            f"{name} must hold one integer class label per row, got shape {array.shape} "
            f"(one-hot rows?): pass {name}.argmax(axis=1)"
        )
    fractional = array[array != np.round(array)]
    if fractional.size:
        raise ValueError(
            f"{name} must hold integer class labels 0, 1, 2, ..., got {fractional[0]:g}: "
            "a regression target needs a regression model (linear output, MSE loss)"
        )
    if array.min() < 0 or (n_classes is not None and array.max() >= n_classes):
        wanted = "0 .. n_classes - 1" if n_classes is None else f"0 .. {n_classes - 1}"
        raise ValueError(
            f"{name} must hold class labels in {wanted}, got labels from "
            f"{array.min():g} to {array.max():g}"
        )
    return array.astype(np.int64)


def check_same_length(name_a: str, a: np.ndarray, name_b: str, b: np.ndarray) -> None:
    """Raise unless ``a`` and ``b`` have the same number of rows."""
    if len(a) != len(b):
        raise ValueError(
            f"{name_a} and {name_b} must have the same number of rows, "
            f"got {len(a)} and {len(b)}"
        )


def check_model_input(name: str, model: Any, x: np.ndarray) -> None:
    """Raise unless the rows of ``x`` have the shape ``model`` was built for.

    Does nothing for models without a single, defined input shape.
    """
    try:
        expected = tuple(model.input_shape)
    except (AttributeError, ValueError, TypeError):
        return
    check_rows_fit(name, expected, x)


def check_rows_fit(name: str, expected: tuple, x: np.ndarray) -> None:
    """Raise unless the rows of ``x`` fit one input of shape ``expected`` (batch axis first)."""
    if not expected or isinstance(expected[0], (tuple, list)):
        return  # several inputs: Keras checks those itself
    wanted, got = expected[1:], x.shape[1:]
    if len(wanted) != len(got) or any(w is not None and w != g for w, g in zip(wanted, got)):
        raise ValueError(
            f"{name} has rows of shape {got}, but the model expects rows of shape "
            f"{wanted} (its input shape is {expected})"
        )


def is_keras_model(model: Any) -> bool:
    """Whether ``model`` is a Keras model (without importing Keras)."""
    keras = sys.modules.get("keras")  # loaded already if model is a Keras model
    return keras is not None and isinstance(model, keras.Model)


def renamed_argument(name: str, value: Any, old_name: str, old_value: Any) -> Any:
    """``value``, or ``old_value`` given under the argument's old name (with a warning)."""
    if old_value is None:
        return value
    if value is not None:
        raise TypeError(f"give {name} only ({old_name} is its old name)")
    warnings.warn(f"{old_name} is renamed {name}", DeprecationWarning, stacklevel=3)
    return old_value


def check_keras_model(name: str, model: Any, *, what: str = "a keras.Model") -> Any:
    """Return ``model`` if it is a Keras model, else raise a TypeError naming ``name``."""
    if not is_keras_model(model):
        raise TypeError(f"{name} must be {what}, got {_describe(model)}")
    return model
