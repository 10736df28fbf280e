"""dlcourse.exercises: each checker accepts the right answer and rejects wrong ones."""

import keras
import numpy as np
import pytest

from dlcourse import exercises
from dlcourse.data import load_penguins
from dlcourse.models import build_mlp


def test_verdict_reads_as_a_sentence_and_a_truth_value():
    assert repr(exercises.Verdict(True, "Yes.")) == "Correct! Yes."
    assert repr(exercises.Verdict(False, "No.")) == "Not yet. No."
    assert exercises.Verdict(True, "") and not exercises.Verdict(False, "")


def test_neuron_output():
    z = float(np.dot(exercises.NEURON_W, exercises.NEURON_X) + exercises.NEURON_B)
    assert z < 0, "the exercise should make the ReLU matter"
    assert exercises.check_neuron_output(max(0.0, z))
    assert not exercises.check_neuron_output(None)
    assert not exercises.check_neuron_output(z - 1.0)


@pytest.mark.parametrize(
    "answer, hint",
    [
        ("0", "You entered the text '0': write the number itself, without quotes."),
        ([0], "[0] is a list: enter the single number 0 itself."),
        (True, "True is a truth value"),
        (float("nan"), "nan is not a number you can reach by hand"),
        ("zero", "You entered the text 'zero': enter a number"),
    ],
)
def test_neuron_output_names_the_form_of_a_malformed_answer(answer, hint):
    verdict = exercises.check_neuron_output(answer)
    assert not verdict and hint in verdict.message


@pytest.mark.parametrize(
    "slip, hint",
    [
        (lambda wx, z: z, "now apply the ReLU"),
        (lambda wx, z: 1 / (1 + np.exp(-z)), "That is sigmoid(z)"),
        (lambda wx, z: np.tanh(z), "That is tanh(z)"),
        (lambda wx, z: max(0.0, wx), "You left out the bias"),
        (lambda wx, z: max(0.0, wx + 0.3), "do not subtract it"),
    ],
)
def test_neuron_output_recognises_the_common_slips(slip, hint):
    wx = float(np.dot(exercises.NEURON_W, exercises.NEURON_X))
    verdict = exercises.check_neuron_output(slip(wx, wx + exercises.NEURON_B))
    assert not verdict and hint in verdict.message


def test_parameter_count_hints_at_forgotten_biases():
    model = build_mlp(10, hidden_units=(20, 20), output_units=5, compiled=False)
    assert exercises.check_parameter_count(model.count_params())
    weights_only = exercises.check_parameter_count(10 * 20 + 20 * 20 + 20 * 5)
    assert not weights_only and "bias" in weights_only.message
    assert not exercises.check_parameter_count(None)


def test_functional_model():
    inputs = keras.Input(shape=(4,))
    hidden = keras.layers.Dense(8, activation="tanh")(inputs)
    outputs = keras.layers.Dense(3, activation="softmax")(hidden)
    assert exercises.check_functional_model(keras.Model(inputs, outputs))
    hidden = keras.layers.Dense(8, activation="relu")(inputs)
    wrong = keras.Model(inputs, keras.layers.Dense(3, activation="softmax")(hidden))
    verdict = exercises.check_functional_model(wrong)
    assert not verdict and "applies the ReLU" in verdict.message
    assert not exercises.check_functional_model("model")


L = keras.layers


def _functional(build, n_inputs=4):
    inputs = keras.Input(shape=(n_inputs,))
    return keras.Model(inputs, build(inputs))


RIGHT_FORMS = {
    "activation layers": lambda i: L.Softmax()(L.Dense(3)(L.Activation("tanh")(L.Dense(8)(i)))),
    "keras.ops calls": lambda i: keras.ops.softmax(L.Dense(3)(keras.ops.tanh(L.Dense(8)(i)))),
    "nested Sequential": lambda i: keras.Sequential(
        [L.Dense(8, activation="tanh"), L.Dense(3, activation="softmax")])(i),
    "dropout and reshape": lambda i: L.Reshape((3,))(L.Dense(3, activation="softmax")(
        L.Dropout(0.5)(L.Dense(8, activation=keras.activations.tanh)(i)))),
    "Activation layer objects": lambda i: L.Activation(keras.activations.softmax)(
        L.Dense(3)(L.Activation(lambda z: keras.ops.tanh(z))(L.Dense(8)(i)))),
}


