"""Gradient descent by hand on a one-feature linear regression (chapter 3).

The model is a single line, ``y_hat = w * x + b``, and the loss its mean
squared error. With two parameters the loss is a surface over the
``(w, b)`` plane, which the book draws, and gradient descent is a path on
it: each step moves ``(w, b)`` against the gradient, scaled by the learning
rate.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse._checks import check_array, check_float, check_int, check_same_length

__all__ = ["gradient_descent", "line_gradient", "line_loss"]


def _xy(x: Any, y: Any) -> tuple[np.ndarray, np.ndarray]:
    x = check_array("x", x, ndim=1)
    y = check_array("y", y, ndim=1)
    check_same_length("x", x, "y", y)
    return x, y


def line_loss(x: Any, y: Any, w: Any, b: Any) -> np.ndarray:
    """Mean squared error of the line ``w * x + b`` on the points ``(x, y)``.

    ``w`` and ``b`` may be numbers or arrays of the same shape (a grid of
    candidate lines): the result has their shape, one loss per line.

    Parameters
    ----------
    x, y : array-like of shape (n,)
        The feature and the target.
    w, b : float or array-like
        Slope(s) and intercept(s).

    Returns
    -------
    np.ndarray
        The loss of each line (a 0-d array for one line).

    Examples
    --------
    >>> float(line_loss([0.0, 1.0], [1.0, 3.0], 2.0, 1.0))
    0.0
    """
    x, y = _xy(x, y)
    w = check_array("w", w, allow_empty=True)
    b = check_array("b", b, allow_empty=True)
    if w.shape != b.shape:
        raise ValueError(f"w and b must have the same shape, got {w.shape} and {b.shape}")
    # Expand (w, b) against the points: residuals of shape w.shape + (n,).
    residuals = w[..., None] * x + b[..., None] - y
    return (residuals ** 2).mean(axis=-1)


def line_gradient(x: Any, y: Any, w: float, b: float) -> tuple[float, float]:
    """Gradient of :func:`line_loss` with respect to ``(w, b)`` at one line.

    With residuals ``r = w x + b - y``: ``dL/dw = 2 mean(r x)`` and
    ``dL/db = 2 mean(r)``.

    Examples
    --------
    >>> line_gradient([0.0, 1.0], [1.0, 3.0], 0.0, 0.0)
    (-3.0, -4.0)
    """
    x, y = _xy(x, y)
    w = check_float("w", w)
    b = check_float("b", b)
    residuals = w * x + b - y
    return float(2 * np.mean(residuals * x)), float(2 * np.mean(residuals))


def gradient_descent(
    x: Any,
    y: Any,
    learning_rate: float,
    steps: int,
    *,
    start: tuple[float, float] = (0.0, 0.0),
) -> np.ndarray:
    """Fit ``y ~ w * x + b`` by gradient descent; return the path of ``(w, b)``.

    Each step is ``(w, b) <- (w, b) - learning_rate * gradient``. A learning
    rate that is too large makes the path overshoot the minimum and, past a
    limit, diverge: the loss grows at every step. The path stops early, at
    the last finite point, if the numbers overflow.

    Parameters
    ----------
    x, y : array-like of shape (n,)
        The feature and the target.
    learning_rate : float
        Step size, > 0.
    steps : int
        Number of steps, >= 1.
    start : (float, float), default (0.0, 0.0)
        The starting ``(w, b)``.

    Returns
    -------
    np.ndarray of shape (steps + 1, 2)
        Row ``t`` is ``(w, b)`` after ``t`` steps (row 0 is ``start``).

    Examples
    --------
    >>> path = gradient_descent([0.0, 1.0], [1.0, 3.0], learning_rate=0.5, steps=200)
    >>> path.shape, path[-1].round(3)
    ((201, 2), array([2., 1.]))
    """
    x, y = _xy(x, y)
    learning_rate = check_float("learning_rate", learning_rate, low=0, low_open=True)
    steps = check_int("steps", steps, minimum=1)
    if not isinstance(start, (tuple, list)) or len(start) != 2:
        raise TypeError(f"start must be a pair (w, b), got {start!r}")
    w = check_float("start[0]", start[0])
    b = check_float("start[1]", start[1])
    path = [(w, b)]
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(steps):
            residuals = w * x + b - y
            w, b = (w - learning_rate * 2 * np.mean(residuals * x),
                    b - learning_rate * 2 * np.mean(residuals))
            if not (np.isfinite(w) and np.isfinite(b)):
                break
            path.append((float(w), float(b)))
    return np.array(path)
