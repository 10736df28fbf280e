"""Per-layer gradient norms of a Keras model: vanishing gradients, measured (chapter 2).

Backpropagation multiplies one factor per layer on its way back from the
loss to the first layer; when those factors are small (a sigmoid's slope is
at most 0.25) the gradient reaching the early layers shrinks geometrically.
:func:`gradient_norms` measures it: the size of the loss's gradient with
respect to each layer's weights, on one batch, without changing the model.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse._checks import check_array, check_choice, check_int, check_model_input, check_same_length
from dlcourse._keras import keras
from dlcourse._targets import check_targets

#: Weight initialisers :func:`reinitialize` accepts (Keras names).
INITIALIZERS = ("glorot_uniform", "glorot_normal", "he_uniform", "he_normal",
                "lecun_normal", "random_normal")


def _dense_layers(name: str, model: Any) -> list[keras.layers.Dense]:
    if not isinstance(model, keras.Model):
        raise TypeError(f"{name} must be a keras.Model, got {type(model).__name__}")
    layers = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    if not layers:
        raise ValueError(f"{name} has no Dense layers to measure")
    return layers


def reinitialize(model: keras.Model, initializer: str, seed: int = 0) -> keras.Model:
    """Draw new weights for every ``Dense`` layer of ``model`` from ``initializer``.

    The kernels (weights) get fresh values from the named Keras initialiser,
    each layer with its own seed derived from ``seed``; the biases are set
    to zero. The model is changed in place and returned. Use it to compare
    initialisations on one architecture, e.g. ``"he_normal"`` (He et al.,
    2015) for ReLU networks against Keras' default ``"glorot_uniform"``
    (Glorot & Bengio, 2010).

    Parameters
    ----------
    model : keras.Model
        A built model with at least one ``Dense`` layer.
    initializer : str
        One of ``INITIALIZERS``.
    seed : int, default 0
        Seed of the draws, >= 0.

    Returns
    -------
    keras.Model
        The same model.

    Examples
    --------
    >>> from dlcourse.models import build_mlp
    >>> model = reinitialize(build_mlp(2, hidden_units=(4,)), "he_normal")
    >>> float(abs(model.layers[0].get_weights()[1]).sum())
    0.0
    """
    layers = _dense_layers("model", model)
    initializer = check_choice("initializer", initializer, INITIALIZERS)
    seed = check_int("seed", seed, minimum=0)
    for k, layer in enumerate(layers):
        draw = keras.initializers.get({"class_name": initializer,
                                       "config": {"seed": seed + k}})
        kernel, *rest = layer.get_weights()
        new = keras.ops.convert_to_numpy(draw(kernel.shape, dtype="float32"))
        layer.set_weights([new, *(np.zeros_like(w) for w in rest)])
    return model


def gradient_norms(model: keras.Model, x: Any, y: Any) -> dict[str, float]:
    """The norm of the loss's gradient with respect to each Dense layer's weights.

    Computes the model's compiled loss on the batch ``(x, y)``, takes its
    gradient with ``tf.GradientTape`` and returns, for each ``Dense`` layer
    from first to last, the Euclidean (Frobenius) norm of the gradient of its
    kernel. Nothing is trained: the weights stay as they are.

    Parameters
    ----------
    model : keras.Model
        A compiled model (its loss is the one differentiated).
    x : array-like of shape (n_samples, ...)
        A batch of inputs.
    y : array-like of shape (n_samples,) or (n_samples, n_outputs)
        Their targets, fitting the model's output and loss as for
        :func:`dlcourse.training.fit`.

    Returns
    -------
    dict of str to float
        Layer name -> gradient norm, in the order of the layers.

    Examples
    --------
    >>> import numpy as np
    >>> from dlcourse.models import build_mlp
    >>> model = build_mlp(2, hidden_units=(4, 4))
    >>> norms = gradient_norms(model, np.ones((8, 2)), np.ones(8))
    >>> list(norms)
    ['hidden_1', 'hidden_2', 'output']
    """
    layers = _dense_layers("model", model)
    if not model.compiled:
        raise ValueError("model must be compiled: gradient_norms differentiates its loss")
    x = check_array("x", x, ndim=(2, 3, 4, 5))
    y = check_array("y", y, ndim=(1, 2))
    check_same_length("x", x, "y", y)
    check_model_input("x", model, x)
    y = check_targets("y", y, model)
    import tensorflow as tf

    x, y = x.astype(np.float32), y.astype(np.float32)
    kernels = [layer.kernel for layer in layers]
    with tf.GradientTape() as tape:
        predictions = model(x, training=False)
        # The compiled loss, as training computes it (shapes matched by Keras).
        loss = model.compute_loss(x=x, y=y, y_pred=predictions, training=False)
    grads = tape.gradient(loss, kernels)
    return {layer.name: float(np.linalg.norm(keras.ops.convert_to_numpy(g)))
            for layer, g in zip(layers, grads)}
