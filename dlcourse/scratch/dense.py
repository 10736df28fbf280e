"""A neuron, a dense layer and a forward pass, in NumPy (chapter 1)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from dlcourse._checks import check_array
from dlcourse.scratch.activations import get_activation

__all__ = ["dense_forward", "mlp_forward", "neuron"]


def neuron(x: Sequence[float], w: Sequence[float], b: float, activation: str = "sigmoid") -> float:
    """Output of one artificial neuron: ``activation(w . x + b)``.

    Parameters
    ----------
    x : sequence of float, shape (n_inputs,)
        The inputs.
    w : sequence of float, shape (n_inputs,)
        One weight per input.
    b : float
        The bias.
    activation : str, default "sigmoid"
        One of ``ACTIVATIONS``: sigmoid, relu, tanh, linear.

    Returns
    -------
    float

    Examples
    --------
    >>> neuron([1.0, 2.0], [0.5, -0.25], b=0.0, activation="linear")
    0.0
    """
    x = check_array("x", x, ndim=1)
    w = check_array("w", w, ndim=1)
    if x.shape != w.shape:
        raise ValueError(f"x and w must have the same length, got {len(x)} and {len(w)}")
    b = float(check_array("b", b, ndim=0))
    return float(get_activation(activation)(np.dot(w, x) + b))


def dense_forward(
    x: np.ndarray, W: np.ndarray, b: np.ndarray, activation: str = "linear"
) -> np.ndarray:
    """Forward pass of a fully connected layer: ``activation(x @ W + b)``.

    The shapes follow Keras' ``Dense``: ``W`` has one row per input and one
    column per unit, so ``layer.get_weights()`` plugs straight in.

    Parameters
    ----------
    x : array of shape (n_samples, n_inputs) or (n_inputs,)
        A batch of inputs (or a single one).
    W : array of shape (n_inputs, n_units)
        Weights (Keras' ``kernel``).
    b : array of shape (n_units,)
        Biases.
    activation : str, default "linear"
        One of ``ACTIVATIONS``.

    Returns
    -------
    np.ndarray of shape (n_samples, n_units) (or (n_units,) for one input)

    Examples
    --------
    >>> import numpy as np
    >>> dense_forward(np.array([[1.0, 2.0]]), np.eye(2), np.zeros(2), "relu")
    array([[1., 2.]])
    """
    x = check_array("x", x, ndim=(1, 2))
    W = check_array("W", W, ndim=2)
    b = check_array("b", b, ndim=1)
    if x.shape[-1] != W.shape[0]:
        raise ValueError(
            f"x has {x.shape[-1]} features but W expects {W.shape[0]} (W.shape = {W.shape})"
        )
    if b.shape[0] != W.shape[1]:
        raise ValueError(f"b must have {W.shape[1]} entries (one per unit), got {b.shape[0]}")
    return get_activation(activation)(x @ W + b)


def mlp_forward(
    x: np.ndarray, layers: Sequence[tuple[np.ndarray, np.ndarray, str]]
) -> np.ndarray:
    """Forward pass through a stack of dense layers.

    Parameters
    ----------
    x : array of shape (n_samples, n_inputs)
        The inputs.
    layers : sequence of (W, b, activation)
        One triple per layer, first to last, as for :func:`dense_forward`.

    Returns
    -------
    np.ndarray
        The last layer's output.

    Examples
    --------
    >>> import numpy as np
    >>> layers = [(np.eye(2), np.zeros(2), "relu"), (np.ones((2, 1)), np.zeros(1), "linear")]
    >>> mlp_forward(np.array([[1.0, -2.0]]), layers)
    array([[1.]])
    """
    if isinstance(layers, (str, bytes)) or not isinstance(layers, Sequence) or not layers:
        raise TypeError("layers must be a non-empty list of (W, b, activation) triples")
    out = check_array("x", x, ndim=(1, 2))
    for k, layer in enumerate(layers):
        if not isinstance(layer, (tuple, list)) or len(layer) != 3:
            raise TypeError(f"layers[{k}] must be a triple (W, b, activation), got {layer!r}")
        W, b, activation = layer
        out = dense_forward(out, W, b, activation)
    return out