@pytest.mark.parametrize("form", RIGHT_FORMS)
def test_functional_model_accepts_right_answers_in_unusual_forms(form):
    verdict = exercises.check_functional_model(_functional(RIGHT_FORMS[form]))
    assert verdict, verdict.message


WRONG_FORMS = {
    "relu hidden": (lambda i: L.Dense(3, activation="softmax")(L.Dense(8, activation="relu")(i)),
                    "applies the ReLU"),
    "linear hidden": (lambda i: L.Dense(3, activation="softmax")(L.Dense(8)(i)),
                      "collapse into one linear map"),
    "relu as a layer": (lambda i: L.Dense(3, activation="softmax")(L.ReLU()(L.Dense(8)(i))),
                        "applies the ReLU"),
    "sigmoid output": (lambda i: L.Dense(3, activation="sigmoid")(L.Dense(8, activation="tanh")(i)),
                       "do not sum to 1"),
    "no output activation": (lambda i: L.Dense(3)(L.Dense(8, activation="tanh")(i)), "raw scores"),
    "16 hidden units": (lambda i: L.Dense(3, activation="softmax")(
        L.Dense(16, activation="tanh")(i)), "1 hidden layer of 16 units"),
    "no hidden layer": (lambda i: L.Dense(3, activation="softmax")(i), "no hidden layer"),
    "two hidden layers": (lambda i: L.Dense(3, activation="softmax")(L.Dense(
        8, activation="tanh")(L.Dense(8, activation="tanh")(i))), "2 hidden layers"),
    "two outputs": (lambda i: L.Dense(2, activation="softmax")(L.Dense(8, activation="tanh")(i)),
                    "2 values per row; it needs 3"),
    "swapped activations": (lambda i: L.Dense(3, activation="tanh")(
        L.Dense(8, activation="softmax")(i)), "The output applies tanh"),
}


@pytest.mark.parametrize("form", WRONG_FORMS)
def test_functional_model_names_the_real_slip(form):
    build, hint = WRONG_FORMS[form]
    verdict = exercises.check_functional_model(_functional(build))
    assert not verdict and hint in verdict.message, verdict.message


def test_functional_model_checks_the_input_shape_and_the_api():
    five = _functional(lambda i: L.Dense(3, activation="softmax")(L.Dense(8, activation="tanh")(i)),
                       n_inputs=5)
    verdict = exercises.check_functional_model(five)
    assert not verdict and "should be (None, 4)" in verdict.message

    class Subclassed(keras.Model):
        def __init__(self):
            super().__init__()
            self.hidden, self.out = L.Dense(8, activation="tanh"), L.Dense(3, activation="softmax")

        def call(self, x):
            return self.out(self.hidden(x))

    verdict = exercises.check_functional_model(Subclassed())
    assert not verdict and "Functional API" in verdict.message


def test_functional_model_refuses_sequential_models_without_crashing():
    right_layers = [keras.layers.Dense(8, activation="tanh"), keras.layers.Dense(3, activation="softmax")]
    with_input = keras.Sequential([keras.Input(shape=(4,)), *right_layers])
    verdict = exercises.check_functional_model(with_input)
    assert not verdict and "asks for the Functional API" in verdict.message
    without_input = keras.Sequential([keras.layers.Dense(8, activation="tanh")])
    verdict = exercises.check_functional_model(without_input)  # used to raise AttributeError
    assert not verdict and "Sequential" in verdict.message


def perfect_on(pair):
    """A 'model' that answers right on the validation and test rows of one pair."""
    data, split = load_penguins(features=pair), exercises.penguin_pair_split(pair)
    answers = {row.tobytes(): label for row, label in
               zip([*split.x_val, *data.x_test], [*split.y_val, *data.y_test])}
    return lambda X: np.array([answers.get(row.astype(np.float32).tobytes(), 0) for row in X])


