"""Backpropagation from scratch: a two-layer network in NumPy (chapter 3).

The network is ``x -> ReLU(x W1 + b1) -> softmax(h W2 + b2)``, trained with
the cross-entropy of integer class labels. Its parameters live in a dict
``{"W1", "b1", "W2", "b2"}`` shaped as Keras' ``Dense`` weights, so they
can be copied into a Keras model and back. :func:`backward_two_layer` is
the chain rule written out layer by layer (Rumelhart, Hinton & Williams,
1986); the tests check its gradients against ``tf.GradientTape`` and
against :func:`numerical_gradients` to 1e-5.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from dlcourse._checks import (
    check_array,
    check_float,
    check_int,
    check_labels,
    check_same_length,
)
from dlcourse.scratch.activations import relu, softmax

__all__ = [
    "backward_two_layer",
    "forward_two_layer",
    "init_two_layer",
    "loss_and_gradients",
    "numerical_gradients",
    "PARAMETER_NAMES",
    "predict_two_layer",
    "sgd_update",
    "train_two_layer",
    "two_layer_loss",
]

#: The parameter names, in the order of the layers.
PARAMETER_NAMES = ("W1", "b1", "W2", "b2")


def _check_params(params: Any) -> dict[str, np.ndarray]:
    if not isinstance(params, Mapping) or set(params) != set(PARAMETER_NAMES):
        got = sorted(params) if isinstance(params, Mapping) else type(params).__name__
        raise TypeError(f"params must be a dict with keys {list(PARAMETER_NAMES)}, got {got}")
    out = {name: check_array(f"params[{name!r}]", params[name], ndim=2 if name[0] == "W" else 1)
           for name in PARAMETER_NAMES}
    d, h = out["W1"].shape
    h2, k = out["W2"].shape
    if out["b1"].shape != (h,) or h2 != h or out["b2"].shape != (k,):
        shapes = {name: value.shape for name, value in out.items()}
        raise ValueError(f"params have shapes that do not chain: {shapes}; expected W1 (d, h), "
                         "b1 (h,), W2 (h, k), b2 (k,)")
    return out


def _check_x(x: Any, params: dict[str, np.ndarray]) -> np.ndarray:
    x = check_array("x", x, ndim=2)
    if x.shape[1] != params["W1"].shape[0]:
        raise ValueError(f"x has {x.shape[1]} features but params['W1'] expects "
                         f"{params['W1'].shape[0]}")
    return x


def init_two_layer(n_inputs: int, n_hidden: int, n_classes: int, *, seed: int = 0
                   ) -> dict[str, np.ndarray]:
    """Random starting parameters: He-normal ``W1``, Glorot-uniform ``W2``, zero biases.

    He initialisation (He et al., 2015) keeps the ReLU layer's outputs at a
    steady scale; Glorot's (Glorot & Bengio, 2010) suits the softmax layer.

    Examples
    --------
    >>> params = init_two_layer(64, 32, 10)
    >>> {name: value.shape for name, value in params.items()}
    {'W1': (64, 32), 'b1': (32,), 'W2': (32, 10), 'b2': (10,)}
    """
    n_inputs = check_int("n_inputs", n_inputs, minimum=1)
    n_hidden = check_int("n_hidden", n_hidden, minimum=1)
    n_classes = check_int("n_classes", n_classes, minimum=2)
    rng = np.random.default_rng(check_int("seed", seed, minimum=0))
    limit = np.sqrt(6 / (n_hidden + n_classes))
    return {
        "W1": rng.normal(scale=np.sqrt(2 / n_inputs), size=(n_inputs, n_hidden)),
        "b1": np.zeros(n_hidden),
        "W2": rng.uniform(-limit, limit, size=(n_hidden, n_classes)),
        "b2": np.zeros(n_classes),
    }


def forward_two_layer(params: Mapping[str, np.ndarray], x: Any
                      ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """The forward pass: class probabilities, and what the backward pass needs.

    Returns
    -------
    probabilities : np.ndarray of shape (n, k)
    cache : dict
        The layer's inputs and pre-activations ``x, z1, h, z2``.

    Examples
    --------
    >>> params = init_two_layer(4, 3, 2)
    >>> probabilities, cache = forward_two_layer(params, np.ones((5, 4)))
    >>> probabilities.shape, sorted(cache)
    ((5, 2), ['h', 'x', 'z1', 'z2'])
    """
    params = _check_params(params)
    return _forward(params, _check_x(x, params))


def _forward(params: dict[str, np.ndarray], x: np.ndarray
             ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    z1 = x @ params["W1"] + params["b1"]
    h = relu(z1)
    z2 = h @ params["W2"] + params["b2"]
    return softmax(z2), {"x": x, "z1": z1, "h": h, "z2": z2}


def backward_two_layer(params: Mapping[str, np.ndarray], cache: Mapping[str, np.ndarray],
                       y: Any) -> dict[str, np.ndarray]:
    """The backward pass: the gradient of the mean cross-entropy for each parameter.

    The chain rule, from the loss back to the first layer:

    - output: ``dz2 = (p - onehot(y)) / n`` (softmax and cross-entropy together)
    - ``dW2 = h.T @ dz2``, ``db2 = sum(dz2)``, and back to the hidden layer
      ``dh = dz2 @ W2.T``
    - through the ReLU: ``dz1 = dh * (z1 > 0)``
    - ``dW1 = x.T @ dz1``, ``db1 = sum(dz1)``

    Examples
    --------
    >>> params = init_two_layer(4, 3, 2)
    >>> _, cache = forward_two_layer(params, np.ones((5, 4)))
    >>> grads = backward_two_layer(params, cache, [0, 1, 0, 1, 1])
    >>> grads["W1"].shape == params["W1"].shape
    True
    """
    params = _check_params(params)
    if not isinstance(cache, Mapping) or not {"x", "z1", "h", "z2"} <= set(cache):
        raise TypeError("cache must be the dict that forward_two_layer returned")
    n_classes = params["W2"].shape[1]
    y = check_labels("y", y, n_classes=n_classes)
    check_same_length("y", y, "cache['x']", cache["x"])
    return _backward(params, cache, y)


def _backward(params: dict[str, np.ndarray], cache: Mapping[str, np.ndarray], y: np.ndarray
              ) -> dict[str, np.ndarray]:
    n = len(y)
    dz2 = softmax(cache["z2"])
    dz2[np.arange(n), y] -= 1.0
    dz2 /= n
    dh = dz2 @ params["W2"].T
    dz1 = dh * _relu_derivative(cache["z1"])
    return {
        "W1": cache["x"].T @ dz1,
        "b1": dz1.sum(axis=0),
        "W2": cache["h"].T @ dz2,
        "b2": dz2.sum(axis=0),
    }


def _relu_derivative(z: np.ndarray) -> np.ndarray:
    # d relu / dz: 1 where z > 0, else 0 (Keras' convention at z = 0).
    return (z > 0).astype(z.dtype)


def two_layer_loss(params: Mapping[str, np.ndarray], x: Any, y: Any) -> float:
    """Mean cross-entropy of the network's predictions for integer labels ``y``.

    Examples
    --------
    >>> params = init_two_layer(4, 3, 2)
    >>> round(two_layer_loss(params, np.zeros((2, 4)), [0, 1]), 4)  # log 2: a coin toss
    0.6931
    """
    probabilities, _ = forward_two_layer(params, x)
    y = check_labels("y", y, n_classes=probabilities.shape[1])
    check_same_length("x", probabilities, "y", y)
    return float(-np.mean(np.log(np.maximum(probabilities[np.arange(len(y)), y], 1e-300))))


def loss_and_gradients(params: Mapping[str, np.ndarray], x: Any, y: Any
                       ) -> tuple[float, dict[str, np.ndarray]]:
    """Forward then backward: the mean cross-entropy and its gradients.

    Examples
    --------
    >>> params = init_two_layer(4, 3, 2)
    >>> loss, grads = loss_and_gradients(params, np.zeros((2, 4)), [0, 1])
    >>> round(loss, 4), sorted(grads)
    (0.6931, ['W1', 'W2', 'b1', 'b2'])
    """
    probabilities, cache = forward_two_layer(params, x)
    y = check_labels("y", y, n_classes=probabilities.shape[1])
    check_same_length("x", probabilities, "y", y)
    loss = float(-np.mean(np.log(np.maximum(probabilities[np.arange(len(y)), y], 1e-300))))
    return loss, backward_two_layer(params, cache, y)


def numerical_gradients(params: Mapping[str, np.ndarray], x: Any, y: Any, *,
                        eps: float = 1e-5) -> dict[str, np.ndarray]:
    """Gradients by central differences: nudge each parameter by ``+-eps``.

    ``(L(theta + eps) - L(theta - eps)) / (2 eps)`` for every single
    parameter: slow (two forward passes per parameter) but free of calculus,
    so it checks :func:`backward_two_layer`.

    Examples
    --------
    >>> params = init_two_layer(3, 2, 2)
    >>> x, y = np.random.default_rng(0).normal(size=(4, 3)), [0, 1, 1, 0]
    >>> _, grads = loss_and_gradients(params, x, y)
    >>> bool(np.allclose(grads["W1"], numerical_gradients(params, x, y)["W1"], atol=1e-7))
    True
    """
    params = _check_params(params)
    eps = check_float("eps", eps, low=0, low_open=True)
    x = _check_x(x, params)
    grads = {}
    for name in PARAMETER_NAMES:
        grad = np.zeros_like(params[name])
        for index in np.ndindex(grad.shape):
            nudged = {key: value.copy() for key, value in params.items()}
            nudged[name][index] += eps
            plus = two_layer_loss(nudged, x, y)
            nudged[name][index] -= 2 * eps
            minus = two_layer_loss(nudged, x, y)
            grad[index] = (plus - minus) / (2 * eps)
        grads[name] = grad
    return grads


def sgd_update(params: Mapping[str, np.ndarray], grads: Mapping[str, np.ndarray],
               learning_rate: float) -> dict[str, np.ndarray]:
    """One step of gradient descent: ``theta <- theta - learning_rate * gradient``.

    Returns new arrays; ``params`` is left as it was.

    Examples
    --------
    >>> params = init_two_layer(2, 2, 2)
    >>> grads = {name: np.ones_like(value) for name, value in params.items()}
    >>> new = sgd_update(params, grads, 0.5)
    >>> float((params["b2"] - new["b2"])[0])
    0.5
    """
    params = _check_params(params)
    if not isinstance(grads, Mapping) or set(grads) != set(PARAMETER_NAMES):
        raise TypeError(f"grads must be a dict with keys {list(PARAMETER_NAMES)}, as "
                        f"backward_two_layer returns, got {type(grads).__name__}")
    learning_rate = check_float("learning_rate", learning_rate, low=0, low_open=True)
    new = {}
    for name in PARAMETER_NAMES:
        grad = check_array(f"grads[{name!r}]", grads[name], ndim=params[name].ndim)
        if grad.shape != params[name].shape:
            raise ValueError(f"grads[{name!r}] has shape {grad.shape}, but params[{name!r}] "
                             f"has shape {params[name].shape}")
        new[name] = params[name] - learning_rate * grad
    return new


def train_two_layer(x: Any, y: Any, *, n_hidden: int = 64, epochs: int = 30,
                    batch_size: int = 32, learning_rate: float = 0.1, seed: int = 0
                    ) -> tuple[dict[str, np.ndarray], list[float]]:
    """Train the two-layer network with mini-batch gradient descent.

    Every epoch shuffles the rows, then for each batch: forward, backward,
    update. After each epoch the loss on the whole of ``x`` is recorded.

    Returns
    -------
    params : dict
        The trained parameters.
    losses : list of float
        The training loss after each epoch.

    Examples
    --------
    >>> x = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    >>> params, losses = train_two_layer(x, [0, 1, 1, 0], n_hidden=8, epochs=300,
    ...                                  batch_size=4, learning_rate=0.5)
    >>> predict_two_layer(params, x)  # XOR, learned
    array([0, 1, 1, 0])
    """
    x = check_array("x", x, ndim=2)
    y = check_labels("y", y)
    check_same_length("x", x, "y", y)
    epochs = check_int("epochs", epochs, minimum=1)
    batch_size = check_int("batch_size", batch_size, minimum=1)
    n_classes = max(int(y.max()) + 1, 2)
    params = init_two_layer(x.shape[1], n_hidden, n_classes, seed=seed)
    learning_rate = check_float("learning_rate", learning_rate, low=0, low_open=True)
    rng = np.random.default_rng(seed)
    losses = []
    for _ in range(epochs):
        order = rng.permutation(len(x))
        for start in range(0, len(x), batch_size):
            rows = order[start:start + batch_size]
            _, cache = _forward(params, x[rows])
            grads = _backward(params, cache, y[rows])
            params = {name: params[name] - learning_rate * grads[name] for name in params}
        losses.append(two_layer_loss(params, x, y))
    return params, losses


def predict_two_layer(params: Mapping[str, np.ndarray], x: Any) -> np.ndarray:
    """The most probable class of each row of ``x``.

    Examples
    --------
    >>> params = init_two_layer(3, 4, 2)
    >>> predict_two_layer(params, np.zeros((2, 3)))
    array([0, 0])
    """
    probabilities, _ = forward_two_layer(params, x)
    return probabilities.argmax(axis=1)
