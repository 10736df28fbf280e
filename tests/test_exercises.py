"""dlcourse.exercises: each checker accepts the right answer and rejects wrong ones."""

import keras
import numpy as np

from dlcourse import exercises
from dlcourse.models import build_mlp


def test_neuron_output(capsys):
    z = float(np.dot(exercises.NEURON_W, exercises.NEURON_X) + exercises.NEURON_B)
    assert exercises.check_neuron_output(max(0.0, z))
    assert "Correct!" in capsys.readouterr().out
    assert not exercises.check_neuron_output(None)
    assert not exercises.check_neuron_output(z - 1.0)
    if z < 0:  # forgetting the ReLU gets a hint about it
        assert not exercises.check_neuron_output(z)
        assert "apply the ReLU" in capsys.readouterr().out


def test_parameter_count_hints_at_forgotten_biases(capsys):
    model = build_mlp(10, hidden_units=(20, 20), output_units=5, compiled=False)
    assert exercises.check_parameter_count(model.count_params(), quiet=True)
    weights_only = 10 * 20 + 20 * 20 + 20 * 5
    assert not exercises.check_parameter_count(weights_only)
    assert "bias" in capsys.readouterr().out


def test_functional_model():
    inputs = keras.Input(shape=(4,))
    outputs = keras.layers.Dense(3, activation="softmax")(keras.layers.Dense(8, activation="tanh")(inputs))
    assert exercises.check_functional_model(keras.Model(inputs, outputs), quiet=True)
    wrong = build_mlp(4, hidden_units=(8,), activation="relu", output_units=3, output_activation="softmax")
    assert not exercises.check_functional_model(wrong, quiet=True)
    assert not exercises.check_functional_model("model", quiet=True)


def test_feature_pair_is_judged_on_the_test_split():
    def perfect_on(features):
        from dlcourse.data import load_penguins

        data = load_penguins(features=features)
        lookup = {x.tobytes(): y for x, y in zip(data.X_test, data.y_test)}
        return lambda X: np.array([lookup.get(row.astype(np.float32).tobytes(), 0) for row in X])

    pair = ["bill_length_mm", "body_mass_g"]
    assert exercises.check_feature_pair(perfect_on(pair), pair, quiet=True)
    always_adelie = lambda X: np.zeros(len(X), dtype=int)  # noqa: E731
    assert not exercises.check_feature_pair(always_adelie, pair, quiet=True)
    assert not exercises.check_feature_pair(None, pair, quiet=True)
    assert not exercises.check_feature_pair(always_adelie, ["bill_length_mm"], quiet=True)
