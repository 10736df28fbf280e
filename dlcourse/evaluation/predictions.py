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

import sys
from typing import Any

import numpy as np

from dlcourse._checks import (
    _describe,
    check_array,
    check_int,
    check_model_input,
    is_keras_model,
)

__all__ = [
    "class_probabilities",
    "class_scores",
    "declared_output",
    "forecast",
    "_labels_from_scores",
    "model_outputs",
    "_n_classes_of",
    "predict_classes",
]

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
    """Call a Keras model batch by batch.

    A direct call: ``model.predict`` would trace a new graph per model and
    warn about retracing in a notebook.
    """
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


def _output_layer(model: Any) -> Any:
    """The layer that makes a functional or Sequential model's single output, or None."""
    outputs = getattr(model, "outputs", None)
    if not isinstance(outputs, (list, tuple)) or len(outputs) != 1:
        return None  # a subclassed model (no graph to read) or several outputs
    history = getattr(outputs[0], "_keras_history", None)
    layer = getattr(history, "operation", None)
    return layer if layer is not None else (model.layers[-1] if model.layers else None)


def _activation_name(layer: Any) -> str | None:
    """``"softmax"``, ``"sigmoid"``, ``"linear"``, ... for the layer's activation, or None."""
    if type(layer).__name__ == "Softmax":
        return "softmax"
    activation = getattr(layer, "activation", None)
    name = getattr(activation, "__name__", None)
    return name if isinstance(name, str) else None


def _from_logits(model: Any) -> bool:
    """Whether the model's compiled loss takes logits (``from_logits=True``)."""
    loss = getattr(model, "loss", None)
    if getattr(loss, "from_logits", False) is True:
        return True
    try:
        return loss.get_config().get("from_logits") is True
    except (AttributeError, TypeError):
        return False


def declared_output(model: Any) -> str | None:
    """What a Keras model's outputs are, read from its last layer and its loss.

    Returns ``"probabilities"`` (a softmax, or one sigmoid unit),
    ``"multi_label"`` (several sigmoid units: one yes/no answer each),
    ``"logits"`` (a linear output trained with ``from_logits=True``),
    ``"regression"`` (a non-squashed output trained with a regression loss
    such as MSE, or a scikit-learn regressor), or None when the model does
    not say (a plain function, a subclassed model, no compiled loss): then
    the values decide, see :func:`class_scores`.

    Examples
    --------
    >>> from dlcourse.models import build_mlp
    >>> declared_output(build_mlp(3, output_units=4, output_activation="softmax"))
    'probabilities'
    >>> declared_output(build_mlp(3, output_activation=None))  # compiled with MSE
    'regression'
    >>> declared_output(lambda x: x) is None
    True
    """
    if not is_keras_model(model):
        if not (callable(getattr(model, "predict", None)) or callable(model)):
            raise TypeError(f"model must be a Keras model, have a predict method or be "
                            f"callable, got {_describe(model)}")
        return "regression" if _is_sklearn_regressor(model) else None
    layer = _output_layer(model)
    activation = _activation_name(layer) if layer is not None else None
    try:
        units = model.output_shape[-1]
    except (AttributeError, ValueError, TypeError, IndexError):
        units = None
    if activation == "softmax":
        return "probabilities"
    if activation == "sigmoid":
        return "multi_label" if isinstance(units, int) and units > 1 else "probabilities"
    from dlcourse.training._targets import REGRESSION_LOSSES, loss_name

    if getattr(model, "loss", None) is not None and loss_name(model) in REGRESSION_LOSSES:
        return "regression"  # a linear, ReLU, ... output trained as a regression
    if activation in ("linear", None) and _from_logits(model):
        return "logits"
    return None  # not compiled, or no known kind of class scores: the values decide


def _is_sklearn_regressor(model: Any) -> bool:
    """Whether ``model`` is a scikit-learn regressor (without importing scikit-learn)."""
    base = sys.modules.get("sklearn.base")  # loaded already if model is an estimator
    try:
        return base is not None and bool(base.is_regressor(model))
    except (AttributeError, TypeError, ValueError):
        return False


def _regressor(model: Any) -> str:
    """How a message names a regression model: by its Keras loss, else as a regressor."""
    if not is_keras_model(model):
        return "is a regressor"
    from dlcourse.training._targets import loss_name

    return f"is compiled with the regression loss {loss_name(model)}"


