"""Turning a model's outputs into class labels and scores.

No TensorFlow import here: these work with any model that has a
``predict`` method (Keras, scikit-learn) or with a plain function.
"""

from __future__ import annotations

import sys
from typing import Any

import numpy as np

from dlcourse._checks import check_array, check_labels, check_model_input, check_same_length


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
    x = check_array("x", x, ndim=(2, 3, 4, 5))
    check_model_input("x", model, x)
    if hasattr(model, "predict"):
        keras = sys.modules.get("keras")  # loaded already if model is a Keras model
        if keras is not None and isinstance(model, keras.Model):
            # A direct call: model.predict would trace a new graph per model
            # and warn about retracing when a notebook evaluates several.
            scores = model(x.astype(np.float32), training=False)
        else:
            scores = model.predict(x)
    elif callable(model):
        scores = model(x)
    else:
        raise TypeError(
            f"model must have a predict method or be callable, got {type(model).__name__}"
        )
    scores = np.asarray(scores)
    if not (np.issubdtype(scores.dtype, np.number) or scores.dtype == bool):
        raise TypeError(
            f"model must predict numbers (integer labels or scores), but it predicted "
            f"{scores.dtype} values such as {scores.ravel()[:1].tolist()}: train it on "
            "integer labels 0 .. k-1 (as the dlcourse loaders give them)"
        )
    if len(scores) != len(x) or scores.ndim > 2:
        raise ValueError(
            f"model must return one label or one row of scores per input row, "
            f"got output shape {scores.shape} for {len(x)} rows"
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


def accuracy(model: Any, x: Any, y: Any) -> float:
    """Return the fraction of rows of ``x`` whose class ``model`` predicts right.

    ``model`` is as for :func:`predict_classes`; ``y`` holds the true
    integer labels, shape ``(n,)`` or ``(n, 1)`` (one-hot rows and
    fractional labels are refused, with the fix named).

    Examples
    --------
    >>> import numpy as np
    >>> accuracy(lambda x: x[:, 0], np.array([[0.9], [0.2], [0.7]]), [1, 0, 0])
    0.6666666666666666
    """
    y = check_labels("y", y)
    predicted = predict_classes(model, x)  # checks x
    check_same_length("x", predicted, "y", y)
    return float(np.mean(predicted == y))