def test_feature_pair_is_judged_on_validation_rows_and_reports_test_once():
    pair = ["bill_length_mm", "body_mass_g"]
    verdict = exercises.check_feature_pair(perfect_on(pair), pair)
    assert verdict and "100.0% validation accuracy" in verdict.message
    assert "test accuracy, reported once" in verdict.message
    # The validation rows are training rows, none of them a test row.
    split, data = exercises.penguin_pair_split(pair), load_penguins(features=pair)
    assert len(split.x_train) + len(split.x_val) == len(data.x_train)
    val_rows = {row.tobytes() for row in split.x_val}
    assert not val_rows & {row.tobytes() for row in data.x_test}
    always_adelie = lambda X: np.zeros(len(X), dtype=int)  # noqa: E731
    assert not exercises.check_feature_pair(always_adelie, pair)
    assert not exercises.check_feature_pair(None, pair)
    assert not exercises.check_feature_pair(always_adelie, ["bill_length_mm"])


@pytest.mark.parametrize("pair", [["bill_length_mm", "bill_depth_mm"], ["bill_depth_mm", "bill_length_mm"]])
def test_feature_pair_refuses_the_chapters_own_pair(pair):
    verdict = exercises.check_feature_pair(perfect_on(pair), pair)
    assert not verdict and "different pair than bill length and depth" in verdict.message


@pytest.mark.parametrize(
    "features, hint",
    [
        (["beak_colour", "body_mass_g"], "['beak_colour'] is not a measurement"),
        (["body_mass_g", "body_mass_g"], "two different measurements"),
        ("bill_length_mm", "Name exactly two measurements"),
        (None, "Name exactly two measurements"),
    ],
)
def test_feature_pair_answers_bad_names_with_a_verdict(features, hint):
    verdict = exercises.check_feature_pair(lambda X: np.zeros(len(X), dtype=int), features)
    assert not verdict and hint in verdict.message


def test_feature_pair_spots_a_model_trained_on_other_features():
    trained_on = ["bill_length_mm", "flipper_length_mm"]
    verdict = exercises.check_feature_pair(perfect_on(trained_on), ["bill_length_mm", "body_mass_g"])
    assert not verdict and "was it trained on ['bill_length_mm', 'flipper_length_mm']" in verdict.message


def test_feature_pair_spots_an_unstandardised_model():
    from sklearn.linear_model import LogisticRegression

    pair = ["bill_length_mm", "flipper_length_mm"]
    raw = load_penguins(features=pair, standardize=False)
    model = LogisticRegression(max_iter=5000).fit(raw.x_train, raw.y_train)
    verdict = exercises.check_feature_pair(model, pair)
    assert not verdict and "trained on unscaled data" in verdict.message


def test_feature_pair_explains_pairs_that_cannot_separate_the_species():
    pair = ["flipper_length_mm", "body_mass_g"]
    from sklearn.linear_model import LogisticRegression

    data = load_penguins(features=pair)
    model = LogisticRegression().fit(data.x_train, data.y_train)
    verdict = exercises.check_feature_pair(model, pair)
    assert not verdict and "Adelie and Chinstrap penguins overlap" in verdict.message


def test_feature_pair_explains_a_model_built_for_other_inputs():
    verdict = exercises.check_feature_pair(build_mlp(4, output_units=3,
                                                     output_activation="softmax"),
                                           ["bill_length_mm", "body_mass_g"])
    assert not verdict and "could not classify" in verdict.message


def _penguin_net(data, epochs, seed=0):
    from dlcourse.training import fit, set_seed

    set_seed(seed)
    model = build_mlp(2, hidden_units=(16, 8), output_units=3, output_activation="softmax")
    fit(model, data.x_train, data.y_train, epochs=epochs)
    return model


def test_feature_pair_scaling_hint_fires_on_its_slip_only():
    # Each hint produced by the slip that causes it: a network trained on
    # raw measurements is told so; a standardised one trained too briefly
    # is told to train longer, not that it saw unscaled data.
    pair = ["bill_length_mm", "flipper_length_mm"]
    raw = _penguin_net(load_penguins(features=pair, standardize=False), epochs=100)
    verdict = exercises.check_feature_pair(raw, pair)
    assert not verdict and "trained on unscaled data" in verdict.message
    brief = _penguin_net(load_penguins(features=pair), epochs=3)
    verdict = exercises.check_feature_pair(brief, pair)
    assert not verdict and "unscaled" not in verdict.message
    assert "train longer" in verdict.message
