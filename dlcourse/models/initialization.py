"""Drawing a model's weights anew from a named initialiser (chapter 2)."""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse._checks import check_choice, check_int, check_keras_model
from dlcourse._keras import keras

__all__ = ["INITIALIZERS", "reinitialize"]


#: Weight initialisers :func:`reinitialize` accepts (Keras names).
INITIALIZERS = ("glorot_uniform", "glorot_normal", "he_uniform", "he_normal",
                "lecun_normal", "random_normal")


def _dense_layers(name: str, model: Any) -> list[keras.layers.Dense]:
    check_keras_model(name, model)
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