def _look_like_probabilities(scores: np.ndarray) -> bool:
    """In [0, 1], and rows summing to 1 when there are several columns."""
    if scores.min() < 0 or scores.max() > 1:
        return False
    return scores.ndim == 1 or scores.shape[1] == 1 or bool(
        np.allclose(scores.sum(axis=1), 1.0, atol=1e-3))


def class_scores(model: Any, x: Any, *, names: tuple[str, str] = ("model", "x"),
                 probabilities: bool = False) -> tuple[np.ndarray, str]:
    """The model's outputs on ``x`` read as a classifier's, and what they are.

    Runs the model through :func:`model_outputs` and returns the outputs
    with their kind: ``"labels"`` (shape ``(n,)``, integer labels, e.g. a
    scikit-learn ``predict``), ``"probabilities"`` or ``"logits"`` (shape
    ``(n, 1)`` for two classes, ``(n, k)`` for k classes). A Keras model
    says which from its last layer and loss (:func:`declared_output`);
    otherwise the values decide: scores outside [0, 1], or several columns
    whose rows do not sum to 1, are logits. Refused: outputs that are not
    numbers, that are NaN or infinite, of more than 2 dimensions; a model
    compiled with a regression loss, or a scikit-learn regressor; several
    sigmoid units (multi-label: not one class per row).

    Examples
    --------
    >>> import numpy as np
    >>> x = np.zeros((2, 1))
    >>> class_scores(lambda x: np.array([[0.2], [0.9]]), x)[1]
    'probabilities'
    >>> class_scores(lambda x: np.array([[-1.5], [2.0]]), x)[1]
    'logits'
    """
    model_name, x_name = names
    scores = model_outputs(model, x, probabilities=probabilities, names=names)
    if not (np.issubdtype(scores.dtype, np.number) or scores.dtype == bool):
        raise TypeError(
            f"{model_name} must predict numbers (integer labels or scores), but it predicted "
            f"{scores.dtype} values such as {scores.ravel()[:1].tolist()}: train it on "
            "integer labels 0 .. k-1 (as the dlcourse loaders give them)"
        )
    scores = scores.astype(np.float64) if scores.dtype == bool else scores
    if scores.ndim > 2:
        raise ValueError(
            f"{model_name} must return one label or one row of scores per row of {x_name}, "
            f"got output shape {scores.shape}"
        )
    if not np.all(np.isfinite(scores)):
        raise ValueError(
            f"{model_name} returned NaN or infinite outputs for some rows of {x_name}: its "
            "training diverged (lower the learning rate), or the inputs are not scaled as in "
            "training"
        )
    declared = declared_output(model)
    if declared == "regression":
        raise ValueError(
            f"{model_name} {_regressor(model)}: its outputs are numbers, not class scores. "
            "For a classifier use Dense(k, 'softmax') with sparse_categorical_crossentropy "
            "(or Dense(1, 'sigmoid') with binary_crossentropy); to cut a regression's "
            "outputs yourself, pass lambda x: model_outputs(model, x) > cut"
        )
    if declared == "multi_label":
        raise ValueError(
            f"{model_name} has {scores.shape[1]} sigmoid outputs (multi-label: one yes/no answer "
            "each), not one score per class: cut each column at 0.5 yourself, or use "
            f"Dense({scores.shape[1]}, 'softmax') for one class per row"
        )
    if scores.ndim == 1 and _are_labels(scores):
        return scores.astype(np.int64), "labels"  # already labels (e.g. scikit-learn)
    if declared in ("probabilities", "logits"):
        return scores, declared
    return scores, "probabilities" if _look_like_probabilities(scores) else "logits"


