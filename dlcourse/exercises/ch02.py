"""Checkers of chapter 2's exercises (activation functions)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from dlcourse import activations
from dlcourse.exercises._slips import read_array
from dlcourse.exercises.verdict import Verdict, read_number

__all__ = [
    "check_collapsed_layer",
    "check_moons_classifier",
    "moons_exercise_split",
    "check_output_choices",
    "check_sigmoid_slope",
    "COLLAPSE_B1",
    "COLLAPSE_B2",
    "COLLAPSE_W1",
    "COLLAPSE_W2",
    "MOONS_TARGET",
    "OUTPUT_TASKS",
]

# Chapter 2, exercise 1: the steepest slope of the sigmoid.


def check_sigmoid_slope(answer: Any) -> Verdict:
    """Chapter 2, exercise 1: the largest value of the sigmoid's derivative.

    Examples
    --------
    >>> check_sigmoid_slope(0.5)
    Not yet. 0.5 is sigmoid(0), the function's value where it is steepest; the slope there is sigmoid(0) * (1 - sigmoid(0)).
    """
    value = read_number(answer, "a number: the largest slope of the sigmoid")
    if isinstance(value, Verdict):
        return value
    z = np.linspace(-10, 10, 20001)
    expected = float(activations.sigmoid_derivative(z).max())  # 0.25, at z = 0
    if np.isclose(value, expected, atol=1e-4):
        return Verdict(True, f"sigmoid'(0) = 0.5 * (1 - 0.5) = {expected:g}: the sigmoid's own "
                             "factor in a gradient passing back through a layer is at most 1/4; "
                             "the layer's weights multiply it too, and can make up for it or not.")
    slips = [
        (0.5, "0.5 is sigmoid(0), the function's value where it is steepest; the slope there is "
              "sigmoid(0) * (1 - sigmoid(0))."),
        (1.0, "1 is the largest slope of tanh (and of the ReLU for z > 0); the sigmoid is flatter: "
              "its slope is sigmoid(z) * (1 - sigmoid(z))."),
        (expected ** 10, "That is the bound after ten sigmoid layers; the question asks for one."),
    ]
    for wrong, hint in slips:
        if np.isclose(value, wrong, rtol=1e-3, atol=1e-9):
            return Verdict(False, hint)
    return Verdict(False, f"{answer!r} is not it. The derivative is sigmoid(z) * (1 - sigmoid(z)); "
                          "where is it largest, and what is it there?")


# Chapter 2, exercise 2: a two-layer linear network collapses to one layer.
COLLAPSE_W1 = ((1.0, -2.0, 0.5), (0.0, 1.0, 3.0))
COLLAPSE_B1 = (1.0, 0.0, -1.0)
COLLAPSE_W2 = ((2.0,), (1.0,), (-1.0,))
COLLAPSE_B2 = (0.5,)


def _as_array(value: Any, name: str) -> np.ndarray | Verdict:
    return read_array(value, f"{name}, a NumPy array of numbers")


def check_collapsed_layer(W: Any, b: Any) -> Verdict:
    """Chapter 2, exercise 2: the one layer ``x @ W + b`` equal to two linear layers.

    The two layers have weights ``COLLAPSE_W1``, ``COLLAPSE_W2`` and biases
    ``COLLAPSE_B1``, ``COLLAPSE_B2`` (Keras' shapes: inputs x units), and
    no activation.

    Examples
    --------
    >>> check_collapsed_layer(None, None)
    Not yet. Replace None with W, a NumPy array of numbers.
    """
    W = _as_array(W, "W")
    if isinstance(W, Verdict):
        return W
    b = _as_array(b, "b")
    if isinstance(b, Verdict):
        return b
    W1, W2 = np.array(COLLAPSE_W1), np.array(COLLAPSE_W2)
    b1, b2 = np.array(COLLAPSE_B1), np.array(COLLAPSE_B2)
    W_expected, b_expected = W1 @ W2, b1 @ W2 + b2
    if W.shape != W_expected.shape:
        hint = (" Mind the order: the input meets W1 first, so x @ W1 @ W2."
                if W.shape in ((1, 2), (3, 3)) else "")
        return Verdict(False, f"W should have shape {W_expected.shape} (2 inputs, 1 output), "
                              f"got {W.shape}.{hint}")
    if not np.allclose(W, W_expected, atol=1e-6):
        return Verdict(False, "W is not right: x @ W1 @ W2 = x @ (W1 @ W2), so W = W1 @ W2.")
    if b.size != b_expected.size:
        return Verdict(False, f"b should hold {b_expected.size} number (one per output), got "
                              f"shape {b.shape}.")
    b = b.reshape(b_expected.shape)
    if np.allclose(b, b_expected, atol=1e-6):
        return Verdict(True, f"W = W1 @ W2 and b = b1 @ W2 + b2 = {b_expected.tolist()}: "
                             "two linear layers are one.")
    if np.allclose(b, b2) or np.allclose(b, b1.sum() + b2):
        return Verdict(False, "W is right. The first bias also passes through the second layer: "
                              "b = b1 @ W2 + b2.")
    return Verdict(False, "W is right; b is not. Expand (x @ W1 + b1) @ W2 + b2 and collect "
                          "what does not multiply x.")


# Chapter 2, exercise 3: output activation and loss for each task.
OUTPUT_TASKS = {
    "tumour": "is a tumour malignant or benign? (labels 0 and 1)",
    "species": "which of three penguin species? (labels 0, 1, 2)",
    "species_one_hot": "which of three penguin species? (one-hot rows such as [0, 1, 0])",
    "progression": "how far will a diabetes patient's disease progress? (a number)",
}
_EXPECTED_OUTPUTS = {
    "tumour": ("sigmoid", "binary_crossentropy"),
    "species": ("softmax", "sparse_categorical_crossentropy"),
    "species_one_hot": ("softmax", "categorical_crossentropy"),
    "progression": ("linear", "mse"),
}
_LOSS_ALIASES = {"mean_squared_error": "mse", "mean_absolute_error": "mae"}
# Other losses that also suit a task (the table's choice is the first).
_ALSO_RIGHT = {"progression": {"mae", "huber"}}


def check_output_choices(answers: Any) -> Verdict:
    """Chapter 2, exercise 3: an output activation and a loss for each of ``OUTPUT_TASKS``.

    ``answers`` maps each task's key to a pair ``(activation, loss)`` of
    Keras names, e.g. ``{"tumour": ("sigmoid", "binary_crossentropy"), ...}``.

    Examples
    --------
    >>> check_output_choices({})
    Not yet. Give a pair (activation, loss) for each task: missing ['tumour', 'species', 'species_one_hot', 'progression'].
    """
    if not isinstance(answers, Mapping):
        return Verdict(False, "Answer with a dict mapping each task of OUTPUT_TASKS to a pair "
                              f"(activation, loss), got {type(answers).__name__}.")
    missing = [task for task in OUTPUT_TASKS if task not in answers]
    if missing:
        return Verdict(False, f"Give a pair (activation, loss) for each task: missing {missing}.")
    problems = []
    for task, (activation, loss) in _EXPECTED_OUTPUTS.items():
        pair = answers[task]
        if (isinstance(pair, str) or not isinstance(pair, (tuple, list)) or len(pair) != 2
                or not all(isinstance(part, str) for part in pair)):
            problems.append(f"{task}: give a pair of names (activation, loss), got {pair!r}")
            continue
        got_activation, got_loss = pair[0].lower(), _LOSS_ALIASES.get(pair[1].lower(), pair[1].lower())
        if got_activation != activation:
            problems.append(f"{task}: {got_activation!r} is not the output activation for "
                            f"{OUTPUT_TASKS[task]!r}")
        if got_loss != loss and got_loss not in _ALSO_RIGHT.get(task, ()):
            if {got_loss, loss} == {"categorical_crossentropy", "sparse_categorical_crossentropy"}:
                problems.append(f"{task}: the 'sparse_' loss takes integer labels, the other "
                                "one-hot rows; which do these labels look like?")
            else:
                problems.append(f"{task}: {got_loss!r} is not the loss for {OUTPUT_TASKS[task]!r}")
    if problems:
        return Verdict(False, "; ".join(problems) + ".")
    regression = _LOSS_ALIASES.get(answers["progression"][1].lower(),
                                   answers["progression"][1].lower())
    also = ("" if regression == "mse" else
            f" ({regression} suits regression too; the chapter uses mse)")
    return Verdict(True, "sigmoid + binary cross-entropy, softmax + (sparse) categorical "
                         f"cross-entropy, linear + a regression loss{also}.")


# Chapter 2, exercise 4: a moons classifier with another activation than the ReLU.
MOONS_TARGET = 0.97


def moons_exercise_split() -> Any:
    """Exercise 4's data: ``load_moons()``'s training rows, split for validation.

    Train on ``x_train``/``y_train``; :func:`check_moons_classifier` judges
    the model on ``x_val``/``y_val`` and reports the test accuracy once.

    Examples
    --------
    >>> split = moons_exercise_split()
    >>> len(split.x_train), len(split.x_val)
    (640, 160)
    """
    from dlcourse.data import load_moons
    from dlcourse.exercises.ch01 import validation_split_of

    return validation_split_of(load_moons())


# Activation layers, by class name -> the activation they compute.
_ACTIVATION_LAYERS = {"ReLU": "relu", "LeakyReLU": "leaky_relu", "ELU": "elu",
                      "PReLU": "prelu", "Softmax": "softmax"}


def _flat_layers(model: Any) -> list:
    """The layers of a model in order, nested models opened up."""
    layers = []
    for layer in getattr(model, "layers", []):
        if getattr(layer, "layers", None):
            layers.extend(_flat_layers(layer))
        else:
            layers.append(layer)
    return layers


def _hidden_activations(model: Any) -> list[str]:
    """The activations applied before the last Dense layer, however written.

    An activation counts as the Dense layer's ``activation=``, an
    ``Activation(...)`` layer, or an activation layer such as
    ``LeakyReLU()``; a ``ReLU`` layer with a negative slope is leaky.
    """
    from dlcourse._keras import keras

    layers = _flat_layers(model)
    dense = [i for i, layer in enumerate(layers) if isinstance(layer, keras.layers.Dense)]
    found = []
    for layer in layers[:dense[-1]] if dense else []:
        name = None
        if isinstance(layer, (keras.layers.Dense, keras.layers.Activation)):
            name = getattr(layer.activation, "__name__", None)
        elif type(layer).__name__ in _ACTIVATION_LAYERS:
            name = _ACTIVATION_LAYERS[type(layer).__name__]
            if name == "relu" and float(getattr(layer, "negative_slope", 0) or 0) > 0:
                name = "leaky_relu"
        if name and name not in ("linear", "identity"):
            found.append(name)
    return found


def _border_is_straight(model: Any) -> bool:
    """Whether the model's class-1 score is an affine function of its input.

    Probes the model on 400 points of the plane: the log-odds of class 1
    (from one sigmoid unit, or two softmax units, or raw scores) fitted by
    a plane leaves no residual exactly when the border is a straight line.
    """
    from dlcourse._keras import keras

    probe = np.random.default_rng(0).uniform(-2.5, 2.5, size=(400, 2)).astype(np.float32)
    out = np.asarray(keras.ops.convert_to_numpy(model(probe, training=False)), dtype=float)
    out = out.reshape(len(probe), -1)
    probabilities = np.all((out >= 0) & (out <= 1))
    if out.shape[1] == 1:
        score = out[:, 0]
        if probabilities:
            keep = (score > 1e-5) & (score < 1 - 1e-5)
            probe, score = probe[keep], np.log(score[keep] / (1 - score[keep]))
    else:
        if probabilities:
            keep = np.all(out > 1e-5, axis=1)
            probe, out = probe[keep], np.log(out[keep])
        score = out[:, 1] - out[:, 0]
    if len(score) < 20 or np.std(score) == 0:
        return True  # a constant or saturated output draws no curved border
    design = np.column_stack([probe, np.ones(len(probe))])
    residual = score - design @ np.linalg.lstsq(design, score, rcond=None)[0]
    return float(np.std(residual)) < 1e-3 * float(np.std(score)) + 1e-6


def check_moons_classifier(model: Any) -> Verdict:
    """Chapter 2, exercise 4: a moons classifier, hidden layers not ReLU, >= 97 % test accuracy.

    Judged by what the model computes: its hidden activations may be given
    as ``activation=`` arguments or as layers (``Activation("tanh")``,
    ``LeakyReLU()``), in nested models too; whether its border is a
    straight line is measured on probe points, not read from layer names.
    The model is judged on the validation rows of :func:`moons_exercise_split`
    (train on its ``x_train``); once it passes, its test accuracy is
    reported, once.

    Examples
    --------
    >>> check_moons_classifier(None)
    Not yet. Train a model on load_moons() and pass it in (got None, not a keras.Model).
    """
    from dlcourse._keras import keras
    from dlcourse.data import load_moons
    from dlcourse.evaluation import accuracy

    if not isinstance(model, keras.Model):
        got = "None" if model is None else type(model).__name__
        return Verdict(False, f"Train a model on load_moons() and pass it in (got {got}, "
                              "not a keras.Model).")
    hidden = _hidden_activations(model)
    if hidden and set(hidden) == {"relu"}:
        return Verdict(False, f"The hidden activations are {hidden}: the exercise asks for "
                              "another one than the ReLU (tanh, elu, gelu, leaky_relu, ...).")
    try:
        straight = _border_is_straight(model)
        split = moons_exercise_split()
        score = accuracy(model, split.x_val, split.y_val)
    except Exception as error:  # a learner's model may fail in any way: judge, never crash
        return Verdict(False, f"The model could not classify the moons' test points: {error}")
    if straight:
        return Verdict(False, "The model's border between the moons is a straight line (its "
                              "class score is one weighted sum of the inputs): with no hidden "
                              "layer, or linear ones that collapse into one linear map, it "
                              "cannot follow the moons. Give it a non-linear hidden activation.")
    if score >= MOONS_TARGET:
        named = f" with {hidden[0]} hidden layers" if hidden else ""
        data = load_moons()
        test = accuracy(model, data.x_test, data.y_test)
        return Verdict(True, f"{score:.1%} validation accuracy{named}. Its test accuracy, "
                             f"reported once now that the model is chosen: {test:.1%}.")
    return Verdict(False, f"{score:.1%} validation accuracy; aim for {MOONS_TARGET:.0%}. Train "
                          "longer, or raise the learning rate.")
