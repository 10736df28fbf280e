"""Checkers of chapter 1's exercises (neural networks)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from dlcourse import scratch
from dlcourse.exercises.verdict import Verdict, _is_number


# Chapter 1, exercise 1: one neuron by hand.
NEURON_X = (2.0, -1.0, 0.5)
NEURON_W = (0.4, 0.3, -1.0)
NEURON_B = -0.3


def check_neuron_output(answer: Any) -> Verdict:
    """Chapter 1, exercise 1: the output of a ReLU neuron, worked by hand.

    The neuron has inputs ``NEURON_X``, weights ``NEURON_W``, bias
    ``NEURON_B`` and a ReLU activation.

    Examples
    --------
    >>> check_neuron_output(None)
    Not yet. Replace None with a number: relu(w . x + b).
    """
    expected = scratch.neuron(NEURON_X, NEURON_W, NEURON_B, activation="relu")
    if not _is_number(answer):
        return Verdict(False, "Replace None with a number: relu(w . x + b).")
    z = float(np.dot(NEURON_W, NEURON_X) + NEURON_B)
    if np.isclose(answer, expected, atol=1e-6):
        return Verdict(True, f"z = {z:g}, and relu(z) = {expected:g}.")
    hint = (
        "Check the weighted sum: multiply each input by its weight, add them, then add the bias."
        if not np.isclose(answer, z) else "That is z; now apply the ReLU, max(0, z)."
    )
    return Verdict(False, f"{answer!r} is not it. {hint}")


# Chapter 1, exercise 2: counting parameters.
COUNT_LAYER_SIZES = (10, 20, 20, 5)


def check_parameter_count(answer: Any) -> Verdict:
    """Chapter 1, exercise 2: the parameters of a 10 -> 20 -> 20 -> 5 network.

    Examples
    --------
    >>> bool(check_parameter_count(0))
    False
    """
    sizes = COUNT_LAYER_SIZES
    expected = sum(n_in * n_out + n_out for n_in, n_out in zip(sizes, sizes[1:]))
    if not _is_number(answer):
        return Verdict(False, "Replace None with a whole number of parameters.")
    if answer == expected:
        return Verdict(True, f"{expected} weights and biases in all.")
    weights_only = sum(n_in * n_out for n_in, n_out in zip(sizes, sizes[1:]))
    hint = (
        "You counted the weights; each unit also has a bias."
        if answer == weights_only else
        "Each Dense layer has (inputs x units) weights plus one bias per unit."
    )
    return Verdict(False, f"{answer!r} is not it. {hint}")


def check_functional_model(model: Any) -> Verdict:
    """Chapter 1, exercise 3: a Functional 4 -> 8 (tanh) -> 3 (softmax) model.

    Examples
    --------
    >>> check_functional_model(None)
    Not yet. Build the model and pass it in (got no keras.Model).
    """
    from dlcourse._keras import keras

    if not isinstance(model, keras.Model):
        return Verdict(False, "Build the model and pass it in (got no keras.Model).")
    dense = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    problems = []
    if tuple(model.input_shape) != (None, 4):
        problems.append(f"the input shape should be (None, 4), not {model.input_shape}")
    got = [(layer.units, layer.activation.__name__) for layer in dense]
    if got != [(8, "tanh"), (3, "softmax")]:
        problems.append(f"the Dense layers should be [(8, 'tanh'), (3, 'softmax')], got {got}")
    if problems:
        text = "; ".join(problems)
        return Verdict(False, text[0].upper() + text[1:] + ".")
    return Verdict(True, f"{model.count_params()} parameters, as expected.")


def check_feature_pair(
    model: Any, features: Sequence[str], *, target: float = 0.9
) -> Verdict:
    """Chapter 1, exercise 4: a classifier of two penguin features reaching ``target``.

    The model is evaluated here, on the test split of
    ``load_penguins(features)``.

    Examples
    --------
    >>> check_feature_pair(None, ["bill_length_mm"])
    Not yet. Features should name exactly two columns, got ['bill_length_mm'].
    """
    from dlcourse.data import load_penguins
    from dlcourse.evaluation import accuracy

    if isinstance(features, str) or not isinstance(features, Sequence) or len(features) != 2:
        return Verdict(False, f"Features should name exactly two columns, got {features!r}.")
    if model is None:
        return Verdict(False, "Train a model on your two features and pass it in.")
    data = load_penguins(features=features)
    try:
        score = accuracy(model, data.X_test, data.y_test)
    except Exception as error:  # a model built for other inputs: say so plainly
        return Verdict(
            False,
            f"The model could not classify the two columns {list(features)}: "
            f"{error}. Train it on load_penguins(features=...) with the same two.",
        )
    if score >= target:
        return Verdict(True, f"{score:.1%} test accuracy with {list(features)}.")
    return Verdict(
        False,
        f"{score:.1%} test accuracy with {list(features)}; aim for {target:.0%}. "
        "Look at the pair plot: which pair separates all three species?",
    )
