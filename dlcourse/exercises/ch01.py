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


# Chapter 1, exercise 3: a Functional 4 -> 8 (tanh) -> 3 (softmax) model.
_FUNCTIONAL_SIZES = (4, 8, 3)
_HIDDEN_ACTIVATIONS = ("tanh", "relu", "sigmoid", "linear", "softmax", "elu", "selu", "gelu",
                       "softplus", "silu", "leaky_relu")
_OUTPUT_ACTIVATIONS = ("softmax", "sigmoid", "linear", "tanh", "relu")


def _weight_arrays(model: Any) -> list[np.ndarray]:
    return [np.asarray(w.numpy(), dtype=float) for w in model.weights]


def _layer_widths(weights: list[np.ndarray]) -> list[int]:
    """The widths of a chain of dense layers read off their 2-D kernels (inputs first)."""
    kernels = [w.shape for w in weights if w.ndim == 2]
    if not kernels or any(a[1] != b[0] for a, b in zip(kernels, kernels[1:])):
        return []
    return [kernels[0][0], *(shape[1] for shape in kernels)]


def _explain_computation(weights: list[np.ndarray], x: np.ndarray, out: np.ndarray) -> str | None:
    """Which activations the model applies, if it is 4 -> 8 -> 3 dense layers.

    With the model's own weights, each pair (hidden, output) of common
    activations gives a candidate ``out_act(hidden_act(x W1 + b1) W2 + b2)``;
    the pair whose outputs match the model's on the probe rows names what it
    computes, however it was written. ``"tanh softmax"`` is the right one;
    None when no pair matches (or the weights are not those of the chain).
    """
    from dlcourse.exercises._probes import ACTIVATIONS

    candidates = dict(ACTIVATIONS)
    slopes = (0.2, 0.3)  # keras.activations.leaky_relu's and LeakyReLU()'s
    candidates["leaky_relu"] = lambda z: np.maximum(z, 0) + min(slopes) * np.minimum(z, 0)
    candidates["leaky_relu_layer"] = lambda z: np.maximum(z, 0) + max(slopes) * np.minimum(z, 0)
    n_in, n_hidden, n_out = _FUNCTIONAL_SIZES
    by_shape: dict[tuple, list[np.ndarray]] = {}
    for w in weights:
        by_shape.setdefault(w.shape, []).append(w)
    kernels = [by_shape.get((n_in, n_hidden), []), by_shape.get((n_hidden, n_out), [])]
    biases = [by_shape.get((n_hidden,), []), by_shape.get((n_out,), [])]
    if any(len(k) != 1 for k in kernels) or any(len(b) > 1 for b in biases):
        return None
    if sum(w.size for w in weights) != sum(k[0].size for k in kernels) + sum(
            b[0].size for b in biases if b):
        return None  # weights of other layers too: not a plain chain
    (W1,), (W2,) = kernels
    b1 = biases[0][0] if biases[0] else np.zeros(n_hidden)
    b2 = biases[1][0] if biases[1] else np.zeros(n_out)
    for hidden in (*_HIDDEN_ACTIVATIONS, "leaky_relu_layer"):
        h = candidates[hidden](x @ W1 + b1)
        for output in _OUTPUT_ACTIVATIONS:
            if np.allclose(candidates[output](h @ W2 + b2), out, rtol=1e-3, atol=1e-4):
                return f"{hidden.removesuffix('_layer')} {output}"
    return None


def _is_affine(x: np.ndarray, scores: np.ndarray) -> bool:
    """Whether every column of ``scores`` is an affine function of the rows of ``x``."""
    design = np.column_stack([x, np.ones(len(x))])
    residual = scores - design @ np.linalg.lstsq(design, scores, rcond=None)[0]
    return bool(np.std(residual) < 1e-3 * np.std(scores) + 1e-6)


_HIDDEN_HINTS = {
    "relu": "The hidden layer applies the ReLU; the exercise asks for tanh "
            "(activation=\"tanh\").",
    "linear": "The hidden layer has no activation: two linear layers collapse into one linear "
              "map. Give it tanh.",
}
_OUTPUT_HINTS = {
    "sigmoid": "The output applies a sigmoid to each unit on its own, so the three values do "
               "not sum to 1: use softmax, one probability per class.",
    "linear": "The output gives raw scores, not probabilities: apply softmax at the output.",
}


