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
