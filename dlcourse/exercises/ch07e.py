"""Checkers of the exercises of page 7.5, deep learning's challenges (``book/07e_challenges.md``)."""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse.exercises._slips import read_array
from dlcourse.exercises.verdict import Verdict

__all__ = [
    "check_fgsm_step",
    "FGSM_EPSILON",
    "FGSM_GRADIENT",
    "FGSM_X",
]



# Page 7e, exercise 1: one FGSM step, by hand.
FGSM_X = (0.2, 0.9, 0.5, 0.0)


FGSM_GRADIENT = (0.3, 0.05, -0.7, -0.1)


FGSM_EPSILON = 0.2


def check_fgsm_step(answer: Any) -> Verdict:
    """Page 7e, exercise 1: the FGSM image of ``FGSM_X`` for ``FGSM_GRADIENT`` and ``FGSM_EPSILON``.

    Pixel values are clipped to [0, 1].

    Examples
    --------
    >>> check_fgsm_step(None)
    Not yet. Replace None with the four perturbed pixel values, as a list.
    """
    values = read_array(answer, "the four perturbed pixel values, as a list", (len(FGSM_X),))
    if isinstance(values, Verdict):
        return values
    x, g, eps = np.array(FGSM_X), np.array(FGSM_GRADIENT), FGSM_EPSILON
    expected = np.clip(x + eps * np.sign(g), 0, 1)
    if np.allclose(values, expected, atol=1e-6):
        return Verdict(True, f"{expected.tolist()}: every pixel moved by {eps} up the loss, "
                             "then was clipped to [0, 1].")
    slips = [
        (x + eps * np.sign(g), "Right step; now clip to [0, 1]: a pixel cannot go below 0 or "
                               "above 1."),
        (np.clip(x - eps * np.sign(g), 0, 1), "You stepped down the gradient, which lowers "
                                              "the loss: FGSM adds epsilon * sign(gradient)."),
        (np.clip(x + eps * g, 0, 1), "You scaled the gradient itself; FGSM uses only its sign, "
                                     "so every pixel moves by exactly epsilon."),
        (np.clip(x + g, 0, 1), "You added the gradient; FGSM adds epsilon * sign(gradient)."),
    ]
    for wrong, hint in slips:
        if np.allclose(values, wrong, atol=1e-6):
            return Verdict(False, hint)
    return Verdict(False, "Not the FGSM step: x_adv = clip(x + epsilon * sign(gradient), 0, 1), "
                          "pixel by pixel.")
