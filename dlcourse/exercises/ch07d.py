"""Checkers of the exercises of page 7.4, medicine and sensors (``book/07d_medicine_sensors.md``)."""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse.exercises.verdict import Verdict, read_number

__all__ = [
    "check_sensitivity",
    "check_threshold",
    "SCREENING_COUNTS",
    "THRESHOLD_LABELS",
    "THRESHOLD_SCORES",
    "THRESHOLD_SENSITIVITY",
]



# Page 7d, exercise 1: sensitivity from a confusion matrix. The counts make
# sensitivity, specificity, precision and accuracy all differ.
SCREENING_COUNTS = {"tp": 45, "fn": 5, "fp": 12, "tn": 88}


def check_sensitivity(answer: Any) -> Verdict:
    """Page 7d, exercise 1: the sensitivity of a test with ``SCREENING_COUNTS``.

    Examples
    --------
    >>> check_sensitivity(None)
    Not yet. Replace None with a number: the sensitivity, a fraction between 0 and 1.
    """
    value = read_number(answer, "a number: the sensitivity, a fraction between 0 and 1")
    if isinstance(value, Verdict):
        return value
    c = SCREENING_COUNTS
    expected = c["tp"] / (c["tp"] + c["fn"])
    if np.isclose(value, expected, atol=1e-3):
        return Verdict(True, f"TP / (TP + FN) = {c['tp']} / {c['tp'] + c['fn']} = {expected:g}: "
                             f"the test finds {expected:.0%} of the sick.")
    if np.isclose(value, 100 * expected, atol=0.1):
        return Verdict(False, f"{answer!r} is a percentage: enter it as a fraction, {expected:g}.")
    slips = [
        (c["tn"] / (c["tn"] + c["fp"]), "That is the specificity, TN / (TN + FP): the share of "
                                        "healthy people the test clears."),
        (c["tp"] / (c["tp"] + c["fp"]), "That is the precision, TP / (TP + FP): the share of "
                                        "positive results that are right."),
        ((c["tp"] + c["tn"]) / sum(c.values()), "That is the accuracy over all people."),
        (c["fn"] / (c["tp"] + c["fn"]), "That is the share of sick people the test misses, "
                                        "FN / (TP + FN): one minus the answer."),
    ]
    for wrong, hint in slips:
        if np.isclose(value, wrong, atol=1e-3):
            return Verdict(False, f"{answer!r} is not it. {hint}")
    return Verdict(False, f"{answer!r} is not it. Sensitivity is the share of the sick that "
                          "test positive: true positives / (true positives + false negatives).")


# Page 7d, exercise 2: a threshold chosen on validation scores, by hand.
THRESHOLD_LABELS = (1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)


THRESHOLD_SCORES = (0.97, 0.93, 0.88, 0.81, 0.74, 0.66, 0.58, 0.47, 0.33, 0.12,
                    0.52, 0.41, 0.36, 0.28, 0.21, 0.15, 0.09, 0.06, 0.04, 0.02)


THRESHOLD_SENSITIVITY = 0.9


def check_threshold(answer: Any) -> Verdict:
    """Page 7d, exercise 2: the highest cut finding 90 % of the positive validation cases.

    Any cut that makes the same calls as the best one is accepted.

    Examples
    --------
    >>> bool(check_threshold(0.5))
    False
    """
    from dlcourse.evaluation import (
        choose_threshold,
        predict_at_threshold,
        sensitivity,
        specificity,
    )

    value = read_number(answer, "a threshold between 0 and 1")
    if isinstance(value, Verdict):
        return value
    if not 0 <= value <= 1:
        return Verdict(False, f"{answer!r} is not a threshold on probabilities: choose one "
                              "between 0 and 1.")
    y = np.array(THRESHOLD_LABELS)
    scores = np.array(THRESHOLD_SCORES)
    best = choose_threshold(y, scores, THRESHOLD_SENSITIVITY)
    calls = predict_at_threshold(scores, value)
    sens, spec = sensitivity(y, calls), specificity(y, calls)
    if np.array_equal(calls, predict_at_threshold(scores, best)):
        return Verdict(True, f"Sensitivity {sens:.0%}, specificity {spec:.0%} on these cases.")
    if sens < THRESHOLD_SENSITIVITY:
        return Verdict(False, f"At {value:g} the test finds only {sens:.0%} of the positive "
                              f"cases; lower the cut until it finds {THRESHOLD_SENSITIVITY:.0%}.")
    return Verdict(False, f"At {value:g} the test finds {sens:.0%} of the positive cases, but "
                          f"clears only {spec:.0%} of the negatives: a higher cut still finds "
                          f"{THRESHOLD_SENSITIVITY:.0%} and raises fewer false alarms.")
