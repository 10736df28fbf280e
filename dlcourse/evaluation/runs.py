"""Comparing training runs: epochs to a target, generalization gaps, accuracy by data size, timings.

No TensorFlow import here: the helpers take any model that
:func:`dlcourse.evaluation.model_outputs` runs (a Keras model, a
scikit-learn estimator, a function), or a training function to call.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from dlcourse._checks import (
    _describe,
    check_array,
    check_choice,
    check_float,
    check_int,
    check_labels,
    check_same_length,
)
from dlcourse.data.subsets import stratified_subset
from dlcourse.evaluation.predictions import class_probabilities, model_outputs

__all__ = [
    "accuracy_by_size",
    "epochs_to_reach",
    "generalization_gap",
    "multiply_adds",
    "seconds_per_epoch",
    "training_seconds",
]


def epochs_to_reach(curve: Any, target: float, *, mode: str = "min") -> int | None:
    """The first epoch (counting from 1) at which ``curve`` reaches ``target``.

    Parameters
    ----------
    curve : sequence of float
        One value per epoch, e.g. ``history.history["loss"]``.
    target : float
        The value to reach.
    mode : {"min", "max"}, default "min"
        ``"min"`` for a curve that should fall (a loss: reached at or below
        ``target``), ``"max"`` for one that should rise (an accuracy:
        reached at or above ``target``), as in Keras' callbacks.

    Returns
    -------
    int or None
        None if the curve never gets there.

    Examples
    --------
    >>> epochs_to_reach([1.0, 0.6, 0.4, 0.3], 0.5)
    3
    >>> epochs_to_reach([1.0, 0.9], 0.5) is None
    True
    >>> epochs_to_reach([0.5, 0.8, 0.93], 0.9, mode="max")
    3
    """
    curve = check_array("curve", curve, ndim=1)
    target = check_float("target", target)
    mode = check_choice("mode", mode, ("min", "max"))
    reached = np.flatnonzero(curve <= target if mode == "min" else curve >= target)
    return int(reached[0]) + 1 if reached.size else None


def generalization_gap(
    model: Any, x_train: Any, y_train: Any, x_val: Any, y_val: Any, *,
    task: str = "classification",
) -> dict[str, float]:
    """Loss of a model on its training and on its validation data, and the gap.

    The losses are computed here, on the final model's predictions, so a
    model trained with dropout is measured without it (as it predicts), and
    an L2 penalty is not counted: only how well it fits the data.

    Parameters
    ----------
    model : object with ``predict``, or callable
        A classifier returning class probabilities (or logits) of shape
        ``(n, k)``, or one per row for two classes (a sigmoid); or a
        regressor returning one value per row (per target column).
    x_train, y_train : array-like
        The training inputs and targets (integer labels for a classifier).
    x_val, y_val : array-like
        The validation inputs and targets.
    task : {"classification", "regression"}, default "classification"
        A classifier is scored by cross-entropy
        (:func:`dlcourse.losses.sparse_categorical_cross_entropy`) and
        accuracy, a regressor by mean squared error.

    Returns
    -------
    dict
        ``train_loss``, ``val_loss`` and ``loss_gap`` (validation minus
        training); for a classifier also ``train_accuracy``,
        ``val_accuracy`` and ``accuracy_gap`` (training minus validation).

    Examples
    --------
    >>> import numpy as np
    >>> def model(x):  # always 80 % sure of class 0
    ...     return np.tile([0.8, 0.2], (len(x), 1))
    >>> gap = generalization_gap(model, np.zeros((2, 1)), [0, 0], np.zeros((2, 1)), [0, 1])
    >>> round(gap["loss_gap"], 4), gap["accuracy_gap"]
    (0.6931, 0.5)
    >>> def line(x):  # predicts 2 * x
    ...     return 2 * x[:, 0]
    >>> generalization_gap(line, [[1.0]], [2.0], [[1.0]], [3.0], task="regression")
    {'train_loss': 0.0, 'val_loss': 1.0, 'loss_gap': 1.0}
    """
    classify = check_choice("task", task, ("classification", "regression")) == "classification"
    scores = {}
    for part, x, y in (("train", x_train, y_train), ("val", x_val, y_val)):
        x = check_array(f"x_{part}", x, ndim=(2, 3, 4))
        y = check_labels(f"y_{part}", y) if classify else check_array(f"y_{part}", y, ndim=(1, 2))
        check_same_length(f"x_{part}", x, f"y_{part}", y)
        if classify:
            scores.update(_classification_scores(model, x, y, part))
        else:
            scores[f"{part}_loss"] = _regression_loss(model, x, y, part)
    scores["loss_gap"] = scores["val_loss"] - scores["train_loss"]
    if classify:
        scores["accuracy_gap"] = scores["train_accuracy"] - scores["val_accuracy"]
    return scores


def _classification_scores(model: Any, x: np.ndarray, y: np.ndarray,
                           part: str) -> dict[str, float]:
    """Cross-entropy and accuracy on one part; probabilities or logits, any number of classes."""
    from dlcourse.scratch.losses import sparse_categorical_cross_entropy

    try:
        probabilities = class_probabilities(model, x, names=("model", f"x_{part}"))
    except ValueError as error:
        raise ValueError(f"{error}; for a regressor pass task='regression'") from None
    if y.max() >= probabilities.shape[1]:
        raise ValueError(
            f"y_{part} holds the label {int(y.max())}, but the model outputs scores for "
            f"{probabilities.shape[1]} classes (0 .. {probabilities.shape[1] - 1})"
        )
    return {f"{part}_loss": sparse_categorical_cross_entropy(y, probabilities),
            f"{part}_accuracy": float(np.mean(probabilities.argmax(axis=1) == y))}


def _regression_loss(model: Any, x: np.ndarray, y: np.ndarray, part: str) -> float:
    """Mean squared error on one part; the output must have the shape of the targets."""
    from dlcourse.scratch.losses import mean_squared_error

    output = check_array("model's output", model_outputs(model, x), ndim=(1, 2))
    output, y = (a[:, 0] if a.ndim == 2 and a.shape[1] == 1 else a for a in (output, y))
    if output.shape != y.shape:
        raise ValueError(
            f"model must make one prediction per target of y_{part}, shape {y.shape}, got "
            f"output shape {output.shape}"
        )
    return mean_squared_error(y, output)


def accuracy_by_size(
    train: Callable[[np.ndarray, np.ndarray], Any],
    x_train: Any,
    y_train: Any,
    x_test: Any,
    y_test: Any,
    sizes: Sequence[int],
    *,
    seed: int = 0,
) -> dict[int, float]:
    """Test accuracy of one training recipe on training sets of growing size.

    For each size, a stratified random subset of the training rows is
    drawn (the same seed for every size), ``train(x, y)`` fits a fresh model
    on it and returns it, and its accuracy on the *whole* test set is
    recorded. ``train`` may return any model
    :func:`dlcourse.evaluation.accuracy` accepts (Keras or scikit-learn).

    Returns
    -------
    dict
        ``{size: test accuracy}``, in the order of ``sizes``.

    Examples
    --------
    >>> from sklearn.linear_model import LogisticRegression
    >>> from dlcourse.data import load_digits
    >>> data = load_digits()
    >>> curve = accuracy_by_size(lambda x, y: LogisticRegression().fit(x, y),
    ...                          data.x_train, data.y_train, data.x_test, data.y_test,
    ...                          [50, 400])
    >>> curve[50] < curve[400]
    True
    """
    from dlcourse.evaluation import accuracy

    if not callable(train):
        raise TypeError(
            f"train must be a function train(x, y) returning a fitted model, got {_describe(train)}"
        )
    x_train = check_array("x_train", x_train, ndim=(2, 3, 4))
    y_train = check_labels("y_train", y_train)
    check_same_length("x_train", x_train, "y_train", y_train)
    x_test = check_array("x_test", x_test, ndim=x_train.ndim)
    y_test = check_labels("y_test", y_test)
    check_same_length("x_test", x_test, "y_test", y_test)
    if isinstance(sizes, (str, bytes)) or not isinstance(sizes, Sequence) or not sizes:
        raise TypeError(f"sizes must be a non-empty list of row counts, got {_describe(sizes)}")
    sizes = [check_int(f"sizes[{k}]", n, minimum=1) for k, n in enumerate(sizes)]
    seed = check_int("seed", seed, minimum=0)
    scores = {}
    for size in sizes:
        rows = stratified_subset(y_train, size, seed)
        model = train(x_train[rows], y_train[rows])
        scores[size] = accuracy(model, x_test, y_test)
    return scores


def training_seconds(train: Callable[[], Any]) -> tuple[Any, float]:
    """Run ``train()`` and return what it returns with the seconds it took (wall clock).

    Examples
    --------
    >>> result, seconds = training_seconds(lambda: sum(range(1000)))
    >>> result, seconds >= 0
    (499500, True)
    """
    if not callable(train):
        raise TypeError(f"train must be a function of no arguments, got {_describe(train)}")
    start = time.perf_counter()
    result = train()
    return result, time.perf_counter() - start


def seconds_per_epoch(
    model: Any, x: Any, y: Any, *, epochs: int = 3, batch_size: int = 32, clock: str = "wall"
) -> float:
    """Seconds of one training epoch of ``model`` on ``x``, ``y``.

    Trains for ``epochs`` epochs with :func:`dlcourse.training.fit` (no
    validation) and returns the fastest epoch after the first, which also
    pays for building the graph (with ``epochs=1``, that first epoch).
    The model's weights change: time a copy, or a model you will retrain.

    ``clock="wall"`` measures elapsed time; ``clock="cpu"`` the processor
    time of this process (all its threads), which other programs running
    on the same machine do not inflate.

    Examples
    --------
    >>> import numpy as np
    >>> from dlcourse.models import build_mlp
    >>> model = build_mlp(4, hidden_units=(8,), output_units=3, output_activation="softmax")
    >>> seconds = seconds_per_epoch(model, np.zeros((64, 4)), np.zeros(64))
    >>> 0 < seconds < 60
    True
    """
    from dlcourse._keras import keras
    from dlcourse.training import EpochTimer, fit

    if not isinstance(model, keras.Model):
        raise TypeError(f"model must be a compiled keras.Model, got {_describe(model)}")
    epochs = check_int("epochs", epochs, minimum=1)
    batch_size = check_int("batch_size", batch_size, minimum=1)
    timer = EpochTimer(clock)
    fit(model, x, y, epochs=epochs, batch_size=batch_size, validation_split=0.0,
        callbacks=[timer])
    return float(min(timer.seconds[1:] or timer.seconds))


# The British spelling, as the book first named it (kept so old code runs).
generalisation_gap = generalization_gap


def multiply_adds(model: Any) -> int:
    """Multiply-adds of one forward pass of ``model`` on one example.

    Counts the arithmetic that dominates a network's cost: a ``Dense``
    layer does ``inputs x units`` multiply-adds, a convolution does
    ``kernel size x input channels x filters`` at *every* output position
    (it reuses each weight across the image, so its cost grows with the
    image while its parameter count does not). Pooling, activations and
    biases are left out (a few per cent at most). A training step costs
    roughly three forward passes (forward, and two products backward).

    Parameters
    ----------
    model : keras.Model
        A built model made of ``Dense``, ``Conv1D``/``Conv2D`` and
        parameter-free layers; nested models are counted layer by layer.

    Returns
    -------
    int
        Multiply-adds per example.

    Examples
    --------
    >>> import keras
    >>> model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3)])
    >>> multiply_adds(model)
    12
    """
    layers = getattr(model, "layers", None)
    if layers is None:
        raise TypeError(f"model must be a built Keras model, got "
                        f"{_describe(model)}")
    total = 0
    for layer in layers:
        kind = type(layer).__name__
        if hasattr(layer, "layers"):
            total += multiply_adds(layer)
        elif kind in ("Dense", "EinsumDense"):
            kernel = layer.kernel.shape
            total += int(np.prod(kernel))
        elif kind in ("Conv1D", "Conv2D", "Conv3D"):
            positions = int(np.prod(layer.output.shape[1:-1]))
            total += positions * int(np.prod(layer.kernel.shape))
        elif layer.count_params() and kind not in (
                "BatchNormalization", "LayerNormalization", "Normalization"):
            raise ValueError(f"multiply_adds cannot count layer "
                             f"{layer.name!r} of type {kind}; it counts "
                             f"Dense and Conv layers")
    return total
