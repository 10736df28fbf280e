"""A model's outputs on inputs, and the class labels they stand for.

:func:`model_outputs` is the one place that runs "a model" on inputs: a
Keras model (called in batches, as ``model.predict`` would, without its
per-model graph retracing), anything with ``predict_proba``/``predict``
(scikit-learn), or a plain function. Every helper that takes a model goes
through it, so they all accept the same kinds of model.

No TensorFlow import here: a Keras model is recognised only when Keras is
already loaded.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse._checks import (
    _describe,
    check_array,
    check_int,
    check_model_input,
    is_keras_model,
)

__all__ = ["forecast", "model_outputs", "predict_classes"]

#: Rows per batch when a Keras model is run on many inputs: bounds the
#: memory of the activations, as ``model.predict`` does (its default is 32;
#: larger batches are faster for the book's small models).
BATCH_SIZE = 256


def model_outputs(model: Any, x: Any, *, probabilities: bool = False,
                  batch_size: int = BATCH_SIZE, names: tuple[str, str] = ("model", "x"),
                  ) -> np.ndarray:
    """Run ``model`` on the rows of ``x`` and return its outputs as a NumPy array.

    Parameters
    ----------
    model : keras.Model, scikit-learn estimator, or callable
        A Keras model is called on batches of ``batch_size`` rows (in
        inference mode: no dropout). An object with ``predict`` is asked for
        ``predict(x)``; with ``probabilities=True``, ``predict_proba(x)``
        is preferred where it exists. A plain function is called as
        ``model(x)``.
    x : array-like of shape (n, ...)
        Inputs, one row per example; checked against a Keras model's input
        shape before it runs.
    probabilities : bool, default False
        Ask for class probabilities rather than labels, where the model
        offers both (scikit-learn's ``predict_proba``).
    batch_size : int, default 256
        Rows per call of a Keras model.
    names : (str, str), default ("model", "x")
        What the caller calls ``model`` and ``x``, for its error messages.

    Returns
    -------
    np.ndarray
        One output (or one row of outputs) per row of ``x``.

    Examples
    --------
    >>> import numpy as np
    >>> model_outputs(lambda x: 2 * x, np.array([[1.0], [2.0]])).tolist()
    [[2.0], [4.0]]
    """
    model_name, x_name = names
    x = check_array(x_name, x, ndim=(2, 3, 4, 5))
    batch_size = check_int("batch_size", batch_size, minimum=1)
    check_model_input(x_name, model, x)
    if is_keras_model(model):
        outputs = _keras_outputs(model, x, batch_size)
    elif probabilities and callable(getattr(model, "predict_proba", None)):
        outputs = _sklearn_probabilities(model, x)
    elif callable(getattr(model, "predict", None)):
        outputs = model.predict(x)
    elif callable(model):
        outputs = model(x)
    else:
        raise TypeError(
            f"{model_name} must be a Keras model, have a predict method or be callable, "
            f"got {_describe(model)}"
        )
    outputs = np.asarray(outputs)
    if outputs.ndim == 0 or len(outputs) != len(x):
        raise ValueError(
            f"{model_name} must return one output per row of {x_name}, got output shape "
            f"{outputs.shape} for {len(x)} rows"
        )
    return outputs


def _keras_outputs(model: Any, x: np.ndarray, batch_size: int) -> np.ndarray:
    """Call a Keras model batch by batch (a direct call: ``model.predict`` would
    trace a new graph per model and warn about retracing in a notebook)."""
    from dlcourse._keras import keras

    parts = [keras.ops.convert_to_numpy(model(x[start:start + batch_size].astype(np.float32),
                                              training=False))
             for start in range(0, len(x), batch_size)]
    if not parts:
        raise ValueError("x must hold at least one row")
    return np.concatenate(parts)


def _sklearn_probabilities(model: Any, x: np.ndarray) -> np.ndarray:
    """``predict_proba``, whose columns must be the classes 0 .. k-1 in order."""
    classes = getattr(model, "classes_", None)
    if classes is not None and not np.array_equal(np.asarray(classes), np.arange(len(classes))):
        raise ValueError(
            f"model was trained on the class labels {np.asarray(classes).tolist()}, but its "
            "probability columns must stand for the classes 0 .. k-1: train it on integer "
            "labels 0 .. k-1 (as the dlcourse loaders give them)"
        )
    return model.predict_proba(x)


def predict_classes(model: Any, x: Any) -> np.ndarray:
    """Return the class label ``model`` predicts for each row of ``x``.

    ``model`` is anything with a ``predict`` method (a Keras or scikit-learn
    model) or a plain callable. Its output may be integer labels of shape
    ``(n,)`` (also stored as floats, ``2.0``, as a scikit-learn model
    trained on float labels returns them); scores of shape ``(n,)`` or
    ``(n, 1)`` (probability of class 1, cut at 0.5); or scores of shape
    ``(n, k)``, one per class (the largest wins). Labels that are not
    numbers (``"Adelie"``) are refused: train the model on integer labels.

    Examples
    --------
    >>> import numpy as np
    >>> predict_classes(lambda x: x, np.array([[0.2, 0.8], [0.9, 0.1]]))
    array([1, 0])
    """
    scores = model_outputs(model, x)
    if not (np.issubdtype(scores.dtype, np.number) or scores.dtype == bool):
        raise TypeError(
            f"model must predict numbers (integer labels or scores), but it predicted "
            f"{scores.dtype} values such as {scores.ravel()[:1].tolist()}: train it on "
            "integer labels 0 .. k-1 (as the dlcourse loaders give them)"
        )
    if scores.ndim > 2:
        raise ValueError(
            f"model must return one label or one row of scores per input row, "
            f"got output shape {scores.shape}"
        )
    if scores.ndim == 1 and _are_labels(scores):
        return scores.astype(np.int64)  # already labels (e.g. scikit-learn)
    if scores.ndim == 1 or scores.shape[1] == 1:
        return (scores.reshape(-1) > 0.5).astype(np.int64)
    return scores.argmax(axis=1)


def _are_labels(values: np.ndarray) -> bool:
    """Say whether a 1-D output holds class labels rather than probabilities.

    Integers are labels; so are whole floats once any exceeds 1 (a
    probability never does). Whole floats in {0, 1} read the same either way.
    """
    if np.issubdtype(values.dtype, np.integer):
        return True
    whole = np.all(np.isfinite(values)) and np.all(values == np.round(values))
    return bool(whole and values.min() >= 0 and values.max() > 1)


def forecast(model: Any, x: Any) -> np.ndarray:
    """The model's predictions for the windows ``x``, as a flat NumPy array.

    ``x`` holds windows of shape ``(n, time_steps, n_features)``; the model
    (any kind :func:`model_outputs` takes) must make one forecast per window.

    Examples
    --------
    >>> import numpy as np
    >>> from dlcourse.models import build_rnn
    >>> forecast(build_rnn(5), np.zeros((3, 5, 1))).shape
    (3,)
    """
    x = check_array("x", x, ndim=3)
    outputs = model_outputs(model, x)
    if outputs.ndim > 2 or (outputs.ndim == 2 and outputs.shape[1] != 1):
        raise ValueError(
            f"model must make one forecast per window, got output shape {outputs.shape}: "
            "for several steps ahead, read the model's outputs with model_outputs"
        )
    return outputs.reshape(-1)
