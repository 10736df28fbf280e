"""Helpers for checker authors: naming activations and losses by what they compute.

A learner may write an activation as a name (``"relu"``), a function
(``keras.ops.relu``, a lambda), a layer (``keras.layers.ReLU()``) or a layer
class; a loss as a name or alias (``"mae"``), a function, or a
``keras.losses.Loss`` object or class. These helpers resolve each form with
``keras.activations.get`` / ``keras.losses.get`` and then name it by its
values on fixed probe inputs, so that a checker judges what is computed,
never how it is spelled.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np

# Probe inputs: values from -10 to 10 (none is 0), as rows of several units,
# so that a softmax (which mixes a row) differs from every elementwise map.
_SELU = (1.6732632423543772, 1.0507009873554805)
_erf = np.vectorize(math.erf)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


# NumPy versions of the activations a learner may use, by Keras name.
ACTIVATIONS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "linear": lambda z: z,
    "relu": lambda z: np.maximum(z, 0.0),
    "sigmoid": _sigmoid,
    "tanh": np.tanh,
    "softmax": _softmax,
    "elu": lambda z: np.where(z > 0, z, np.expm1(np.minimum(z, 0.0))),
    "selu": lambda z: _SELU[1] * np.where(z > 0, z, _SELU[0] * np.expm1(np.minimum(z, 0.0))),
    "gelu": lambda z: 0.5 * z * (1.0 + _erf(z / math.sqrt(2.0))),
    "softplus": lambda z: np.logaddexp(0.0, z),
    "silu": lambda z: z * _sigmoid(z),
    "softsign": lambda z: z / (1.0 + np.abs(z)),
    "relu6": lambda z: np.clip(z, 0.0, 6.0),
    "exponential": np.exp,
}
_GELU_TANH = (lambda z: 0.5 * z * (1.0 + np.tanh(math.sqrt(2.0 / math.pi)
                                                  * (z + 0.044715 * z ** 3))))


def _to_numpy(value: Any) -> np.ndarray:
    from dlcourse._keras import keras

    return np.asarray(keras.ops.convert_to_numpy(value), dtype=float)


def resolve_activation(identifier: Any) -> Callable | None:
    """A callable for an activation given in any form, or None if it is none.

    ``None`` and ``"linear"`` give the identity; a name, an alias in other
    case, a function, a layer object or a layer class (instantiated with
    its defaults) are all resolved.

    Examples
    --------
    >>> resolve_activation("TANH").__name__
    'tanh'
    >>> resolve_activation(42) is None
    True
    """
    from dlcourse._keras import keras

    if isinstance(identifier, type):
        try:
            identifier = identifier()
        except Exception:  # a class that needs arguments, or no layer at all
            return None
    if isinstance(identifier, str):
        for name in (identifier, identifier.strip().lower()):
            try:
                return keras.activations.get(name)
            except (ValueError, TypeError):
                continue
        return None
    if identifier is None or callable(identifier):
        try:
            return keras.activations.get(identifier)
        except (ValueError, TypeError):
            return identifier
    return None


def activation_values(function: Callable, z: np.ndarray) -> np.ndarray | None:
    """``function`` applied to ``z`` (float32), as a NumPy array; None if it fails."""
    from dlcourse._keras import keras

    try:
        out = _to_numpy(function(keras.ops.convert_to_tensor(z.astype(np.float32))))
    except Exception:  # a learner's function may fail in any way: judge, never crash
        return None
    return out if out.shape == z.shape and np.all(np.isfinite(out)) else None


def activation_probe(width: int | None = None) -> np.ndarray:
    """Probe values from -10 to 10 (none is 0), as rows of ``width`` units (6 if None)."""
    width = 6 if width is None else int(width)
    rows = max(7, -(-42 // width))
    return np.linspace(-10.0, 10.0, rows * width).reshape(rows, width)


def name_activation(function: Callable | None, width: int | None = None) -> str | None:
    """The Keras name of what ``function`` computes on probe values, or None.

    Judged by values, not by names: ``keras.layers.ReLU()``,
    ``keras.ops.relu`` and ``lambda z: keras.ops.maximum(z, 0)`` are all
    ``"relu"``; any leaky ReLU (slope ``0 < a < 1`` below zero) is
    ``"leaky_relu"``; both forms of the GELU are ``"gelu"``. ``width`` is
    the number of units the function expects per row (a ``PReLU`` layer
    has one slope per unit); None for any.

    Examples
    --------
    >>> import keras
    >>> name_activation(keras.layers.ReLU())
    'relu'
    >>> name_activation(lambda z: keras.ops.where(z > 0, z, 0.3 * z))
    'leaky_relu'
    """
    if function is None:
        return None
    z = activation_probe(width)
    out = activation_values(function, z)
    if out is None:
        return None

    def close(expected: np.ndarray) -> bool:
        return bool(np.allclose(out, expected, rtol=1e-4, atol=1e-4))

    for name, reference in ACTIVATIONS.items():
        if close(reference(z)):
            return name
    if close(_GELU_TANH(z)):
        return "gelu"
    # A leaky ReLU: the identity above 0, a slope in (0, 1) below it, the
    # same for every row (a PReLU layer may learn one slope per unit).
    negative = z < 0
    slopes = np.where(negative, out / np.where(negative, z, 1.0), np.nan)
    low, high = np.nanmin(slopes, axis=0), np.nanmax(slopes, axis=0)
    if (np.allclose(out[~negative], z[~negative], rtol=1e-4, atol=1e-4)
            and np.all(high - low < 1e-4) and np.all(low >= 0) and np.all(high < 1)
            and np.any(high > 1e-4)):
        return "leaky_relu"
    return None


def describe(identifier: Any) -> str:
    """A short name for an answer, for a hint: its own name, else its repr."""
    if isinstance(identifier, str):
        return repr(identifier)
    for attribute in ("name", "__name__"):
        name = getattr(identifier, attribute, None)
        if isinstance(name, str):
            return repr(name)
    return type(identifier).__name__


# Loss probes: labels and predictions in each form a loss may expect.
_Y01 = np.array([[0.0], [1.0], [1.0], [0.0], [1.0]])
_P01 = np.array([[0.2], [0.7], [0.4], [0.9], [0.95]])
_LOGIT01 = np.array([[-1.3], [2.1], [0.6], [-0.7], [3.2]])
_YINT = np.array([[0], [2], [1], [2], [0]])
_YHOT = np.eye(3)[_YINT[:, 0]]
_LOGITS3 = np.array([[2.0, -1.0, 0.5], [0.1, 0.2, 3.0], [-2.0, 1.5, 0.0],
                     [1.0, 1.0, -1.0], [0.3, -0.4, 2.2]])
_P3 = _softmax(_LOGITS3)
_YREAL = np.array([[1.5], [-0.3], [2.0], [0.0], [-2.5]])
_PREAL = np.array([[0.5], [0.4], [-1.0], [0.2], [1.5]])


def _bce(y: np.ndarray, p: np.ndarray) -> float:
    p = np.clip(p, 1e-7, 1 - 1e-7)
    return float(np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p))))


def _cce(y_hot: np.ndarray, p: np.ndarray) -> float:
    return float(np.mean(-np.sum(y_hot * np.log(np.clip(p, 1e-7, 1.0)), axis=-1)))


def _huber(y: np.ndarray, p: np.ndarray) -> float:
    e = np.abs(y - p)
    return float(np.mean(np.where(e <= 1.0, 0.5 * e ** 2, e - 0.5)))


# (canonical name, from_logits, probe y_true, probe y_pred, expected value).
# Ordered so that every loss meets shapes it accepts before it matches:
# integer labels come as a column, which the other losses broadcast.
_LOSS_PROBES = [
    ("sparse_categorical_crossentropy", False, _YINT, _P3, _cce(_YHOT, _P3)),
    ("sparse_categorical_crossentropy", True, _YINT, _LOGITS3, _cce(_YHOT, _P3)),
    ("categorical_crossentropy", False, _YHOT, _P3, _cce(_YHOT, _P3)),
    ("categorical_crossentropy", True, _YHOT, _LOGITS3, _cce(_YHOT, _P3)),
    ("binary_crossentropy", False, _Y01, _P01, _bce(_Y01, _P01)),
    ("binary_crossentropy", True, _Y01, _LOGIT01, _bce(_Y01, _sigmoid(_LOGIT01))),
    ("mse", False, _YREAL, _PREAL, float(np.mean((_YREAL - _PREAL) ** 2))),
    ("mae", False, _YREAL, _PREAL, float(np.mean(np.abs(_YREAL - _PREAL)))),
    ("huber", False, _YREAL, _PREAL, _huber(_YREAL, _PREAL)),
    ("log_cosh", False, _YREAL, _PREAL, float(np.mean(np.log(np.cosh(_PREAL - _YREAL))))),
]


def resolve_loss(identifier: Any) -> Callable | None:
    """A callable for a loss given in any form (name, alias, function, object, class), or None.

    Examples
    --------
    >>> resolve_loss("mae").__name__
    'mean_absolute_error'
    >>> resolve_loss(None) is None
    True
    """
    from dlcourse._keras import keras

    if identifier is None or isinstance(identifier, (bool, int, float)):
        return None
    candidates = [identifier]
    if isinstance(identifier, str):
        candidates.append(identifier.strip().lower())
    for candidate in candidates:
        try:
            loss = keras.losses.get(candidate)
        except (ValueError, TypeError):
            continue
        if loss is not None and callable(loss):
            return loss
    return None


def _loss_value(loss: Callable, y_true: np.ndarray, y_pred: np.ndarray) -> float | None:
    from dlcourse._keras import keras

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Keras warns of shapes it will refuse
            value = _to_numpy(loss(keras.ops.convert_to_tensor(y_true.astype(np.float32)),
                                   keras.ops.convert_to_tensor(y_pred.astype(np.float32))))
    except Exception:  # a loss that refuses this probe's shapes is not this loss
        return None
    value = float(np.mean(value)) if value.size else math.nan
    return value if math.isfinite(value) else None


def name_loss(loss: Callable | None) -> tuple[str, bool] | None:
    """``(canonical name, from_logits)`` of what ``loss`` computes on probes, or None.

    Canonical names: ``binary_crossentropy``, ``categorical_crossentropy``,
    ``sparse_categorical_crossentropy`` (each with ``from_logits`` True or
    False), ``mse``, ``mae``, ``huber``, ``log_cosh``.

    Examples
    --------
    >>> import keras
    >>> name_loss(resolve_loss(keras.losses.MeanAbsoluteError()))
    ('mae', False)
    >>> name_loss(resolve_loss(keras.losses.BinaryCrossentropy(from_logits=True)))
    ('binary_crossentropy', True)
    """
    if loss is None:
        return None
    for name, from_logits, y_true, y_pred, expected in _LOSS_PROBES:
        value = _loss_value(loss, y_true, y_pred)
        if value is not None and math.isclose(value, expected, rel_tol=1e-3, abs_tol=1e-4):
            return name, from_logits
    return _wrapped_loss(loss)


#: The function a Keras loss object wraps -> its canonical name.
_WRAPPED_NAMES = {
    "binary_crossentropy": "binary_crossentropy",
    "categorical_crossentropy": "categorical_crossentropy",
    "sparse_categorical_crossentropy": "sparse_categorical_crossentropy",
    "mean_squared_error": "mse", "mean_absolute_error": "mae",
    "huber": "huber", "log_cosh": "log_cosh",
}


def _wrapped_loss(loss: Any) -> tuple[str, bool] | None:
    """The loss a Keras loss object wraps, when its settings change its values.

    ``Huber(delta=2.0)``, ``BinaryCrossentropy(label_smoothing=0.1)`` or
    ``MeanSquaredError(reduction="sum")`` compute other numbers than the
    probes expect, yet are the same kind of loss: named by the function
    they wrap, with their own ``from_logits``.
    """
    name = _WRAPPED_NAMES.get(getattr(getattr(loss, "fn", None), "__name__", ""))
    if name is None:
        return None
    config = loss.get_config() if hasattr(loss, "get_config") else {}
    return name, bool(config.get("from_logits", False))
