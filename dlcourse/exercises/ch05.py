"""Checkers of chapter 5's exercises (recurrent networks)."""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse.exercises.verdict import Verdict, read_number

__all__ = [
    "check_persistence_mae",
    "check_rnn_parameter_count",
    "PERSISTENCE_HORIZON",
    "RNN_FEATURES",
    "RNN_UNITS",
]

# Chapter 5, exercise 1: a SimpleRNN with RNN_UNITS units on RNN_FEATURES
# values per time step. Every slip (no recurrent weights, no biases, the
# window length counted in) gives a different number.
RNN_UNITS = 16
RNN_FEATURES = 3


def check_rnn_parameter_count(answer: Any) -> Verdict:
    """Chapter 5, exercise 1: the parameters of ``SimpleRNN(16)`` on 3 features per step.

    Examples
    --------
    >>> check_rnn_parameter_count(None)
    Not yet. Replace None with a whole number of parameters.
    >>> check_rnn_parameter_count(320)
    Correct! 3 x 16 input weights + 16 x 16 recurrent weights + 16 biases = 320.
    """
    value = read_number(answer, "a whole number of parameters")
    if isinstance(value, Verdict):
        return value
    n, u = RNN_FEATURES, RNN_UNITS
    expected = n * u + u * u + u
    if value == expected:
        return Verdict(True, f"{n} x {u} input weights + {u} x {u} recurrent weights + {u} biases "
                             f"= {expected}.")
    slips = {
        n * u + u: "You counted a Dense layer: a recurrent layer also feeds its state back, "
                   f"through a {u} x {u} matrix of recurrent weights.",
        n * u + u * u: f"Almost: each of the {u} units also has a bias.",
        u * u + u: f"You left out the input weights: {n} features x {u} units.",
        10 * (n * u + u * u + u): "The weights are shared by every time step: the window length "
                                  "does not change the count.",
        10 * u + u * u + u: f"That is a SimpleRNN({u}) reading {n} steps of 10 features: the "
                            "input shape is (time steps, features) = (10, 3), so the input "
                            f"weights are {n} x {u}.",
    }
    hint = slips.get(int(value) if value == int(value) else None,
                     "Count the input weights (features x units), the recurrent weights "
                     "(units x units) and the biases (one per unit).")
    return Verdict(False, f"{answer!r} is not it. {hint}")


# Chapter 5, exercise 2: persistence, PERSISTENCE_HORIZON years ahead.
PERSISTENCE_HORIZON = 3
# The exercise asks for the MAE to one decimal: an answer within half a
# unit of the first decimal (0.05 sunspots, plus rounding slack) passes, so
# the value printed with one decimal does. The slips are judged alike.
_PERSISTENCE_TOLERANCE = 0.05 + 1e-9


def _persistence_mae(horizon: int) -> tuple[float, float]:
    """MAE of the persistence forecast ``horizon`` years ahead on the sunspot test years.

    Returns it in sunspot numbers and in scaled units.
    """
    from dlcourse.data.series import load_sunspots

    data = load_sunspots()
    parts = data.windows(10, horizon=horizon)
    scaled = float(np.mean(np.abs(parts.x_test[:, -1, 0] - parts.y_test)))
    return scaled * data.std, scaled


def check_persistence_mae(answer: Any) -> Verdict:
    """Chapter 5, exercise 2: the persistence forecast's MAE three years ahead.

    The mean absolute error, in sunspot numbers, over the test years of
    ``load_sunspots()``, of forecasting each year's value by the value
    observed three years earlier, to one decimal: an answer within
    0.05 sunspots of the exact value passes.

    Examples
    --------
    >>> check_persistence_mae(68.2)
    Correct! the persistence forecast is off by 68.2 sunspots on average, three years ahead.
    >>> check_persistence_mae("25")
    Not yet. You entered the text '25': write the number itself, without quotes.
    """
    value = read_number(answer, "a number: the MAE in sunspot numbers")
    if isinstance(value, Verdict):
        return value
    expected, expected_scaled = _persistence_mae(PERSISTENCE_HORIZON)
    if abs(value - expected) <= _PERSISTENCE_TOLERANCE:
        return Verdict(True, f"the persistence forecast is off by {expected:.1f} sunspots on "
                             "average, three years ahead.")
    one_year, _ = _persistence_mae(1)
    two_years, _ = _persistence_mae(PERSISTENCE_HORIZON - 1)
    if value == 0:
        return Verdict(False, f"{answer!r} is not it. An error of 0 means the forecast *is* the "
                              "target: it may use only values observed before the target year, "
                              "the last value of each window (x_test[:, -1, 0]), never y_test.")
    slips = [
        (expected_scaled, "That is the MAE in scaled units: multiply by data.std (or unscale "
                          "both forecast and truth) to get sunspot numbers."),
        (one_year, "That is one year ahead: use make_windows (or data.windows) with horizon=3."),
        (two_years, "That is two years ahead, one year short: with horizon=3 the target is the "
                    "third value after the window's last one, and the forecast is that last "
                    "value."),
    ]
    for wrong, hint in slips:
        if abs(value - wrong) <= _PERSISTENCE_TOLERANCE:
            return Verdict(False, f"{answer!r} is not it. {hint}")
    return Verdict(False, f"{answer!r} is not it. Take the windows with horizon=3, forecast each "
                          "target by the last value of its window, and average the absolute "
                          "errors over the test years, in sunspot numbers; to one decimal (within "
                          f"{_PERSISTENCE_TOLERANCE:.2f}) is close enough.")
