"""Checkers of chapter 3's exercises (how a network learns)."""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse.exercises.verdict import Verdict, read_number

__all__ = [
    "ADAM_BETAS",
    "ADAM_GRADIENT",
    "ADAM_LEARNING_RATE",
    "ADAM_START",
    "BACKPROP_B1",
    "BACKPROP_B2",
    "BACKPROP_W1",
    "BACKPROP_W2",
    "BACKPROP_X",
    "BACKPROP_Y",
    "check_adam_step",
    "check_backprop_gradient",
    "check_dropout_output",
    "check_total_steps",
    "DROPOUT_RATE",
    "DROPOUT_VALUE",
    "expected_total_steps",
    "STEPS_BATCH_SIZE",
    "STEPS_EPOCHS",
    "STEPS_N_ROWS",
    "STEPS_VALIDATION_SPLIT",
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


# Chapter 3, exercise 4: one gradient by backpropagation, by hand. A network
# with one input, one ReLU hidden unit and a linear output, loss (y_hat - y)^2.
# The numbers make each slip give its own answer.
BACKPROP_X = 3.0
BACKPROP_W1, BACKPROP_B1 = 0.5, 0.5
BACKPROP_W2, BACKPROP_B2 = -2.0, 4.0
BACKPROP_Y = 1.0


def _backprop_parts() -> dict[str, float]:
    z1 = BACKPROP_W1 * BACKPROP_X + BACKPROP_B1
    h = max(0.0, z1)
    y_hat = BACKPROP_W2 * h + BACKPROP_B2
    d_y_hat = 2 * (y_hat - BACKPROP_Y)
    relu_slope = 1.0 if z1 > 0 else 0.0
    return {"z1": z1, "h": h, "y_hat": y_hat, "d_y_hat": d_y_hat,
            "d_w1": d_y_hat * BACKPROP_W2 * relu_slope * BACKPROP_X,
            "d_w2": d_y_hat * h}


def check_backprop_gradient(answer: Any) -> Verdict:
    """Chapter 3, exercise 4: dL/dw1 of a one-unit network, by the chain rule.

    The network computes ``h = relu(w1 * x + b1)``, ``y_hat = w2 * h + b2``
    and the loss ``L = (y_hat - y) ** 2``, with the ``BACKPROP_*`` numbers.
    Answers within 1e-6 count (the answer is a whole number).

    Examples
    --------
    >>> check_backprop_gradient(12)
    Correct! dL/dy_hat = 2 (y_hat - y) = -2, times w2 = -2, times relu'(z1) = 1, times x = 3: 12.
    """
    value = read_number(answer, "a number: dL/dw1")
    if isinstance(value, Verdict):
        return value
    parts = _backprop_parts()
    expected = parts["d_w1"]
    if abs(value - expected) <= 1e-6:
        return Verdict(True, f"dL/dy_hat = 2 (y_hat - y) = {parts['d_y_hat']:g}, times w2 = "
                             f"{BACKPROP_W2:g}, times relu'(z1) = 1, times x = {BACKPROP_X:g}: "
                             f"{expected:g}.")
    slips = [
        (expected / 2, "You left out the 2 of the squared error: dL/dy_hat = 2 (y_hat - y)."),
        (expected / BACKPROP_X, "You stopped one factor short: z1 = w1 * x + b1, so "
                                "dz1/dw1 = x."),
        (expected / BACKPROP_W2, "The gradient reaches h through w2: multiply by w2 (and mind "
                                 "its sign)."),
        (parts["d_w2"], "That is dL/dw2 (the output weight's gradient); the question asks for "
                        "the hidden weight w1, one layer further back."),
        (-expected, "Right size, wrong sign: y_hat - y and w2 each carry a sign."),
        (parts["d_y_hat"], "That is dL/dy_hat; keep multiplying back to w1."),
    ]
    for wrong, hint in slips:
        if abs(value - wrong) <= 1e-6:
            return Verdict(False, f"{answer!r} is not it. {hint}")
    return Verdict(False, f"{answer!r} is not it (answers within 1e-6 count). Compute z1, h and "
                          "y_hat first; then multiply dL/dy_hat by dy_hat/dh = w2, "
                          "dh/dz1 = relu'(z1) and dz1/dw1 = x.")


# Chapter 3, exercise 5: gradient steps in a call of fit.
STEPS_N_ROWS = 1437
STEPS_BATCH_SIZE = 32
STEPS_EPOCHS = 5
STEPS_VALIDATION_SPLIT = 0.2


def expected_total_steps() -> int:
    """The gradient steps of ``fit`` with the ``STEPS_*`` settings (Keras' rounding).

    Examples
    --------
    >>> expected_total_steps()
    180
    """
    import math

    n_train = math.ceil(STEPS_N_ROWS * (1 - STEPS_VALIDATION_SPLIT))
    return STEPS_EPOCHS * math.ceil(n_train / STEPS_BATCH_SIZE)


def check_total_steps(answer: Any) -> Verdict:
    """Chapter 3, exercise 5: the gradient steps of one call of ``fit``.

    ``STEPS_N_ROWS`` training rows, ``validation_split=STEPS_VALIDATION_SPLIT``,
    ``batch_size=STEPS_BATCH_SIZE`` and ``epochs=STEPS_EPOCHS``. The answer
    is a whole number and must be exact.

    Examples
    --------
    >>> bool(check_total_steps(expected_total_steps()))
    True
    """
    import math

    value = read_number(answer, "a whole number of steps")
    if isinstance(value, Verdict):
        return value
    expected = expected_total_steps()
    n_train = math.ceil(STEPS_N_ROWS * (1 - STEPS_VALIDATION_SPLIT))
    per_epoch = math.ceil(n_train / STEPS_BATCH_SIZE)
    if value == expected:
        return Verdict(True, f"{n_train} rows train (the other {STEPS_N_ROWS - n_train} "
                             f"validate), in {per_epoch} batches of up to {STEPS_BATCH_SIZE} "
                             f"(the last one smaller): {per_epoch} steps per epoch, {expected} "
                             "in all.")
    slips = [
        (STEPS_EPOCHS * math.ceil(STEPS_N_ROWS / STEPS_BATCH_SIZE),
         "The validation rows are not trained on: only 80 % of the rows make batches."),
        (per_epoch, f"That is one epoch; fit runs {STEPS_EPOCHS}."),
        (STEPS_EPOCHS * (n_train // STEPS_BATCH_SIZE),
         "The last, smaller batch is a step too: round the batches per epoch up."),
        (STEPS_EPOCHS * n_train, "One step per batch, not per row."),
    ]
    for wrong, hint in slips:
        if value == wrong:
            return Verdict(False, f"{answer!r} is not it. {hint}")
    return Verdict(False, f"{answer!r} is not it. Count the training rows left after the "
                          "validation split, the batches they make per epoch (rounded up), "
                          "and multiply by the epochs.")


# Chapter 3, exercise 6: Adam's first step, with its bias correction.
ADAM_START = 1.0
ADAM_GRADIENT = 4.0
ADAM_LEARNING_RATE = 0.1
ADAM_BETAS = (0.9, 0.999)


def check_adam_step(answer: Any) -> Verdict:
    """Chapter 3, exercise 6: the weight after Adam's first step.

    Starting from ``w = ADAM_START`` with the gradient ``ADAM_GRADIENT``,
    learning rate ``ADAM_LEARNING_RATE`` and Keras' default betas (epsilon
    1e-7 is negligible here). Answers within 0.0005 count (three decimals).

    Examples
    --------
    >>> bool(check_adam_step(0.9))
    True
    """
    value = read_number(answer, "a number: the new weight w")
    if isinstance(value, Verdict):
        return value
    (b1, b2), g, lr, w = ADAM_BETAS, ADAM_GRADIENT, ADAM_LEARNING_RATE, ADAM_START
    m, v = (1 - b1) * g, (1 - b2) * g ** 2
    m_hat, v_hat = m / (1 - b1), v / (1 - b2)
    expected = w - lr * m_hat / (np.sqrt(v_hat) + 1e-7)
    if abs(value - expected) <= 5e-4:
        return Verdict(True, f"m = {m:g} and v = {v:g}; corrected, m_hat = {m_hat:g} and v_hat = "
                             f"{v_hat:g}, so the step is lr * m_hat / sqrt(v_hat) = {lr:g}: "
                             f"w = {expected:.4g}. Adam's first step has the size of the "
                             "learning rate, whatever the gradient's size.")
    slips = [
        (w - lr * m / np.sqrt(v), "You left out the bias correction: divide m by (1 - beta1) "
                                  "and v by (1 - beta2) before the step."),
        (w - lr * g, "That is plain SGD's step; Adam divides by the root of v_hat."),
        (w + lr * m_hat / np.sqrt(v_hat), "You stepped uphill: subtract the step."),
        (w - lr * m_hat / v_hat, "Divide by the square root of v_hat, not by v_hat itself."),
    ]
    for wrong, hint in slips:
        if abs(value - wrong) <= 5e-4:
            return Verdict(False, f"{answer!r} is not it. {hint}")
    return Verdict(False, f"{answer!r} is not it (answers within 0.0005 count). m = (1 - beta1) "
                          "g and v = (1 - beta2) g^2 after one step; correct both, then "
                          "w - lr * m_hat / sqrt(v_hat).")


# Chapter 3, exercise 7: what Keras' Dropout does to a kept unit in training.
DROPOUT_RATE = 0.25
DROPOUT_VALUE = 2.0


def check_dropout_output(answer: Any) -> Verdict:
    """Chapter 3, exercise 7: a kept unit's output through ``Dropout(DROPOUT_RATE)`` in training.

    Keras uses *inverted* dropout: kept units are divided by ``1 - rate``
    during training, so nothing needs rescaling at prediction time. Answers
    within 0.005 count (two decimals).

    Examples
    --------
    >>> bool(check_dropout_output(8 / 3))
    True
    """
    value = read_number(answer, "a number: the kept unit's output in training")
    if isinstance(value, Verdict):
        return value
    expected = DROPOUT_VALUE / (1 - DROPOUT_RATE)
    if abs(value - expected) <= 5e-3:
        return Verdict(True, f"{DROPOUT_VALUE:g} / (1 - {DROPOUT_RATE:g}) = {expected:.4g}: "
                             "the kept units are scaled up in training, so the layer's "
                             "expected output is the same as at prediction time.")
    slips = [
        (DROPOUT_VALUE, "That is its output at prediction time; in training, Keras scales "
                        "the kept units."),
        (DROPOUT_VALUE * (1 - DROPOUT_RATE), "That is the scaling of the original paper, at "
                                             "prediction time; Keras divides the kept units by "
                                             "1 - rate in training instead."),
        (0.0, "That is a dropped unit; the question asks about a kept one."),
        (DROPOUT_VALUE * DROPOUT_RATE, "The rate is the fraction dropped, not kept."),
    ]
    for wrong, hint in slips:
        if abs(value - wrong) <= 5e-3:
            return Verdict(False, f"{answer!r} is not it. {hint}")
    return Verdict(False, f"{answer!r} is not it (answers within 0.005 count). Keras divides "
                          "a kept unit's output by 1 - rate during training.")
