"""Chapter 2's checkers accept the right answers and name the usual slips."""

import numpy as np
import pytest

from dlcourse import exercises
from dlcourse.data import load_moons
from dlcourse.models import build_mlp
from dlcourse.training import fit, set_seed


def test_sigmoid_slope():
    assert exercises.check_sigmoid_slope(0.25)
    assert "sigmoid(0)" in exercises.check_sigmoid_slope(0.5).message
    assert "tanh" in exercises.check_sigmoid_slope(1).message
    assert "ten sigmoid layers" in exercises.check_sigmoid_slope(0.25 ** 10).message
    assert "without quotes" in exercises.check_sigmoid_slope("0.25").message


def test_collapsed_layer():
    W1, W2 = np.array(exercises.COLLAPSE_W1), np.array(exercises.COLLAPSE_W2)
    b1, b2 = np.array(exercises.COLLAPSE_B1), np.array(exercises.COLLAPSE_B2)
    W, b = W1 @ W2, b1 @ W2 + b2
    assert exercises.check_collapsed_layer(W, b)
    assert exercises.check_collapsed_layer(W.tolist(), float(b[0]))
    assert "b1 @ W2 + b2" in exercises.check_collapsed_layer(W, b2).message
    assert "shape (2, 1)" in exercises.check_collapsed_layer(W.T, b).message
    assert "W = W1 @ W2" in exercises.check_collapsed_layer(W + 1, b).message
    # The same layer computes the same outputs as the two-layer network.
    x = np.random.default_rng(0).normal(size=(4, 2))
    np.testing.assert_allclose((x @ W1 + b1) @ W2 + b2, x @ W + b)


RIGHT = {
    "tumour": ("sigmoid", "binary_crossentropy"),
    "species": ("softmax", "sparse_categorical_crossentropy"),
    "species_one_hot": ("softmax", "categorical_crossentropy"),
    "progression": ("linear", "mean_squared_error"),
}


def test_output_choices():
    assert exercises.check_output_choices(RIGHT)
    swapped = dict(RIGHT, species=("softmax", "categorical_crossentropy"))
    verdict = exercises.check_output_choices(swapped)
    assert not verdict and "integer labels" in verdict.message
    wrong = exercises.check_output_choices(dict(RIGHT, progression=("sigmoid", "mse")))
    assert not wrong and "progression: 'sigmoid'" in wrong.message
    assert "missing ['tumour']" in exercises.check_output_choices(
        {k: v for k, v in RIGHT.items() if k != "tumour"}).message
    assert "give a pair" in exercises.check_output_choices(dict(RIGHT, tumour="sigmoid")).message


@pytest.fixture(scope="module")
def moons():
    return load_moons()


def test_moons_classifier(moons):
    set_seed(0)
    model = build_mlp(2, hidden_units=(16, 16), activation="tanh", learning_rate=0.01)
    fit(model, moons.x_train, moons.y_train, epochs=30, batch_size=64)
    assert exercises.check_moons_classifier(model)
    relu = build_mlp(2, hidden_units=(16, 16))
    assert "than the ReLU" in exercises.check_moons_classifier(relu).message
    linear = build_mlp(2, hidden_units=(16,), activation="linear")
    assert "straight line" in exercises.check_moons_classifier(linear).message
    no_hidden = build_mlp(2, hidden_units=())
    assert "straight line" in exercises.check_moons_classifier(no_hidden).message
    untrained = build_mlp(2, hidden_units=(16,), activation="tanh")
    verdict = exercises.check_moons_classifier(untrained)
    assert not verdict and "aim for 97%" in verdict.message


def _trained(layers, moons):
    import keras

    set_seed(0)
    model = keras.Sequential([keras.Input(shape=(2,)), *layers])
    model.compile(optimizer=keras.optimizers.Adam(0.02), loss="binary_crossentropy")
    fit(model, moons.x_train, moons.y_train, epochs=30, batch_size=64)
    return model


