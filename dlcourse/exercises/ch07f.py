"""Checkers of the exercises of page 7.6, transfer learning (``book/07f_transfer.md``)."""

from __future__ import annotations

from typing import Any

from dlcourse.exercises._slips import match_slips
from dlcourse.exercises.verdict import Verdict, read_number

__all__ = ["check_head_parameters", "HEAD_INPUTS", "HEAD_CLASSES"]

#: Transfer, exercise 1: the new head reads this many features ...
HEAD_INPUTS = 256
#: ... and tells this many classes apart.
HEAD_CLASSES = 5


def check_head_parameters(answer: Any) -> Verdict:
    """Transfer, exercise 1: trainable parameters of the new head alone.

    ``Dense(HEAD_CLASSES)`` on ``HEAD_INPUTS`` features: one weight per
    pair and one bias per class.

    Examples
    --------
    >>> check_head_parameters(1285)
    Correct! 256 x 5 weights + 5 biases = 1285: all a frozen body leaves to learn.
    >>> check_head_parameters(1280)
    Not yet. 1280 is not it. You counted the weights; each of the 5 classes has a bias too.
    """
    value = read_number(answer, "a whole number of parameters")
    if isinstance(value, Verdict):
        return value
    expected = HEAD_INPUTS * HEAD_CLASSES + HEAD_CLASSES
    if value == expected:
        return Verdict(True, f"{HEAD_INPUTS} x {HEAD_CLASSES} weights + {HEAD_CLASSES} biases = "
                             f"{expected}: all a frozen body leaves to learn.")
    return match_slips(value, [
        (HEAD_INPUTS * HEAD_CLASSES,
         f"You counted the weights; each of the {HEAD_CLASSES} classes has a bias too."),
        (HEAD_INPUTS * 10 + 10, "The new head tells 5 digits (5 to 9) apart, not 10."),
    ], answer, "A Dense layer from n inputs to k units has n*k weights and k biases.")
