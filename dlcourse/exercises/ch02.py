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
# The kind of label each task has, and how each loss expects its labels.
_TASK_LABELS = {"tumour": "binary", "species": "integer", "species_one_hot": "one-hot",
                "progression": "number"}
_LOSS_LABELS = {"binary_crossentropy": "binary", "sparse_categorical_crossentropy": "integer",
                "categorical_crossentropy": "one-hot", "mse": "number", "mae": "number",
                "huber": "number", "log_cosh": "number"}
_CROSS_ENTROPY = ("binary_crossentropy", "sparse_categorical_crossentropy",
                  "categorical_crossentropy")
# The loss the chapter's table gives each task, for hints.
_TABLE_LOSS = {"binary": "binary_crossentropy", "integer": "sparse_categorical_crossentropy",
               "one-hot": "categorical_crossentropy", "number": "mse"}


def _loss_for_labels(task: str, loss: str, shown: str) -> str | None:
    """The problem when ``loss`` expects other labels than ``task`` has, else None."""
    labels, wants = _TASK_LABELS[task], _LOSS_LABELS[loss]
    if labels == wants or (labels == "binary" and wants == "integer"):
        return None  # 0/1 labels are integer labels of two classes
    table = _TABLE_LOSS[labels]
    if {labels, wants} == {"integer", "one-hot"}:
        return ("the 'sparse_' loss takes integer labels, the other one-hot rows; which do "
                "these labels look like?")
    if wants == "number":
        return f"{shown} is a regression loss; class labels call for {table}"
    if labels == "number":
        return (f"{shown} compares predicted probabilities with class labels; a number calls "
                "for a regression loss such as mse")
    if wants == "binary":
        return (f"{shown} treats each output as a separate yes/no question; one class of "
                f"three calls for {table}")
    return f"{shown} expects one-hot rows; these labels are 0 and 1: use {table}"


def _activation_for_loss(task: str, activation: str | None, loss: str, logits: bool,
                         shown: str) -> str | None:
    """The problem when ``activation`` does not give what ``loss`` expects, else None."""
    if loss not in _CROSS_ENTROPY:  # a regression loss: the output must reach every number
        if activation == "linear":
            return None
        if activation in ("sigmoid", "tanh", "softmax"):
            what = "its range is bounded"
        elif activation in ("leaky_relu", "prelu"):  # onto every number, but bent at 0
            what = "it bends the output at 0 for no reason"
        else:
            what = "it cannot give every real number"
        return f"{shown} is not the output for a number: {what}; leave the output linear"
    if logits:
        if activation == "linear":
            return None
        return (f"the loss has from_logits=True, so it applies the "
                f"{'sigmoid' if loss == 'binary_crossentropy' else 'softmax'} itself: with "
                f"{shown} as well, it is applied twice; leave the output linear")
    wanted = "sigmoid" if loss == "binary_crossentropy" else "softmax"
    if activation == wanted:
        return None
    if activation == "linear":
        return (f"the loss expects probabilities, but a linear output gives raw scores: use "
                f"{wanted}, or the loss with from_logits=True")
    if activation == "softmax" and task == "tumour":
        return ("a softmax over one output unit always gives 1; use sigmoid with "
                "binary_crossentropy (or two softmax units with sparse_categorical_crossentropy)")
    if activation == "sigmoid":
        return ("a sigmoid treats each class on its own, so the outputs need not sum to 1: "
                "use softmax, one probability per class")
    return f"{shown} does not give the probabilities this loss expects; use {wanted}"


def _judge_output_pair(task: str, pair: Any) -> tuple[str | None, str]:
    """(problem or None, note for a right answer) for one task's pair."""
    from dlcourse.exercises._probes import (
        describe,
        name_activation,
        name_loss,
        resolve_activation,
        resolve_loss,
    )

    if isinstance(pair, (str, bytes)) or not isinstance(pair, (tuple, list)) or len(pair) != 2:
        return f"give a pair (activation, loss), got {pair!r}", ""
    activation, loss = pair
    if loss is None:
        return "give a loss as well (a Keras name such as 'mse', or a loss object)", ""
    function = resolve_activation(activation)
    if function is None:
        return f"{activation!r} is not an activation Keras knows", ""
    act_name = name_activation(function)
    loss_function = resolve_loss(loss)
    if loss_function is None:
        return f"{loss!r} is not a loss Keras knows", ""
    named_loss = name_loss(loss_function)
    shown_act, shown_loss = describe(activation), describe(loss)
    if named_loss is None:
        return f"{shown_loss} is not a loss for {OUTPUT_TASKS[task]!r}", ""
    loss_name, logits = named_loss
    problem = (_loss_for_labels(task, loss_name, shown_loss)
               or _activation_for_loss(task, act_name, loss_name, logits, shown_act))
    if problem:
        return problem, ""
    note = ""
    if task == "tumour" and loss_name == "sparse_categorical_crossentropy":
        note = "two output units with softmax and sparse cross-entropy work for 0/1 labels too"
    elif logits:
        note = "a linear output with from_logits=True is the numerically safer form"
    elif loss_name != "mse" and task == "progression":
        note = f"{loss_name} suits regression too; the chapter uses mse"
    return None, note