def test_moons_classifier_judges_activations_written_as_layers(moons):
    import keras

    L = keras.layers
    tanh_layers = _trained([L.Dense(16), L.Activation("tanh"), L.Dense(16),
                            L.Activation("tanh"), L.Dense(1, activation="sigmoid")], moons)
    assert exercises.check_moons_classifier(tanh_layers)
    leaky = _trained([L.Dense(16), L.LeakyReLU(), L.Dense(16), L.LeakyReLU(),
                      L.Dense(1), L.Activation("sigmoid")], moons)
    verdict = exercises.check_moons_classifier(leaky)
    assert verdict, verdict.message
    relu_layers = keras.Sequential([keras.Input(shape=(2,)), L.Dense(16), L.ReLU(),
                                    L.Dense(1, activation="sigmoid")])
    assert "than the ReLU" in exercises.check_moons_classifier(relu_layers).message


def test_output_choices_accept_mae_for_regression():
    verdict = exercises.check_output_choices(dict(RIGHT, progression=("linear", "mae")))
    assert verdict and "mae suits regression too" in verdict.message
    assert exercises.check_output_choices(
        dict(RIGHT, progression=("linear", "mean_absolute_error")))
    assert not exercises.check_output_choices(
        dict(RIGHT, progression=("linear", "binary_crossentropy")))


def test_sigmoid_slope_message_does_not_promise_shrinking():
    message = exercises.check_sigmoid_slope(0.25).message
    assert "at most 1/4" in message and "four-fold" not in message


def _keras():
    import keras

    return keras


@pytest.mark.parametrize(
    "task, pair",
    [
        ("tumour", (lambda k: k.activations.sigmoid, lambda k: k.losses.BinaryCrossentropy())),
        ("tumour", (lambda k: None, lambda k: k.losses.BinaryCrossentropy(from_logits=True))),
        ("tumour", (lambda k: "softmax", lambda k: "sparse_categorical_crossentropy")),
        ("species", (lambda k: k.layers.Softmax(), lambda k: k.losses.SparseCategoricalCrossentropy)),
        ("species", (lambda k: "linear",
                     lambda k: k.losses.SparseCategoricalCrossentropy(from_logits=True))),
        ("species_one_hot", (lambda k: "Softmax", lambda k: "CategoricalCrossentropy")),
        ("species_one_hot", (lambda k: k.ops.softmax, lambda k: k.losses.categorical_crossentropy)),
        ("progression", (lambda k: None, lambda k: k.losses.MeanAbsoluteError())),
        ("progression", (lambda k: "linear", lambda k: "mae")),
        ("progression", (lambda k: "linear", lambda k: "mean_absolute_error")),
        ("progression", (lambda k: k.activations.linear, lambda k: k.losses.Huber())),
        ("progression", (lambda k: None, lambda k: "MSE")),
        # settings change the loss's values, not its kind
        ("progression", (lambda k: None, lambda k: k.losses.Huber(delta=2.0))),
        ("progression", (lambda k: None, lambda k: k.losses.MeanSquaredError(reduction="sum"))),
        ("tumour", (lambda k: "sigmoid",
                    lambda k: k.losses.BinaryCrossentropy(label_smoothing=0.1))),
    ],
)
def test_output_choices_accept_right_answers_in_any_form(task, pair):
    keras = _keras()
    answer = (pair[0](keras), pair[1](keras))
    verdict = exercises.check_output_choices(dict(RIGHT, **{task: answer}))
    assert verdict, verdict.message