def class_probabilities(model: Any, x: Any, *,
                        names: tuple[str, str] = ("model", "x")) -> np.ndarray:
    """The model's class probabilities for ``x``, shape ``(n, k)``, each row summing to 1.

    Probabilities are returned as they are (one sigmoid column ``p`` as the
    two columns ``1 - p, p``). Logits are turned into probabilities
    (softmax; sigmoid for one column) only when the model declares them (a
    Keras model compiled with ``from_logits=True``): scores that merely do
    not look like probabilities are refused, as are labels and 1-D outputs.

    Examples
    --------
    >>> import numpy as np
    >>> class_probabilities(lambda x: np.array([[0.2], [0.9]]), np.zeros((2, 1)))
    array([[0.8, 0.2],
           [0.1, 0.9]])
    """
    model_name, x_name = names
    scores, kind = class_scores(model, x, names=names, probabilities=True)
    if kind == "labels" or scores.ndim == 1:
        raise ValueError(
            f"{model_name} must return one row of class probabilities (or logits) per row of "
            f"{x_name}, shape (n, k), got shape {scores.shape}"
            + ("" if kind != "labels" else
               " (labels): use a classifier with predict_proba, or a Keras model ending in a "
               "softmax")
        )
    if kind == "logits" and declared_output(model) != "logits":
        raise ValueError(
            f"{model_name} must return class probabilities (each row >= 0, summing to 1), got "
            f"values from {scores.min():g} to {scores.max():g}"
            + ("" if scores.shape[1] == 1 else " in rows that do not all sum to 1")
            + ": end it with a softmax (or a sigmoid), or compile it with a loss "
            "from_logits=True so that its logits are known as such"
        )
    scores = scores.astype(np.float64)
    if scores.shape[1] == 1:
        p = scores[:, 0] if kind == "probabilities" else 1.0 / (1.0 + np.exp(-scores[:, 0]))
        return np.stack([1.0 - p, p], axis=1)
    if kind == "logits":
        shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
        return shifted / shifted.sum(axis=1, keepdims=True)
    return scores


def _n_classes_of(scores: np.ndarray, kind: str) -> int | None:
    """How many classes outputs of :func:`class_scores` can name (None for labels).

    Examples
    --------
    >>> import numpy as np
    >>> _n_classes_of(np.zeros((4, 3)), "probabilities"), _n_classes_of(np.zeros((4, 1)), "logits")
    (3, 2)
    """
    if kind == "labels":
        return None
    return 2 if scores.ndim == 1 or scores.shape[1] == 1 else int(scores.shape[1])


def _labels_from_scores(scores: np.ndarray, kind: str) -> np.ndarray:
    """Class labels from outputs of :func:`class_scores`.

    One column: probabilities are cut at 0.5, logits at 0 (the same
    boundary: sigmoid(0) = 0.5). Several columns: the largest wins, for
    probabilities and logits alike.

    Examples
    --------
    >>> import numpy as np
    >>> _labels_from_scores(np.array([[-0.2], [0.3]]), "logits").tolist()
    [0, 1]
    """
    if kind == "labels":
        return scores.astype(np.int64)
    if scores.ndim == 1 or scores.shape[1] == 1:
        cut = 0.5 if kind == "probabilities" else 0.0
        return (scores.reshape(-1) > cut).astype(np.int64)
    return scores.argmax(axis=1)


def predict_classes(model: Any, x: Any) -> np.ndarray:
    """Return the class label ``model`` predicts for each row of ``x``.

    ``model`` is anything with a ``predict`` method (a Keras or scikit-learn
    model) or a plain callable. Its output may be integer labels of shape
    ``(n,)`` (also stored as floats, ``2.0``, as a scikit-learn model
    trained on float labels returns them); one score per row, shape
    ``(n,)`` or ``(n, 1)``: the probability of class 1, cut at 0.5, or a
    logit, cut at 0; or scores of shape ``(n, k)``, one per class (the
    largest wins). Whether scores are probabilities or logits is read from
    a Keras model's last layer and loss, else from the values (see
    :func:`class_scores`, which also lists what is refused). Labels that
    are not numbers (``"Adelie"``) are refused: train the model on integer
    labels.

    Examples
    --------
    >>> import numpy as np
    >>> predict_classes(lambda x: x, np.array([[0.2, 0.8], [0.9, 0.1]]))
    array([1, 0])
    >>> predict_classes(lambda x: x, np.array([[-0.3], [0.4], [1.7]]))  # logits: cut at 0
    array([0, 1, 1])
    """
    return _labels_from_scores(*class_scores(model, x))


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
    x = check_array("x", x, ndim=(2, 3))
    if x.ndim == 2:
        raise ValueError(
            f"x must hold windows of shape (n, time_steps, n_features), got shape {x.shape}: "
            "for a series of one feature pass x[..., None]"
        )
    outputs = model_outputs(model, x)
    if outputs.ndim > 2 or (outputs.ndim == 2 and outputs.shape[1] != 1):
        raise ValueError(
            f"model must make one forecast per window, got output shape {outputs.shape}: "
            "for several steps ahead, read the model's outputs with model_outputs"
        )
    outputs = np.asarray(outputs, dtype=float).reshape(-1)
    if not np.all(np.isfinite(outputs)):
        raise ValueError(
            "model returned NaN or infinite forecasts: its training diverged (lower the "
            "learning rate), or the windows are not scaled as in training"
        )
    return outputs
