"""Chapter 5's exercise checkers accept the answer and name the usual slips."""

import numpy as np

from dlcourse.data import load_sunspots
from dlcourse.exercises import check_persistence_mae, check_rnn_parameter_count


def test_rnn_parameter_count():
    assert check_rnn_parameter_count(320)
    assert "recurrent" in check_rnn_parameter_count(64).message
    assert "bias" in check_rnn_parameter_count(304).message
    assert "shared" in check_rnn_parameter_count(3200).message
    assert not check_rnn_parameter_count(321)


def test_rnn_parameter_count_agrees_with_keras():
    import keras

    model = keras.Sequential([keras.Input(shape=(10, 3)), keras.layers.SimpleRNN(16)])
    assert check_rnn_parameter_count(model.count_params())


def test_persistence_mae():
    data = load_sunspots()
    parts = data.windows(5, horizon=3)
    mae = float(np.mean(np.abs(data.unscale(parts.x_test[:, -1, 0]) - data.unscale(parts.y_test))))
    assert check_persistence_mae(mae)
    scaled = mae / data.std
    assert "scaled" in check_persistence_mae(scaled).message
    one_year = data.windows(5)
    mae_1 = float(np.mean(np.abs(one_year.x_test[:, -1, 0] - one_year.y_test))) * data.std
    assert "one year ahead" in check_persistence_mae(mae_1).message
    assert not check_persistence_mae(mae + 1)


def test_rnn_parameter_count_names_the_transposed_input():
    import keras

    transposed = keras.Sequential([keras.Input(shape=(3, 10)), keras.layers.SimpleRNN(16)])
    verdict = check_rnn_parameter_count(transposed.count_params())
    assert transposed.count_params() == 432
    assert not verdict and "(time steps, features)" in verdict.message, verdict


def test_persistence_mae_names_off_by_one_and_leakage():
    data = load_sunspots()
    # off by one: horizon=2 where the exercise asks for 3
    parts_2 = data.windows(10, horizon=2)
    mae_2 = float(np.mean(np.abs(data.unscale(parts_2.x_test[:, -1, 0])
                                 - data.unscale(parts_2.y_test))))
    assert round(mae_2, 2) == 48.42
    verdict = check_persistence_mae(mae_2)
    assert not verdict and "two years ahead" in verdict.message, verdict
    # leakage: the "forecast" is the target itself
    parts_3 = data.windows(10, horizon=3)
    leaked = float(np.mean(np.abs(data.unscale(parts_3.y_test) - data.unscale(parts_3.y_test))))
    verdict = check_persistence_mae(leaked)
    assert not verdict and "never y_test" in verdict.message, verdict


def test_persistence_mae_accepts_the_printed_value_to_one_decimal():
    from fractions import Fraction

    data = load_sunspots()
    parts = data.windows(10, horizon=3)
    mae = float(np.mean(np.abs(data.unscale(parts.x_test[:, -1, 0])
                               - data.unscale(parts.y_test))))
    printed = float(f"{mae:.1f}")
    assert check_persistence_mae(printed), printed
    assert check_persistence_mae(Fraction(f"{mae:.1f}"))
    assert check_persistence_mae(np.float32(mae))
    # one unit of the first decimal off is not it, and the hint says how
    # close is close enough
    for wrong in (printed + 0.1, printed - 0.1):
        verdict = check_persistence_mae(wrong)
        assert not verdict and "within 0.05" in verdict.message, verdict
    # the slips are recognised at their printed values too
    scaled = float(f"{mae / data.std:.1f}")
    assert "scaled" in check_persistence_mae(scaled).message
    one_year = data.windows(10)
    mae_1 = float(np.mean(np.abs(one_year.x_test[:, -1, 0] - one_year.y_test))) * data.std
    assert "one year ahead" in check_persistence_mae(float(f"{mae_1:.1f}")).message
