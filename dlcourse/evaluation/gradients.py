"""Per-layer gradient norms of a Keras model: vanishing gradients, measured (chapter 2).

Backpropagation multiplies one factor per layer on its way back from the
loss to the first layer; when those factors are small (a sigmoid's slope is
at most 0.25) the gradient reaching the early layers shrinks geometrically.
:func:`gradient_norms` measures it: the size of the loss's gradient with
respect to each layer's weights, on one batch, without changing the model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from dlcourse._checks import (
    check_array,
    check_model_input,
    check_same_length,
)

if TYPE_CHECKING:
    from dlcourse._keras import keras


__all__ = ["gradient_norms", "gradient_per_step"]


def gradient_norms(model: keras.Model, x: Any, y: Any, *,
                   norm: str = "rms") -> dict[str, float]:
    """The size of the loss's gradient with respect to each Dense layer's weights.

    Computes the model's compiled loss on the batch ``(x, y)``, takes its
    gradient with ``tf.GradientTape`` and returns, for each ``Dense`` layer
    from first to last, the size of the gradient of its kernel. Nothing is
    trained: the weights stay as they are.

    By default the size is the root mean square over the kernel's weights
    (``norm="rms"``): the typical gradient *per weight*, which compares
    layers of different shapes fairly. The Euclidean (Frobenius) norm of the
    whole matrix (``norm="frobenius"``) grows with the square root of the
    number of weights, so a 32 x 32 kernel's is larger than a 2 x 32 one's
    for that reason alone.

    Parameters
    ----------
    model : keras.Model
        A compiled model (its loss is the one differentiated).
    x : array-like of shape (n_samples, ...)
        A batch of inputs.
    y : array-like of shape (n_samples,) or (n_samples, n_outputs)
        Their targets, fitting the model's output and loss as for
        :func:`dlcourse.training.fit`.

    norm : {"rms", "frobenius"}, default "rms"
        Per-weight root mean square, or the norm of the whole matrix.

    Returns
    -------
    dict of str to float
        Layer name -> gradient size, in the order of the layers.

    Examples
    --------
    >>> import numpy as np
    >>> from dlcourse.models import build_mlp
    >>> model = build_mlp(2, hidden_units=(4, 4))
    >>> norms = gradient_norms(model, np.ones((8, 2)), np.ones(8))
    >>> list(norms)
    ['hidden_1', 'hidden_2', 'output']
    """
    from dlcourse._keras import keras
    from dlcourse.models.initialization import _dense_layers
    from dlcourse.training._targets import check_targets

    if norm not in ("rms", "frobenius"):
        raise ValueError(f"norm must be 'rms' or 'frobenius', got {norm!r}")
    layers = _dense_layers("model", model)
    if not model.compiled:
        raise ValueError("model must be compiled: gradient_norms differentiates its loss")
    x = check_array("x", x, ndim=(2, 3, 4, 5))
    y = check_array("y", y, ndim=(1, 2))
    check_same_length("x", x, "y", y)
    check_model_input("x", model, x)
    y = check_targets("y", y, model)
    from dlcourse._keras import tf

    x, y = x.astype(np.float32), y.astype(np.float32)
    kernels = [layer.kernel for layer in layers]
    with tf.GradientTape() as tape:
        predictions = model(x, training=False)
        # The compiled loss, as training computes it (shapes matched by Keras).
        loss = model.compute_loss(x=x, y=y, y_pred=predictions, training=False)
    grads = [keras.ops.convert_to_numpy(g) for g in tape.gradient(loss, kernels)]
    if norm == "rms":
        return {layer.name: float(np.sqrt(np.mean(np.square(g))))
                for layer, g in zip(layers, grads)}
    return {layer.name: float(np.linalg.norm(g)) for layer, g in zip(layers, grads)}


def gradient_per_step(model: keras.Model, x: Any) -> np.ndarray:
    """How strongly the model's output depends on each time step of its input.

    The norm of the gradient of the output with respect to the input at
    step ``t``, ``|d output / d x_t|``, averaged over the sequences in
    ``x``. A gradient that fades for early steps means those steps barely
    move the output, and training barely learns from them: the vanishing
    gradient of simple recurrent networks.

    Parameters
    ----------
    model : keras.Model
        A model taking sequences of shape ``(time_steps, n_features)``.
    x : array of shape (batch, time_steps, n_features)
        Input sequences.

    Returns
    -------
    np.ndarray of shape (time_steps,)
        Entry ``t`` belongs to step ``t`` (0: the oldest).

    Examples
    --------
    >>> import numpy as np
    >>> from dlcourse.models import build_rnn
    >>> gradient_per_step(build_rnn(4), np.ones((2, 4, 1))).shape
    (4,)
    """
    from dlcourse._keras import keras, tf

    if not isinstance(model, keras.Model):
        raise TypeError(f"model must be a keras.Model, got {type(model).__name__}")
    x = check_array("x", x, ndim=3)
    try:
        wanted = tuple(model.input_shape)[1:]
    except (AttributeError, ValueError, TypeError):
        wanted = None
    if wanted is not None and (len(wanted) != 2 or any(
            w is not None and w != g for w, g in zip(wanted, x.shape[1:]))):
        raise ValueError(f"x has sequences of shape {x.shape[1:]}, but the model expects "
                         f"{wanted}")
    inputs = tf.constant(x, dtype=tf.float32)
    with tf.GradientTape() as tape:
        tape.watch(inputs)
        output = tf.reduce_sum(model(inputs, training=False))
    gradient = tape.gradient(output, inputs).numpy()  # (batch, time, features)
    return np.linalg.norm(gradient, axis=2).mean(axis=0)
