"""Chapter 3's exercise checkers accept the right answers and name the usual slips."""

import numpy as np

from dlcourse import exercises
from dlcourse.evaluation import epochs_to_reach, generalization_gap
from dlcourse.plotting import plot_curves, plot_descent
from dlcourse.scratch import gradient_descent


def test_mse():
    assert exercises.check_mse(1.25)
    assert "mean absolute error" in exercises.check_mse(0.75).message
    assert "sum of the squared" in exercises.check_mse(5.0).message
    assert "RMSE" in exercises.check_mse(np.sqrt(1.25)).message
    assert "without quotes" in exercises.check_mse("1.25").message


def test_descent_step():
    assert exercises.check_descent_step(28 / 15)
    assert "uphill" in exercises.check_descent_step(-28 / 15).message
    assert "gradient dL/dw itself" in exercises.check_descent_step(-56 / 3).message
    assert "the 2 of the derivative" in exercises.check_descent_step(14 / 15).message


def test_learning_rate():
    assert exercises.check_learning_rate(0.3)
    assert "too small" in exercises.check_learning_rate(0.01).message
    assert "jumps across" in exercises.check_learning_rate(0.95).message
    assert "overshoot" in exercises.check_learning_rate(1.2).message
    assert "blew up" in exercises.check_learning_rate(1e80).message
    assert "> 0" in exercises.check_learning_rate(-0.1).message
    # 1 is the edge for a standardised feature: the loss neither falls nor
    # grows, and the message says so in numbers that differ.
    edge = exercises.check_learning_rate(1.0).message
    assert "stays at 1.0000" in edge and "grew" not in edge


def test_descent_step_states_and_applies_its_tolerance():
    from fractions import Fraction

    import tensorflow as tf

    assert exercises.STEP_TOLERANCE == 0.005
    assert exercises.check_descent_step(1.87)  # right to two decimals
    assert exercises.check_descent_step(Fraction(28, 15))
    assert exercises.check_descent_step(tf.constant(28 / 15))
    message = exercises.check_descent_step(1.8).message
    assert "within 0.005" in message


def test_selection_helpers():
    assert epochs_to_reach([3.0, 2.0, 1.0], 1.0) == 3
    assert epochs_to_reach([3.0, 2.0], 1.0) is None

    def model(x):
        return np.tile([0.5, 0.5], (len(x), 1))

    gap = generalization_gap(model, np.zeros((3, 2)), [0, 1, 0], np.zeros((2, 2)), [1, 1])
    assert gap["loss_gap"] == 0.0 and np.isclose(gap["train_loss"], np.log(2))


def test_plots_draw_what_they_are_given():
    x, y = np.arange(5.0), 2 * np.arange(5.0) + 1
    ax = plot_descent(x, y, {"a": gradient_descent(x, y, 0.02, 10)})
    assert [line.get_label() for line in ax.get_lines()] == ["a", "minimum"]
    ax = plot_curves({"SGD": [1.0, 0.5]}, target=0.6, log_y=True)
    assert ax.get_yscale() == "log"


def test_generalization_gap_of_a_regressor_and_a_wrong_task():
    import pytest

    def line(x):
        return 2 * x[:, 0]

    gap = generalization_gap(line, [[1.0], [2.0]], [2.0, 4.0], [[1.0]], [3.0], task="regression")
    assert gap == {"train_loss": 0.0, "val_loss": 1.0, "loss_gap": 1.0}
    with pytest.raises(ValueError, match="task='regression'"):
        generalization_gap(line, [[1.0]], [2], [[1.0]], [3])
    with pytest.raises(ValueError, match="task must be one of"):
        generalization_gap(line, [[1.0]], [2.0], [[1.0]], [3.0], task="ranking")


def test_backprop_gradient_matches_gradient_tape_and_names_each_slip():
    import tensorflow as tf

    e = exercises
    w1, b1 = tf.Variable(e.BACKPROP_W1), tf.Variable(e.BACKPROP_B1)
    with tf.GradientTape() as tape:
        h = tf.nn.relu(w1 * e.BACKPROP_X + b1)
        loss = (e.BACKPROP_W2 * h + e.BACKPROP_B2 - e.BACKPROP_Y) ** 2
    right = float(tape.gradient(loss, w1))
    assert e.check_backprop_gradient(right)
    assert e.check_backprop_gradient(tf.constant(right))
    hints = {right / 2: "the 2 of the squared error", right / e.BACKPROP_X: "dz1/dw1 = x",
             right / e.BACKPROP_W2: "through w2", -right: "wrong sign"}
    for slip, hint in hints.items():
        message = e.check_backprop_gradient(slip).message
        assert hint in message, (slip, message)


def test_total_steps_match_what_fit_runs():
    import keras

    from dlcourse.models import build_mlp
    from dlcourse.training import fit

    class CountSteps(keras.callbacks.Callback):
        def on_train_begin(self, logs=None):
            self.steps = 0

        def on_train_batch_end(self, batch, logs=None):
            self.steps += 1

    e = exercises
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(e.STEPS_N_ROWS, 3)), rng.integers(0, 2, e.STEPS_N_ROWS)
    counter = CountSteps()
    fit(build_mlp(3, hidden_units=(2,)), x, y, epochs=e.STEPS_EPOCHS,
        batch_size=e.STEPS_BATCH_SIZE, validation_split=e.STEPS_VALIDATION_SPLIT,
        callbacks=counter)
    assert counter.steps == e.expected_total_steps() == 180
    assert e.check_total_steps(180)
    assert "validation rows" in e.check_total_steps(225).message
    assert "one epoch" in e.check_total_steps(36).message
    assert "round the batches" in e.check_total_steps(175).message


def test_adam_step_matches_keras_adam():
    import keras

    e = exercises
    w = keras.Variable(e.ADAM_START)
    optimizer = keras.optimizers.Adam(learning_rate=e.ADAM_LEARNING_RATE,
                                      beta_1=e.ADAM_BETAS[0], beta_2=e.ADAM_BETAS[1])
    optimizer.apply_gradients([(keras.ops.convert_to_tensor(e.ADAM_GRADIENT), w)])
    new_w = float(keras.ops.convert_to_numpy(w))
    assert e.check_adam_step(new_w) and abs(new_w - 0.9) < 1e-4
    no_correction = e.ADAM_START - e.ADAM_LEARNING_RATE * 0.1 * e.ADAM_GRADIENT / np.sqrt(
        0.001 * e.ADAM_GRADIENT ** 2)
    assert "bias correction" in e.check_adam_step(no_correction).message
    assert "plain SGD" in e.check_adam_step(0.6).message


def test_dropout_output_matches_keras_dropout():
    import keras

    e = exercises
    layer = keras.layers.Dropout(e.DROPOUT_RATE, seed=0)
    out = keras.ops.convert_to_numpy(layer(np.full((1, 1000), e.DROPOUT_VALUE), training=True))
    kept = out[out != 0]
    assert np.allclose(kept, kept[0]) and e.check_dropout_output(float(kept[0]))
    assert "prediction time" in e.check_dropout_output(e.DROPOUT_VALUE).message
    assert "original paper" in e.check_dropout_output(1.5).message