def _functional_input_problem(model: Any, keras: Any) -> str | None:
    """What is wrong with how the model was built or takes its input, if anything."""
    if not isinstance(model, keras.Model):
        got = "None" if model is None else type(model).__name__
        return f"Build the model and pass it in (got {got}, not a keras.Model)."
    functional_api = ("keras.Input(shape=(4,)), call each layer on the previous output, then "
                      "keras.Model(inputs, outputs)")
    if isinstance(model, keras.Sequential):
        return ("That is a Sequential model; the exercise asks for the Functional "
                f"API: inputs = {functional_api}.")
    inputs = getattr(model, "inputs", None)
    if not inputs:
        return ("The model has no defined input (a subclassed model?): build it "
                f"with the Functional API, {functional_api}.")
    if len(inputs) != 1:
        return f"The model has {len(inputs)} inputs; it needs one, keras.Input(shape=(4,))."
    shape = tuple(inputs[0].shape)
    if shape[1:] != (_FUNCTIONAL_SIZES[0],):
        return (f"The input shape should be (None, 4), one row of 4 features, "
                f"not {shape}: use keras.Input(shape=(4,)).")
    return None


def check_functional_model(model: Any) -> Verdict:
    """Chapter 1, exercise 3: a Functional 4 -> 8 (tanh) -> 3 (softmax) model.

    Judged by what the model computes, not by how its layers are written:
    its input shape, its output on probe rows (three probabilities summing
    to 1, not an affine function of the input in log space), its weights'
    shapes (one hidden layer of 8 units), and, with its own weights, which
    activations reproduce its outputs. An activation given as a separate
    layer (``Activation("tanh")``, ``Softmax()``), a ``keras.ops`` call or a
    nested Sequential model inside the Functional one all pass; a
    Sequential or subclassed model is refused, as the exercise asks for the
    Functional API.

    Examples
    --------
    >>> check_functional_model(None)
    Not yet. Build the model and pass it in (got None, not a keras.Model).
    """
    from dlcourse._keras import keras

    n_in, n_hidden, n_out = _FUNCTIONAL_SIZES
    problem = _functional_input_problem(model, keras)
    if problem:
        return Verdict(False, problem)
    rows = tuple(model.inputs[0].shape)[0] or 64
    x = np.random.default_rng(0).normal(scale=2.0, size=(rows, n_in))
    try:
        out = model(x.astype(np.float32), training=False)
    except Exception as error:  # a learner's model may fail in any way: judge, never crash
        return Verdict(False, f"The model fails on a batch of 4-feature rows: {error}")
    if isinstance(out, (list, tuple, dict)):
        return Verdict(False, "The model has several outputs; it needs one, the class "
                              "probabilities.")
    out = np.asarray(keras.ops.convert_to_numpy(out), dtype=float).reshape(rows, -1)
    if out.shape[1] != n_out:
        return Verdict(False, f"The model gives {out.shape[1]} values per row; it needs 3, one "
                              "per class: the output layer has 3 units.")
    weights = _weight_arrays(model)
    computed = _explain_computation(weights, x, out)
    if computed == "tanh softmax":
        return Verdict(True, f"{model.count_params()} parameters: 4 x 8 + 8 and 8 x 3 + 3, and "
                             "with its own weights the model computes "
                             "softmax(tanh(x W1 + b1) W2 + b2).")
    widths = _layer_widths(weights)
    if widths and widths != list(_FUNCTIONAL_SIZES):
        hidden = widths[1:-1]
        layers = ("no hidden layer" if not hidden else
                  f"{len(hidden)} hidden layer{'s' if len(hidden) > 1 else ''} of "
                  f"{', '.join(map(str, hidden))} units")
        return Verdict(False, f"The model has {layers}; the exercise asks for one hidden "
                              "layer of 8 units.")
    if computed is not None:
        hidden, output = computed.split()
        hints = []
        if output != "softmax":
            hints.append(_OUTPUT_HINTS.get(output, f"The output applies {output}; use softmax, "
                                                   "one probability per class."))
        if hidden != "tanh":
            hints.append(_HIDDEN_HINTS.get(hidden, f"The hidden layer applies {hidden}; the "
                                                   "exercise asks for tanh."))
        return Verdict(False, " ".join(hints))
    probabilities = bool(np.all(out >= 0) and np.all(out <= 1)
                         and np.allclose(out.sum(axis=1), 1, atol=1e-4))
    if not probabilities:
        return Verdict(False, "The outputs are not probabilities that sum to 1 over the three "
                              "classes: end with softmax.")
    log_ratios = np.log(np.clip(out[:, 1:], 1e-30, None)) - np.log(np.clip(out[:, :1], 1e-30, None))
    if _is_affine(x, log_ratios):
        return Verdict(False, "The model's class scores are a linear function of its input: "
                              "the hidden layer needs a non-linear activation, tanh.")
    return Verdict(False, "The model gives probabilities, but with its own weights it does not "
                          "compute softmax(tanh(x W1 + b1) W2 + b2): check that the hidden "
                          "layer has 8 units with tanh, and nothing else in between.")


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
