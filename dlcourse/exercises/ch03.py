"""Checkers of chapter 3's exercises (how a network learns)."""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse.exercises.verdict import Verdict, read_number

__all__ = [
    "check_descent_step",
    "check_learning_rate",
    "check_mse",
    "MSE_Y_PRED",
    "MSE_Y_TRUE",
    "RATE_STEPS",
    "RATE_TOLERANCE",
    "STEP_LEARNING_RATE",
    "STEP_START",
    "STEP_TOLERANCE",
    "STEP_X",
    "STEP_Y",
]

# Chapter 3, exercise 1: a mean squared error by hand. The numbers make each
# slip give a different answer (mean absolute error, sum, root, no square).
MSE_Y_TRUE = (2.0, 0.0, 3.0, 1.0)
MSE_Y_PRED = (3.0, 0.0, 1.0, 1.0)


def check_mse(answer: Any) -> Verdict:
    """Chapter 3, exercise 1: the MSE of ``MSE_Y_PRED`` against ``MSE_Y_TRUE``.

    Examples
    --------
    >>> check_mse(None)
    Not yet. Replace None with a number: the mean of the squared errors.
    """
    from dlcourse.scratch.losses import mean_squared_error

    value = read_number(answer, "a number: the mean of the squared errors")
    if isinstance(value, Verdict):
        return value
    errors = np.subtract(MSE_Y_PRED, MSE_Y_TRUE)
    expected = mean_squared_error(MSE_Y_TRUE, MSE_Y_PRED)
    if np.isclose(value, expected, atol=1e-6):
        return Verdict(True, f"The errors {errors.tolist()} square to {(errors ** 2).tolist()}, "
                             f"whose mean is {expected:g}.")
    slips = [
        (float(np.abs(errors).mean()), "That is the mean absolute error: square each error "
                                       "before averaging."),
        (float((errors ** 2).sum()), "That is the sum of the squared errors: divide by the "
                                     "number of examples."),
        (float(np.sqrt(expected)), "That is the root of the MSE (the RMSE): leave out the root."),
        (float(errors.mean()), "That is the mean error, where +1 and -2 cancel out: square each "
                               "error first."),
        (float(-errors.mean()), "That is the mean error, where +1 and -2 cancel out: square each "
                                "error first."),
    ]
    for wrong, hint in slips:
        if np.isclose(value, wrong, atol=1e-4):
            return Verdict(False, f"{answer!r} is not it. {hint}")
    return Verdict(False, f"{answer!r} is not it. Subtract each target from its prediction, "
                          "square the differences, and take their mean.")


# Chapter 3, exercise 2: one gradient-descent step on w for y ~ w x + b.
STEP_X = (1.0, 2.0, 3.0)
STEP_Y = (2.0, 4.0, 6.0)
STEP_START = (0.0, 0.0)
STEP_LEARNING_RATE = 0.1
STEP_TOLERANCE = 0.005  # answers right to two decimals count


def check_descent_step(answer: Any) -> Verdict:
    """Chapter 3, exercise 2: ``w`` after one gradient-descent step from ``STEP_START``.

    Answers within ``STEP_TOLERANCE`` (0.005: right to two decimals) count.

    Examples
    --------
    >>> check_descent_step("1")
    Not yet. You entered the text '1': write the number itself, without quotes.
    """
    from dlcourse.scratch.descent import gradient_descent, line_gradient

    value = read_number(answer, "a number: the new weight w")
    if isinstance(value, Verdict):
        return value
    grad_w, _ = line_gradient(STEP_X, STEP_Y, *STEP_START)
    expected = float(gradient_descent(STEP_X, STEP_Y, STEP_LEARNING_RATE, 1,
                                      start=STEP_START)[1, 0])
    w0, lr = STEP_START[0], STEP_LEARNING_RATE
    if abs(value - expected) <= STEP_TOLERANCE:
        return Verdict(True, f"dL/dw = {grad_w:.4g}, so w = {w0:g} - {lr:g} x ({grad_w:.4g}) "
                             f"= {expected:.4g}: a step downhill.")
    slips = [
        (w0 + lr * grad_w, "You stepped uphill: subtract the learning rate times the gradient."),
        (grad_w, "That is the gradient dL/dw itself; the new w is w - learning_rate * dL/dw."),
        (-grad_w, "That is minus the gradient; multiply it by the learning rate, 0.1."),
        (w0 - lr * grad_w / 2, "You left out the 2 of the derivative: d(r^2)/dr = 2r."),
        (w0 + lr * grad_w / 2, "Two slips: the 2 of the derivative is missing, and the step goes "
                               "uphill."),
    ]
    for wrong, hint in slips:
        if abs(value - wrong) <= STEP_TOLERANCE:
            return Verdict(False, f"{answer!r} is not it. {hint}")
    return Verdict(False, f"{answer!r} is not it (answers within {STEP_TOLERANCE:g} of the "
                          "right one count). With w = b = 0 the residuals are r = -y; "
                          "dL/dw = 2 * mean(r * x), and the step is w - 0.1 * dL/dw.")


