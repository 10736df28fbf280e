"""A simple recurrent layer, step by step, in NumPy (chapter 5)."""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse._checks import check_array, check_bool
from dlcourse.scratch.activations import get_activation

__all__ = ["rnn_step", "simple_rnn_forward"]


def _check_weights(
    kernel: Any, recurrent_kernel: Any, bias: Any
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    kernel = check_array("kernel", kernel, ndim=2)
    recurrent_kernel = check_array("recurrent_kernel", recurrent_kernel, ndim=2)
    bias = check_array("bias", bias, ndim=1)
    units = kernel.shape[1]
    if recurrent_kernel.shape != (units, units):
        raise ValueError(
            f"recurrent_kernel must have shape (units, units) = ({units}, {units}) to match "
            f"kernel {kernel.shape}, got {recurrent_kernel.shape}"
        )
    if bias.shape != (units,):
        raise ValueError(f"bias must have shape ({units},) to match kernel {kernel.shape}, "
                         f"got {bias.shape}")
    return kernel, recurrent_kernel, bias


def rnn_step(
    x_t: np.ndarray,
    h_prev: np.ndarray,
    kernel: np.ndarray,
    recurrent_kernel: np.ndarray,
    bias: np.ndarray,
    activation: str = "tanh",
) -> np.ndarray:
    """One time step of a simple recurrent layer.

    ``h_t = activation(x_t @ kernel + h_prev @ recurrent_kernel + bias)``:
    the new state mixes the current input with the previous state.

    Parameters
    ----------
    x_t : array of shape (batch, n_features)
        The inputs at this step.
    h_prev : array of shape (batch, units)
        The state after the previous step (zeros before the first).
    kernel : array of shape (n_features, units)
        Input weights ($W$).
    recurrent_kernel : array of shape (units, units)
        State-to-state weights ($U$).
    bias : array of shape (units,)
        Biases ($b$).
    activation : str, default "tanh"
        One of ``dlcourse.activations.ACTIVATIONS``.

    Returns
    -------
    np.ndarray of shape (batch, units)

    Examples
    --------
    >>> import numpy as np
    >>> rnn_step(np.array([[1.0]]), np.array([[0.5]]), np.array([[2.0]]),
    ...          np.array([[1.0]]), np.array([0.0]), activation="linear")
    array([[2.5]])
    """
    kernel, recurrent_kernel, bias = _check_weights(kernel, recurrent_kernel, bias)
    x_t = check_array("x_t", x_t, ndim=2)
    h_prev = check_array("h_prev", h_prev, ndim=2)
    if x_t.shape[1] != kernel.shape[0]:
        raise ValueError(f"x_t has {x_t.shape[1]} features but kernel expects {kernel.shape[0]}")
    if h_prev.shape != (len(x_t), kernel.shape[1]):
        raise ValueError(
            f"h_prev must have shape (batch, units) = ({len(x_t)}, {kernel.shape[1]}), "
            f"got {h_prev.shape}"
        )
    function = get_activation(activation)
    return function(x_t @ kernel + h_prev @ recurrent_kernel + bias)


def simple_rnn_forward(
    x: np.ndarray,
    kernel: np.ndarray,
    recurrent_kernel: np.ndarray,
    bias: np.ndarray,
    activation: str = "tanh",
    *,
    return_sequences: bool = False,
) -> np.ndarray:
    """Forward pass of a simple recurrent layer over whole sequences.

    Starts from the state zero and applies :func:`rnn_step` once per time
    step, with the *same* weights at every step. The weights are shaped as
    Keras' ``SimpleRNN`` keeps them, so ``layer.get_weights()`` plugs in:
    ``simple_rnn_forward(x, *layer.get_weights())``.

    Parameters
    ----------
    x : array of shape (batch, time_steps, n_features)
        The input sequences.
    kernel, recurrent_kernel, bias
        As in :func:`rnn_step`.
    activation : str, default "tanh"
        One of ``dlcourse.activations.ACTIVATIONS``.
    return_sequences : bool, default False
        Return the state after every step, not only the last.

    Returns
    -------
    np.ndarray of shape (batch, units), or (batch, time_steps, units)

    Examples
    --------
    A running sum: weights 1, no activation.

    >>> import numpy as np
    >>> x = np.array([[[1.0], [2.0], [3.0]]])
    >>> simple_rnn_forward(x, [[1.0]], [[1.0]], [0.0], "linear", return_sequences=True)[0, :, 0]
    array([1., 3., 6.])
    """
    kernel, recurrent_kernel, bias = _check_weights(kernel, recurrent_kernel, bias)
    x = check_array("x", x, ndim=3)
    return_sequences = check_bool("return_sequences", return_sequences)
    if x.shape[2] != kernel.shape[0]:
        raise ValueError(
            f"x has {x.shape[2]} features per step but kernel expects {kernel.shape[0]} "
            f"(kernel.shape = {kernel.shape})"
        )
    get_activation(activation)  # checked before the loop
    h = np.zeros((x.shape[0], kernel.shape[1]))
    states = []
    for t in range(x.shape[1]):
        h = rnn_step(x[:, t, :], h, kernel, recurrent_kernel, bias, activation)
        states.append(h)
    return np.stack(states, axis=1) if return_sequences else h
