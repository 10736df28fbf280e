"""dlcourse.exercises: each checker accepts the right answer and rejects wrong ones."""

import keras
import numpy as np

from dlcourse import exercises
from dlcourse.data import load_penguins
from dlcourse.models import build_mlp


def test_verdict_reads_as_a_sentence_and_a_truth_value():
    assert repr(exercises.Verdict(True, "Yes.")) == "Correct! Yes."
    assert repr(exercises.Verdict(False, "No.")) == "Not yet. No."
    assert exercises.Verdict(True, "") and not exercises.Verdict(False, "")


def test_neuron_output():
    z = float(np.dot(exercises.NEURON_W, exercises.NEURON_X) + exercises.NEURON_B)
    assert exercises.check_neuron_output(max(0.0, z))
    assert not exercises.check_neuron_output(None)
    assert not exercises.check_neuron_output("0")
    assert not exercises.check_neuron_output(z - 1.0)
    assert z < 0, "the exercise should make the ReLU matter"
    forgot_relu = exercises.check_neuron_output(z)
    assert not forgot_relu and "apply the ReLU" in forgot_relu.message


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
    wrong = build_mlp(4, hidden_units=(8,), activation="relu", output_units=3,
                      output_activation="softmax")
    verdict = exercises.check_functional_model(wrong)
    assert not verdict and "(8, 'relu')" in verdict.message
    assert not exercises.check_functional_model("model")


def test_feature_pair_is_judged_on_the_test_split():
    pair = ["bill_length_mm", "body_mass_g"]
    data = load_penguins(features=pair)
    answers = {row.tobytes(): label for row, label in zip(data.X_test, data.y_test)}

    def perfect(X):
        return np.array([answers.get(row.astype(np.float32).tobytes(), 0) for row in X])

    assert exercises.check_feature_pair(perfect, pair)
    always_adelie = lambda X: np.zeros(len(X), dtype=int)  # noqa: E731
    assert not exercises.check_feature_pair(always_adelie, pair)
    assert not exercises.check_feature_pair(None, pair)
    assert not exercises.check_feature_pair(always_adelie, ["bill_length_mm"])


def test_feature_pair_explains_a_model_built_for_other_inputs():
    verdict = exercises.check_feature_pair(build_mlp(4, output_units=3,
                                                     output_activation="softmax"),
                                           ["bill_length_mm", "body_mass_g"])
    assert not verdict and "could not classify" in verdict.message