# Chapter 3, exercise 3: a learning rate that converges within these steps.
RATE_STEPS = 5
RATE_TOLERANCE = 0.01  # within 1 % of the least loss


def check_learning_rate(learning_rate: Any) -> Verdict:
    """Chapter 3, exercise 3: a learning rate that fits the diabetes line in ``RATE_STEPS`` steps.

    Runs :func:`dlcourse.scratch.gradient_descent` from (0, 0) on the
    body-mass index (standardised) of ``load_diabetes()``'s training rows
    and accepts the rate if the loss ends within ``RATE_TOLERANCE`` of the
    least possible loss.

    Examples
    --------
    >>> check_learning_rate(0)
    Not yet. A learning rate must be > 0: with 0 the weights never move.
    """
    from dlcourse.data import load_diabetes
    from dlcourse.scratch.descent import gradient_descent, line_loss

    value = read_number(learning_rate, "a learning rate, a number > 0")
    if isinstance(value, Verdict):
        return value
    if value <= 0:
        return Verdict(False, "A learning rate must be > 0: with 0 the weights never move."
                       if value == 0 else
                       f"A learning rate must be > 0; {value:g} steps uphill.")
    data = load_diabetes()
    x, y = data.x_train[:, list(data.feature_names).index("bmi")], data.y_train
    path = gradient_descent(x, y, value, RATE_STEPS)
    start_loss = float(line_loss(x, y, 0.0, 0.0))
    w_best, b_best = np.polyfit(x, y, 1)
    least = float(line_loss(x, y, w_best, b_best))
    if len(path) < RATE_STEPS + 1:
        return Verdict(False, f"With {value:g} the weights blew up to infinity: far too large.")
    final = float(line_loss(x, y, *path[-1]))
    if final <= least * (1 + RATE_TOLERANCE):
        return Verdict(True, f"After {RATE_STEPS} steps the loss is {final:.4f}, within "
                             f"{RATE_TOLERANCE:.0%} of the least, {least:.4f}.")
    if np.isclose(final, start_loss, rtol=1e-6):
        return Verdict(False, f"With {value:g} the loss stays at {start_loss:.4f}: each step "
                              "jumps across the minimum to a point just as far on the other "
                              "side (for this standardised feature, 1 is exactly the edge). "
                              "Try a smaller rate.")
    if final > start_loss:
        return Verdict(False, f"With {value:g} the loss grew from {start_loss:.4f} to "
                              f"{final:.4f}: the steps overshoot. Try a smaller rate.")
    side = np.sign(path[1:, 0] - w_best)
    if np.all(side[1:] * side[:-1] < 0):
        return Verdict(False, f"With {value:g} the weight jumps across the minimum at every step "
                              f"(loss {final:.4f} after {RATE_STEPS} steps, least {least:.4f}): "
                              "too large. Try a smaller rate.")
    return Verdict(False, f"With {value:g} the loss is still {final:.4f} after {RATE_STEPS} "
                          f"steps (least: {least:.4f}): too small. Try a larger rate.")
