"""Checkers of chapter 1's exercises (neural networks)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np

from dlcourse import scratch
from dlcourse.exercises.verdict import Verdict, read_number

__all__ = [
    "ValidationSplit",
    "check_feature_pair",
    "penguin_pair_split",
    "validation_split_of",
    "check_functional_model",
    "check_neuron_output",
    "check_parameter_count",
    "COUNT_LAYER_SIZES",
    "EXCLUDED_PAIR",
    "NEURON_B",
    "NEURON_W",
    "NEURON_X",
]


# Chapter 1, exercise 1: one neuron by hand. The numbers make every common
# slip give a different answer: z < 0 (so the ReLU matters), and leaving out
# the bias, or adding it with the wrong sign, changes the result.
NEURON_X = (2.0, -1.0, 0.3)
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
    value = read_number(answer, "a number: relu(w . x + b)")
    if isinstance(value, Verdict):
        return value
    weighted = float(np.dot(NEURON_W, NEURON_X))
    z = weighted + NEURON_B
    expected = scratch.neuron(NEURON_X, NEURON_W, NEURON_B, activation="relu")
    if np.isclose(value, expected, atol=1e-6):
        return Verdict(True, f"z = {z:g}, and relu(z) = max(0, {z:g}) = {expected:g}.")
    slips = [
        (z, f"That is z = {z:g}; now apply the ReLU: max(0, z)."),
        (float(scratch.sigmoid(np.array(z))), f"That is sigmoid(z) with z = {z:g}; this neuron uses "
                                              "the ReLU, max(0, z)."),
        (float(np.tanh(z)), f"That is tanh(z) with z = {z:g}; this neuron uses the ReLU, max(0, z)."),
        (max(0.0, weighted), "You left out the bias: add b = -0.3 to the weighted sum before the ReLU."),
        (weighted, "You left out the bias (add b = -0.3) and the ReLU."),
        (max(0.0, weighted - NEURON_B), "The bias is -0.3: add it (z = w . x + b), do not subtract it."),
    ]
    for wrong, hint in slips:
        if np.isclose(value, wrong, atol=1e-4):
            return Verdict(False, f"{answer!r} is not it. {hint}")
    return Verdict(False, f"{answer!r} is not it. Check the weighted sum: multiply each input by "
                          "its weight, add them up, add the bias, then apply max(0, z).")


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
    value = read_number(answer, "a whole number of parameters")
    if isinstance(value, Verdict):
        return value
    if value == expected:
        return Verdict(True, f"{expected} weights and biases in all.")
    weights_only = sum(n_in * n_out for n_in, n_out in zip(sizes, sizes[1:]))
    hint = (
        "You counted the weights; each unit also has a bias."
        if value == weights_only else
        "Each Dense layer has (inputs x units) weights plus one bias per unit."
    )
    return Verdict(False, f"{answer!r} is not it. {hint}")


def check_functional_model(model: Any) -> Verdict:
    """Chapter 1, exercise 3: a Functional 4 -> 8 (tanh) -> 3 (softmax) model.

    Examples
    --------
    >>> check_functional_model(None)
    Not yet. Build the model and pass it in (got None, not a keras.Model).
    """
    from dlcourse._keras import keras

    if not isinstance(model, keras.Model):
        got = "None" if model is None else type(model).__name__
        return Verdict(False, f"Build the model and pass it in (got {got}, not a keras.Model).")
    if isinstance(model, keras.Sequential):
        return Verdict(False, "That is a Sequential model; the exercise asks for the Functional API: "
                              "inputs = keras.Input(shape=(4,)), call each layer on the previous "
                              "output, then keras.Model(inputs, outputs).")
    try:
        shape = tuple(model.input_shape)
    except (AttributeError, ValueError, TypeError):
        return Verdict(False, "The model has no defined input: start from keras.Input(shape=(4,)).")
    dense = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    problems = []
    if shape != (None, 4):
        problems.append(f"the input shape should be (None, 4), not {shape}")
    got = [(layer.units, getattr(layer.activation, "__name__", "?")) for layer in dense]
    if got != [(8, "tanh"), (3, "softmax")]:
        problems.append(f"the Dense layers should be [(8, 'tanh'), (3, 'softmax')], got {got}")
    if problems:
        text = "; ".join(problems)
        return Verdict(False, text[0].upper() + text[1:] + ".")
    return Verdict(True, f"{model.count_params()} parameters, as expected.")


# Chapter 1, exercise 4: the pair the chapter itself uses is excluded.
EXCLUDED_PAIR = ("bill_length_mm", "bill_depth_mm")
EXERCISE_VALIDATION = 0.2  # share of the training rows that judge an exercise


class ValidationSplit(NamedTuple):
    """A loader's training rows split in two for an exercise; the test rows apart."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray


def _validation_rows(y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Row numbers of the training and validation parts (stratified, seed 0)."""
    from dlcourse.data import stratified_split

    rows = np.arange(len(y)).reshape(-1, 1)
    fit_rows, val_rows, _, _ = stratified_split(rows, y, EXERCISE_VALIDATION, 0)
    return fit_rows[:, 0], val_rows[:, 0]


def validation_split_of(data: Any) -> ValidationSplit:
    """Split ``data.x_train``/``data.y_train`` into training and validation rows.

    The same rows every time (stratified, 20 % for validation, seed 0), so a
    checker judges a model on rows it was not trained on, and the test rows
    stay untouched until the model is finished.

    Examples
    --------
    >>> from dlcourse.data import load_penguins
    >>> split = validation_split_of(load_penguins())
    >>> len(split.x_train) + len(split.x_val) == len(load_penguins().x_train)
    True
    """
    if not (hasattr(data, "x_train") and hasattr(data, "y_train")):
        raise TypeError("data must be what a loader returns (with x_train and y_train), got "
                        f"{type(data).__name__}")
    fit_rows, val_rows = _validation_rows(np.asarray(data.y_train))
    return ValidationSplit(data.x_train[fit_rows], data.y_train[fit_rows],
                           data.x_train[val_rows], data.y_train[val_rows])


def penguin_pair_split(features: Sequence[str], *, standardize: bool = True) -> ValidationSplit:
    """Exercise 4's data: ``load_penguins(features)``'s training rows, split for validation.

    Train on ``x_train``/``y_train``; :func:`check_feature_pair` judges the
    model on ``x_val``/``y_val`` and reports the test accuracy once.

    Examples
    --------
    >>> split = penguin_pair_split(["bill_length_mm", "flipper_length_mm"])
    >>> split.x_train.shape[1], len(split.x_val) > 0
    (2, True)
    """
    from dlcourse.data import PENGUIN_FEATURES, load_penguins

    if (isinstance(features, str) or not isinstance(features, Sequence)
            or not all(isinstance(name, str) for name in features)):
        raise TypeError("features must be a list of measurement names such as "
                        f"['bill_length_mm', 'flipper_length_mm'], got {features!r}")
    unknown = [name for name in features if name not in PENGUIN_FEATURES]
    if unknown:
        raise ValueError(f"features must be names from {list(PENGUIN_FEATURES)}, got {unknown}")
    return validation_split_of(load_penguins(features=list(features), standardize=standardize))


def _accuracy_or_none(model: Any, x: Any, y: Any) -> float | None:
    from dlcourse.evaluation import accuracy

    try:
        return accuracy(model, x, y)
    except Exception:  # a learner's model may fail in any way: judge, never crash
        return None


def _output_spread(model: Any, x: np.ndarray) -> float:
    """How much the model's outputs vary over the rows of ``x`` (0: constant)."""
    from dlcourse.evaluation import model_outputs

    out = np.asarray(model_outputs(model, x, probabilities=True), dtype=float)
    out = out.reshape(len(x), -1)
    return float(np.abs(out - out.mean(axis=0)).mean())


def _trained_unscaled(model: Any, pair: list[str]) -> bool:
    """Whether the model behaves as if trained on raw, unstandardised measurements.

    A model trained on standardised inputs (values of a few units) is
    saturated by raw ones (tens of millimetres, thousands of grams): its
    output hardly varies over the raw test rows. A model trained on raw
    measurements is the other way round: the raw rows move its output more
    than the standardised ones, which all lie near the origin of its scale.
    """
    try:
        raw = _output_spread(model, penguin_pair_split(pair, standardize=False).x_val)
        scaled = _output_spread(model, penguin_pair_split(pair).x_val)
    except Exception:  # a learner's model may fail in any way: judge, never crash
        return False
    return raw > 1e-3 and raw > scaled


def check_feature_pair(
    model: Any, features: Sequence[str], *, target: float = 0.9
) -> Verdict:
    """Chapter 1, exercise 4: a classifier of two penguin features reaching ``target``.

    The pair must differ from the chapter's own (bill length and depth).
    The model is judged here on the validation rows of
    :func:`penguin_pair_split` (train on its ``x_train``), never on the
    test rows; once it passes, its test accuracy is reported, once. It is
    also tried on every other ordered
    pair of measurements, and on the unscaled measurements, so that a model
    trained on other features than the ones named (or in another order),
    or on unstandardised data (its output then varies more over the raw
    measurements than over the standardised ones), gets a hint that says so. Behaviour is all
    a checker can see: a model that classifies the named pair as well as
    its own is accepted (flipper length and body mass, for one, are nearly
    interchangeable).

    Examples
    --------
    >>> check_feature_pair(None, ["bill_length_mm"])
    Not yet. Name exactly two measurements, got ['bill_length_mm'].
    """
    from itertools import permutations

    from dlcourse.data import PENGUIN_FEATURES, load_penguins

    if isinstance(features, str) or not isinstance(features, Sequence) or len(features) != 2:
        return Verdict(False, f"Name exactly two measurements, got {features!r}.")
    unknown = [name for name in features if name not in PENGUIN_FEATURES]
    if unknown:
        return Verdict(False, f"{unknown} is not a measurement; choose two of {list(PENGUIN_FEATURES)}.")
    if features[0] == features[1]:
        return Verdict(False, f"Name two different measurements, got {list(features)}.")
    if set(features) == set(EXCLUDED_PAIR):
        return Verdict(False, "The exercise asks for a different pair than bill length and depth, "
                              "which the chapter's own model uses.")
    if model is None:
        return Verdict(False, "Train a model on your two features and pass it in.")
    pair = list(features)
    split = penguin_pair_split(pair)
    score = _accuracy_or_none(model, split.x_val, split.y_val)
    if score is None:
        return Verdict(False, f"The model could not classify the two columns {pair}: train it on "
                              "load_penguins(features=...) with the same two, and pass the model.")
    others = {p: _accuracy_or_none(model, *penguin_pair_split(p)[2:])
              for p in permutations(PENGUIN_FEATURES, 2) if list(p) != pair}
    best_pair, best = max(((p, a) for p, a in others.items() if a is not None),
                          key=lambda item: item[1], default=(None, 0.0))
    if best_pair is not None and best >= max(score + 0.05, target):
        return Verdict(False, f"Your model scores {best:.1%} on {list(best_pair)} but {score:.1%} "
                              f"on the pair you named, {pair}: was it trained on {list(best_pair)}? "
                              "Name the features you trained it on, in that order.")
    if score >= target:
        data = load_penguins(features=pair)
        test = _accuracy_or_none(model, data.x_test, data.y_test)
        shown = "could not be computed" if test is None else f"{test:.1%}"
        return Verdict(True, f"{score:.1%} validation accuracy with {pair}. Its test accuracy, "
                             f"reported once now that the model is chosen: {shown}.")
    if _trained_unscaled(model, pair):
        hint = ("Your model responds to the raw measurements (millimetres, grams) more than to "
                "standardised ones: it seems trained on unscaled data. Train it on "
                "load_penguins(features=...), which standardises them.")
    elif "bill_length_mm" not in pair:
        hint = ("Without bill length, Adelie and Chinstrap penguins overlap on this pair (see the "
                "pair plot): no model can tell them apart. Try a pair with bill length.")
    else:
        hint = "This pair can separate the species: train longer, or with more hidden units."
    return Verdict(False, f"{score:.1%} validation accuracy with {pair}; aim for {target:.0%}. "
                          f"{hint}")
