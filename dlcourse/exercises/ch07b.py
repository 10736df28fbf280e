"""Checkers of the exercises of page 7.2, language (``book/07b_language.md``)."""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse._moved import forward_moved
from dlcourse.exercises._slips import match_slips
from dlcourse.exercises.verdict import Verdict, read_number
from dlcourse.scratch.activations import softmax

__all__ = [
    "ATTENTION_KEYS",
    "ATTENTION_QUERY",
    "check_attention_weight",
    "check_majority_accuracy",
]



# Language, exercise 1: accuracy of always answering the majority class.
def check_majority_accuracy(answer: Any) -> Verdict:
    """Language, exercise 1: test accuracy of always predicting "great" (a fraction).

    Examples
    --------
    >>> check_majority_accuracy(None)
    Not yet. Replace None with a fraction between 0 and 1.
    """
    value = read_number(answer, "a fraction between 0 and 1")
    if isinstance(value, Verdict):
        return value
    from dlcourse.data import load_reviews

    test_share = float(load_reviews("test")[1].mean())
    train_share = float(load_reviews("train")[1].mean())
    if np.isclose(value, test_share, atol=5e-4):
        return Verdict(True, f"{test_share:.1%} of the test reviews are great: the bar every "
                             "model must clear.")
    return match_slips(value, [
        (100 * test_share, "Give it as a fraction between 0 and 1, not a percentage."),
        (train_share, "That is the share in the training reviews; the accuracy is measured on "
                      "the test reviews."),
        (1 - test_share, "That is the share of 'other' reviews: the majority class is 'great'."),
    ], answer, "Count the test labels equal to 1 and divide by the number of test reviews.")


# Language, exercise 2: scaled dot-product attention by hand.
ATTENTION_QUERY = (2.0, 1.0)


ATTENTION_KEYS = ((1.0, 1.0), (0.0, 1.0), (-1.0, 0.0))


def check_attention_weight(answer: Any) -> Verdict:
    """Language, exercise 2: the weight the query gives the first key.

    Scaled dot-product attention: ``softmax(q . k_j / sqrt(d))`` over the
    keys ``ATTENTION_KEYS``, with the query ``ATTENTION_QUERY`` and d = 2.

    Examples
    --------
    >>> check_attention_weight([0.5])
    Not yet. [0.5] is a list: enter the single number 0.5 itself.
    """
    value = read_number(answer, "a weight between 0 and 1")
    if isinstance(value, Verdict):
        return value
    scores = np.array(ATTENTION_KEYS) @ np.array(ATTENTION_QUERY)
    d = len(ATTENTION_QUERY)
    expected = float(softmax(scores / np.sqrt(d))[0])
    if np.isclose(value, expected, atol=1e-3):
        return Verdict(True, f"softmax({np.round(scores / np.sqrt(d), 3).tolist()})[0] = "
                             f"{expected:.3f}.")
    return match_slips(value, [
        (float(softmax(scores)[0]), "You left out the scaling: divide each score by sqrt(d) = "
                                     "sqrt(2) before the softmax."),
        (float(softmax(scores / d)[0]), "Divide by the square root of d, sqrt(2), not by d."),
        (float(scores[0]), "That is the raw score q . k1; scale it and apply the softmax."),
        (float(scores[0] / np.sqrt(d)), "That is the scaled score; now apply the softmax over "
                                        "all three keys."),
    ], answer, "Score each key with q . k / sqrt(2), then take the softmax of the three scores.")


# Old import paths: these checkers served this module before each page got its own.
__getattr__ = forward_moved(__name__, {
    "check_fgsm_step": "dlcourse.exercises.ch07e",
    "FGSM_EPSILON": "dlcourse.exercises.ch07e",
    "FGSM_GRADIENT": "dlcourse.exercises.ch07e",
    "FGSM_X": "dlcourse.exercises.ch07e",
    "check_sensitivity": "dlcourse.exercises.ch07d",
    "check_threshold": "dlcourse.exercises.ch07d",
    "SCREENING_COUNTS": "dlcourse.exercises.ch07d",
    "THRESHOLD_LABELS": "dlcourse.exercises.ch07d",
    "THRESHOLD_SCORES": "dlcourse.exercises.ch07d",
    "THRESHOLD_SENSITIVITY": "dlcourse.exercises.ch07d",
})
