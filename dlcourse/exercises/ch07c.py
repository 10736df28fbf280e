"""Checkers of the exercises of page 7.3, recommendation (``book/07c_recommendation.md``)."""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse.exercises._slips import match_slips
from dlcourse.exercises.verdict import Verdict, read_number

__all__ = [
    "check_factorization_parameters",
    "check_predicted_rating",
    "MF_DIM",
    "MF_ITEMS",
    "MF_USERS",
    "RATING_ITEM_BIAS",
    "RATING_MEAN",
    "RATING_P",
    "RATING_Q",
    "RATING_USER_BIAS",
]


# Recommendation, exercise 1: parameters of matrix factorisation on MovieLens.
MF_USERS, MF_ITEMS, MF_DIM = 671, 9066, 32


# Recommendation, exercise 2: one predicted rating by hand.
RATING_MEAN, RATING_USER_BIAS, RATING_ITEM_BIAS = 3.5, 0.3, -0.4
RATING_P, RATING_Q = (1.0, 0.5), (0.6, -0.4)


def check_factorization_parameters(answer: Any) -> Verdict:
    """Recommendation, exercise 1: parameters of 32-d factorisation with biases on MovieLens.

    Examples
    --------
    >>> bool(check_factorization_parameters(0))
    False
    """
    value = read_number(answer, "a whole number of parameters")
    if isinstance(value, Verdict):
        return value
    n = MF_USERS + MF_ITEMS
    expected = n * (MF_DIM + 1)
    if value == expected:
        return Verdict(True, f"{n} embeddings of {MF_DIM} numbers plus {n} biases.")
    return match_slips(value, [
        (n * MF_DIM, "You counted the embeddings; each user and each movie also has a bias."),
        (MF_USERS * MF_ITEMS, "That is the size of the full rating matrix: factorisation "
                              "stores only one short vector per user and per movie."),
        (n * MF_DIM + 1, "Each user and each movie has its own bias, not one for all."),
    ], answer, "Count one vector of 32 numbers and one bias per user and per movie.")


def check_predicted_rating(answer: Any) -> Verdict:
    """Recommendation, exercise 2: ``mean + b_user + b_item + p . q`` by hand.

    Examples
    --------
    >>> check_predicted_rating(float("nan"))
    Not yet. nan is not a number you can reach by hand: check your arithmetic.
    """
    value = read_number(answer, "a predicted rating")
    if isinstance(value, Verdict):
        return value
    dot = float(np.dot(RATING_P, RATING_Q))
    expected = RATING_MEAN + RATING_USER_BIAS + RATING_ITEM_BIAS + dot
    if np.isclose(value, expected, atol=1e-6):
        return Verdict(True, f"{RATING_MEAN} + {RATING_USER_BIAS} + ({RATING_ITEM_BIAS}) + "
                             f"{dot:g} = {expected:g}.")
    return match_slips(value, [
        (expected - RATING_MEAN, "You left out the global mean rating, 3.5."),
        (expected - dot, "You left out the dot product of the two embeddings, p . q."),
        (RATING_MEAN + RATING_USER_BIAS - RATING_ITEM_BIAS + dot,
         "The item bias is -0.4: add it, do not subtract it."),
        (expected - RATING_USER_BIAS - RATING_ITEM_BIAS, "You left out the two biases."),
    ], answer, "Add the mean, both biases and p . q = 1.0*0.6 + 0.5*(-0.4).")
