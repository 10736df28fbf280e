"""Activation functions in NumPy, the formulas the book derives.

One home for them: :mod:`dlcourse.scratch` uses these, and the tests check
each against ``keras.activations`` (values) and ``tf.GradientTape``
(derivatives).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from dlcourse._checks import check_array


def _values(z: object) -> np.ndarray:
    # Every activation refuses None, text and NaN with a message naming `z`.
    return check_array("z", z, allow_empty=True)


def sigmoid(z: np.ndarray) -> np.ndarray:
    """Logistic sigmoid, ``1 / (1 + exp(-z))``, squashing into (0, 1).

    >>> sigmoid(np.array([-1.0, 0.0, 1.0])).round(3)
    array([0.269, 0.5  , 0.731])
    """
    z = _values(z)
    # Two branches keep exp() from overflowing for large |z|.
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1.0 + ez)
    return out


def relu(z: np.ndarray) -> np.ndarray:
    """Rectified linear unit, ``max(0, z)``.

    >>> relu(np.array([-2.0, 0.5]))
    array([0. , 0.5])
    """
    return np.maximum(0.0, _values(z))


def tanh(z: np.ndarray) -> np.ndarray:
    """Hyperbolic tangent, squashing into (-1, 1).

    >>> tanh(np.array([0.0, 100.0]))
    array([0., 1.])
    """
    return np.tanh(_values(z))


def linear(z: np.ndarray) -> np.ndarray:
    """Identity: no activation.

    >>> linear(np.array([-2.0, 3.0]))
    array([-2.,  3.])
    """
    return _values(z)


def softmax(z: np.ndarray) -> np.ndarray:
    """Softmax over the last axis: positive scores that sum to 1.

    >>> softmax(np.array([1.0, 1.0, 1.0 + np.log(2.0)]))
    array([0.25, 0.25, 0.5 ])
    """
    z = _values(z)
    if z.ndim == 0:
        raise ValueError("z must have at least one axis for softmax to normalise over, got a single number")
    e = np.exp(z - z.max(axis=-1, keepdims=True))  # shift for stability
    return e / e.sum(axis=-1, keepdims=True)


ACTIVATIONS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "sigmoid": sigmoid,
    "relu": relu,
    "tanh": tanh,
    "linear": linear,
    "softmax": softmax,
}


def get_activation(name: str) -> Callable[[np.ndarray], np.ndarray]:
    """Return the NumPy activation called ``name`` (a key of ``ACTIVATIONS``).

    >>> get_activation("relu")(np.array([-1.0, 2.0]))
    array([0., 2.])
    """
    if not isinstance(name, str):
        raise TypeError(f"activation must be a name from {list(ACTIVATIONS)}, got {name!r}")
    if name not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {list(ACTIVATIONS)}, got {name!r}")
    return ACTIVATIONS[name]