def check_output_choices(answers: Any) -> Verdict:
    """Chapter 2, exercise 3: an output activation and a loss for each of ``OUTPUT_TASKS``.

    ``answers`` maps each task's key to a pair ``(activation, loss)``, e.g.
    ``{"tumour": ("sigmoid", "binary_crossentropy"), ...}``. Each part may
    be given in any form Keras accepts: a name or alias (``"mae"``,
    ``"mean_absolute_error"``), a function, a layer (``keras.layers.Softmax()``),
    a loss object or class (``keras.losses.MeanAbsoluteError()``); ``None``
    as the activation means linear. Each is resolved with
    ``keras.activations.get`` / ``keras.losses.get`` and judged by its
    values on probe inputs. Every pairing that trains a right model
    passes: a linear output with a ``from_logits=True`` cross-entropy, two
    softmax units with sparse cross-entropy for the 0/1 task, MAE, Huber or
    log-cosh for the number. Wrong pairings get a hint naming the slip.

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
    blank = [task for task in OUTPUT_TASKS
             if isinstance(answers[task], (tuple, list)) and all(v is None for v in answers[task])]
    if len(blank) == len(OUTPUT_TASKS):
        return Verdict(False, "Fill in the pairs: each is still (None, None).")
    problems, notes = [], []
    for task in OUTPUT_TASKS:
        problem, note = _judge_output_pair(task, answers[task])
        if problem:
            problems.append(f"{task}: {problem}")
        elif note and note not in notes:
            notes.append(note)
    if problems:
        text = "; ".join(problems)
        return Verdict(False, text if text.endswith("?") else text + ".")
    also = f" ({'; '.join(notes)})" if notes else ""
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


def _flat_operations(model: Any) -> list:
    """The layers and ``keras.ops`` calls of a model in order, nested models opened up."""
    from dlcourse._keras import keras

    operations = getattr(model, "operations", None)
    if operations is None:  # a Sequential model lists its layers only
        operations = getattr(model, "layers", [])
    flat = []
    for operation in operations:
        if isinstance(operation, keras.layers.InputLayer):
            continue
        if isinstance(operation, keras.Model):
            flat.extend(_flat_operations(operation))
        else:
            flat.append(operation)
    return flat


def _input_width(operation: Any) -> int | None:
    """The number of units a layer was built for, if it knows."""
    try:
        width = operation.input.shape[-1]
    except Exception:  # not built, shared, or no single input
        return None
    return int(width) if width else None


def _hidden_activations(model: Any) -> list[str]:
    """What the activations before the last Dense layer compute, however written.

    Each candidate is judged by its values on probe inputs
    (:func:`~dlcourse.exercises._probes.name_activation`), not by its
    name: a Dense layer's ``activation=`` (a name, a function, a lambda),
    an ``Activation(...)`` or activation layer (``ReLU()``, ``LeakyReLU()``,
    ``PReLU()`` as trained), a ``Lambda`` layer, or a ``keras.ops`` call in a
    Functional model. Layers that change nothing (Dropout at inference,
    linear activations) are left out; one whose values match no known
    activation counts by its class name.
    """
    from dlcourse._keras import keras
    from dlcourse.exercises._probes import name_activation

    operations = _flat_operations(model)
    dense = [i for i, op in enumerate(operations) if isinstance(op, keras.layers.Dense)]
    found = []
    for op in operations[:dense[-1]] if dense else []:
        if isinstance(op, keras.layers.Dense):
            name = name_activation(op.activation)
            unknown = getattr(op.activation, "__name__", "custom")
        elif isinstance(op, (keras.layers.BatchNormalization, keras.layers.LayerNormalization)):
            continue  # a normalisation is affine at inference, not an activation
        else:
            name = name_activation(op, _input_width(op))
            unknown = type(op).__name__
            if name is None and getattr(op, "weights", None):
                continue  # a layer with weights of its own (not probed) is no activation
        if name is None:
            name = unknown
        if name != "linear":
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