@pytest.mark.parametrize(
    "task, pair, hint",
    [
        ("species", ("softmax", "categorical_crossentropy"), "integer labels"),
        ("species_one_hot", ("softmax", "sparse_categorical_crossentropy"), "integer labels"),
        ("tumour", ("softmax", "binary_crossentropy"), "softmax over one output unit"),
        ("tumour", ("sigmoid", "categorical_crossentropy"), "these labels are 0 and 1"),
        ("tumour", ("sigmoid", "mse"), "is a regression loss"),
        ("tumour", ("linear", "binary_crossentropy"), "linear output gives raw scores"),
        ("tumour", ("tanh", "binary_crossentropy"), "'tanh' does not give the probabilities"),
        ("species", ("sigmoid", "sparse_categorical_crossentropy"), "need not sum to 1"),
        ("species", ("softmax", "binary_crossentropy"), "separate yes/no question"),
        ("progression", ("sigmoid", "mse"), "its range is bounded"),
        ("progression", ("relu", "mae"), "cannot give every real number"),
        ("progression", ("leaky_relu", "mse"), "bends the output at 0"),
        ("progression", ("linear", "binary_crossentropy"), "a regression loss such as mse"),
        ("progression", ("linear", "msle"), "is not a loss for"),
        ("tumour", ("sigmod", "binary_crossentropy"), "not an activation Keras knows"),
        ("tumour", ("sigmoid", "binary_crossentropie"), "not a loss Keras knows"),
        ("tumour", ("sigmoid", None), "give a loss"),
    ],
)
def test_output_choices_name_the_slip(task, pair, hint):
    verdict = exercises.check_output_choices(dict(RIGHT, **{task: pair}))
    assert not verdict and hint in verdict.message, verdict.message


def test_output_choices_spot_a_doubled_sigmoid():
    keras = _keras()
    doubled = ("sigmoid", keras.losses.BinaryCrossentropy(from_logits=True))
    verdict = exercises.check_output_choices(dict(RIGHT, tumour=doubled))
    assert not verdict and "applied twice" in verdict.message


def test_output_choices_blank_answer():
    blank = {key: (None, None) for key in exercises.OUTPUT_TASKS}
    verdict = exercises.check_output_choices(blank)
    assert not verdict and "(None, None)" in verdict.message


def _untrained(build):
    keras = _keras()
    inputs = keras.Input(shape=(2,))
    return keras.Model(inputs, build(keras, inputs))


@pytest.mark.parametrize(
    "build",
    [
        lambda k, i: k.layers.Dense(1, activation="sigmoid")(k.ops.relu(k.layers.Dense(16)(i))),
        lambda k, i: k.layers.Dense(1, activation="sigmoid")(
            k.layers.Dense(16, activation=lambda z: k.ops.maximum(z, 0.0))(i)),
        lambda k, i: k.layers.Dense(1, activation="sigmoid")(
            k.layers.Lambda(k.ops.relu)(k.layers.Dense(16)(i))),
        lambda k, i: k.layers.Dense(1, activation="sigmoid")(k.Sequential(
            [k.layers.Dense(16), k.layers.ReLU()])(i)),
    ],
    ids=["keras.ops.relu", "lambda", "Lambda layer", "nested ReLU layer"],
)
def test_moons_classifier_detects_relu_by_behaviour(build):
    verdict = exercises.check_moons_classifier(_untrained(build))
    assert not verdict and "than the ReLU" in verdict.message, verdict.message


@pytest.mark.parametrize(
    "build",
    [
        lambda k, i: k.layers.Dense(1, activation="sigmoid")(
            k.layers.Dense(16, activation=lambda z: k.ops.where(z > 0, z, 0.1 * z))(i)),
        lambda k, i: k.layers.Dense(1, activation="sigmoid")(k.ops.tanh(k.layers.Dense(16)(i))),
        lambda k, i: k.layers.Dense(1, activation="sigmoid")(
            k.layers.ReLU(negative_slope=0.2)(k.layers.Dense(16)(i))),
    ],
    ids=["leaky lambda", "keras.ops.tanh", "ReLU layer with a slope"],
)
def test_moons_classifier_does_not_call_other_activations_relu(build):
    verdict = exercises.check_moons_classifier(_untrained(build))
    assert "than the ReLU" not in verdict.message, verdict.message


def test_a_trained_prelu_is_judged_by_its_slopes():
    keras = _keras()
    prelu = keras.layers.PReLU()
    model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(16), prelu,
                              keras.layers.Dense(1, activation="sigmoid")])
    assert "than the ReLU" in exercises.check_moons_classifier(model).message  # slopes 0
    prelu.set_weights([np.linspace(0.05, 0.5, 16).astype("float32")])
    assert "than the ReLU" not in exercises.check_moons_classifier(model).message
