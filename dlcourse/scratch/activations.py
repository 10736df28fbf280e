"""Activation functions and their derivatives in NumPy (chapter 2).

One home for them: :mod:`dlcourse.scratch` uses these, and the tests check
each against ``keras.activations`` (values) and ``tf.GradientTape``
(derivatives). The defaults match Keras' (``leaky_relu``'s slope 0.2,
``elu``'s alpha 1.0, the exact ``gelu``), so a Keras layer's activation name
looks up the same function here.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from dlcourse._checks import check_array, check_choice, check_float

__all__ = [
    "ACTIVATIONS",
    "derivative",
    "DERIVATIVES",
    "elu",
    "elu_derivative",
    "gelu",
    "gelu_derivative",
    "get_activation",
    "leaky_relu",
    "leaky_relu_derivative",
    "linear",
    "linear_derivative",
    "relu",
    "relu_derivative",
    "sigmoid",
    "sigmoid_derivative",
    "softmax",
    "softmax_jacobian",
    "tanh",
    "tanh_derivative",
]


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


def leaky_relu(z: np.ndarray, negative_slope: float = 0.2) -> np.ndarray:
    """Leaky ReLU: ``z`` for positive ``z``, ``negative_slope * z`` otherwise.

    The small slope below zero keeps a gradient flowing where the ReLU's is
    0. The default slope is Keras' (``keras.activations.leaky_relu``).

    >>> leaky_relu(np.array([-2.0, 3.0]))
    array([-0.4,  3. ])
    """
    z = _values(z)
    slope = check_float("negative_slope", negative_slope, low=0)
    return np.where(z > 0, z, slope * z)


def elu(z: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    """Exponential linear unit: ``z`` for positive ``z``, ``alpha * (exp(z) - 1)`` otherwise.

    >>> elu(np.array([0.0, 2.0, -50.0])).round(3)
    array([ 0.,  2., -1.])
    """
    z = _values(z)
    alpha = check_float("alpha", alpha, low=0, low_open=True)
    # expm1 of the non-positive part only: no overflow for large positive z.
    return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0.0)))


def _normal_cdf(z: np.ndarray) -> np.ndarray:
    from scipy.special import ndtr

    return ndtr(z)


def gelu(z: np.ndarray) -> np.ndarray:
    """Gaussian error linear unit, ``z * Phi(z)`` (exact form, as Keras' default).

    ``Phi`` is the standard normal distribution function: GELU weighs each
    input by how likely a standard normal value is to fall below it
    (Hendrycks & Gimpel, 2016).

    >>> gelu(np.array([-1.0, 0.0, 1.0])).round(4)
    array([-0.1587,  0.    ,  0.8413])
    """
    z = _values(z)
    return z * _normal_cdf(z)


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
    "leaky_relu": leaky_relu,
    "elu": elu,
    "gelu": gelu,
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


# Derivatives. Each takes the pre-activation ``z`` (not the activation's
# output) and returns d activation / d z, elementwise; softmax, whose outputs
# all depend on every input, returns its Jacobian instead.


def sigmoid_derivative(z: np.ndarray) -> np.ndarray:
    """Derivative of the sigmoid, ``s * (1 - s)`` with ``s = sigmoid(z)``; at most 0.25.

    >>> sigmoid_derivative(np.array([0.0, 2.0])).round(3)
    array([0.25 , 0.105])
    """
    s = sigmoid(z)
    return s * (1.0 - s)


def tanh_derivative(z: np.ndarray) -> np.ndarray:
    """Derivative of tanh, ``1 - tanh(z) ** 2``; at most 1, at ``z = 0``.

    >>> tanh_derivative(np.array([0.0, 3.0])).round(4)
    array([1.    , 0.0099])
    """
    t = tanh(z)
    return 1.0 - t * t


def relu_derivative(z: np.ndarray) -> np.ndarray:
    """Derivative of the ReLU: 1 for positive ``z``, else 0 (0 at ``z = 0``, as TensorFlow).

    >>> relu_derivative(np.array([-1.0, 0.0, 2.0]))
    array([0., 0., 1.])
    """
    return (_values(z) > 0).astype(float)


def linear_derivative(z: np.ndarray) -> np.ndarray:
    """Derivative of the identity: 1 everywhere.

    >>> linear_derivative(np.array([-1.0, 5.0]))
    array([1., 1.])
    """
    return np.ones_like(_values(z))


def leaky_relu_derivative(z: np.ndarray, negative_slope: float = 0.2) -> np.ndarray:
    """Derivative of the leaky ReLU: 1 for positive ``z``, else ``negative_slope``.

    >>> leaky_relu_derivative(np.array([-1.0, 2.0]))
    array([0.2, 1. ])
    """
    z = _values(z)
    slope = check_float("negative_slope", negative_slope, low=0)
    return np.where(z > 0, 1.0, slope)


def elu_derivative(z: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    """Derivative of the ELU: 1 for positive ``z``, else ``alpha * exp(z)``.

    >>> elu_derivative(np.array([0.0, 1.0])).round(3)
    array([1., 1.])
    """
    z = _values(z)
    alpha = check_float("alpha", alpha, low=0, low_open=True)
    return np.where(z > 0, 1.0, alpha * np.exp(np.minimum(z, 0.0)))


def gelu_derivative(z: np.ndarray) -> np.ndarray:
    """Derivative of the exact GELU, ``Phi(z) + z * phi(z)`` (``phi`` the normal density).

    >>> gelu_derivative(np.array([0.0])).round(3)
    array([0.5])
    """
    z = _values(z)
    density = np.exp(-0.5 * z * z) / np.sqrt(2.0 * np.pi)
    return _normal_cdf(z) + z * density


def softmax_jacobian(z: np.ndarray) -> np.ndarray:
    """Jacobian of the softmax over the last axis, ``diag(s) - s s^T``.

    For ``z`` of shape ``(..., k)`` it has shape ``(..., k, k)``: entry
    ``[..., i, j]`` is ``d softmax(z)_i / d z_j``.

    >>> softmax_jacobian(np.array([0.0, 0.0]))
    array([[ 0.25, -0.25],
           [-0.25,  0.25]])
    """
    s = softmax(z)
    return s[..., :, None] * (np.eye(s.shape[-1]) - s[..., None, :])


DERIVATIVES: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "sigmoid": sigmoid_derivative,
    "relu": relu_derivative,
    "tanh": tanh_derivative,
    "linear": linear_derivative,
    "softmax": softmax_jacobian,
    "leaky_relu": leaky_relu_derivative,
    "elu": elu_derivative,
    "gelu": gelu_derivative,
}


def derivative(name: str, z: np.ndarray) -> np.ndarray:
    """The derivative of the activation ``name`` at ``z`` (see ``DERIVATIVES``).

    Elementwise, same shape as ``z``; for ``"softmax"`` the Jacobian, shape
    ``z.shape + (k,)``.

    >>> derivative("tanh", np.array([0.0]))
    array([1.])
    """
    name = check_choice("name", name, DERIVATIVES)
    return DERIVATIVES[name](z)
