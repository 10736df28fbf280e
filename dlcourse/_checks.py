"""Input checks shared by the public functions.

Each check raises a ``TypeError`` or ``ValueError`` whose message names the
argument, what it got and what it expected, so that a bad call fails here,
in plain words, and never deep inside TensorFlow.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable
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


def check_array(
    name: str, value: Any, *, ndim: int | tuple[int, ...] | None = None
) -> np.ndarray:
    """Return ``value`` as a finite float array with the given number of dims."""
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
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must hold only finite numbers, got NaN or inf")
    return array


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
    if not expected or isinstance(expected[0], (tuple, list)):
        return  # several inputs: Keras checks those itself
    wanted, got = expected[1:], x.shape[1:]
    if len(wanted) != len(got) or any(w is not None and w != g for w, g in zip(wanted, got)):
        raise ValueError(
            f"{name} has rows of shape {got}, but the model expects rows of shape "
            f"{wanted} (its input shape is {expected})"
        )
