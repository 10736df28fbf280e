"""Checkers of chapter 7's exercises on images, language and recommendation."""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse.exercises.verdict import Verdict, read_number


def _matches(value: float, slips: list[tuple[float, str]], answer: Any, fallback: str) -> Verdict:
    for wrong, hint in slips:
        if np.isclose(value, wrong, rtol=1e-4, atol=1e-4):
            return Verdict(False, f"{answer!r} is not it. {hint}")
    return Verdict(False, f"{answer!r} is not it. {fallback}")


# Images, exercise 1: the parameters of a small CNN on 25x25 grey images.
CNN_SHAPE = (25, 25, 1)
CNN_FILTERS = (8, 16)
CNN_DENSE = 32


def _cnn_count(biases: bool = True, pooled: bool = True) -> int:
    b = 1 if biases else 0
    size, channels, total = CNN_SHAPE[0], CNN_SHAPE[2], 0
    for f in CNN_FILTERS:
        total += 3 * 3 * channels * f + b * f
        size = (size - 2) // 2 if pooled else size - 2
        channels = f
    flat = size * size * channels
    return total + flat * CNN_DENSE + b * CNN_DENSE + CNN_DENSE * 2 + b * 2


def check_cnn_parameters(answer: Any) -> Verdict:
    """Images, exercise 1: parameters of ``build_cnn((25, 25, 1), 2, (8, 16), dense_units=32)``.

    Examples
    --------
    >>> check_cnn_parameters("9538")
    Not yet. You entered the text '9538': write the number itself, without quotes.
    """
    value = read_number(answer, "a whole number of parameters")
    if isinstance(value, Verdict):
        return value
    expected = _cnn_count()
    if value == expected:
        return Verdict(True, f"{expected} parameters; most of them in the first Dense layer.")
    return _matches(value, [
        (_cnn_count(biases=False), "You counted the weights; every filter and unit has a bias too."),
        (_cnn_count(pooled=False), "Each 2x2 max-pooling halves the height and width (rounding "
                                   "down): 25 -> 23 -> 11 -> 9 -> 4."),
    ], answer, "A 3x3 convolution from c to f channels has 3*3*c*f + f parameters; the Dense "
               "layer after Flatten sees 4*4*16 numbers.")


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
    return _matches(value, [
        (100 * test_share, "Give it as a fraction between 0 and 1, not a percentage."),
        (train_share, "That is the share in the training reviews; the accuracy is measured on "
                      "the test reviews."),
        (1 - test_share, "That is the share of 'other' reviews: the majority class is 'great'."),
    ], answer, "Count the test labels equal to 1 and divide by the number of test reviews.")


# Language, exercise 2: scaled dot-product attention by hand.
ATTENTION_QUERY = (2.0, 1.0)
ATTENTION_KEYS = ((1.0, 1.0), (0.0, 1.0), (-1.0, 0.0))


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max())
    return e / e.sum()


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
    expected = float(_softmax(scores / np.sqrt(d))[0])
    if np.isclose(value, expected, atol=1e-3):
        return Verdict(True, f"softmax({np.round(scores / np.sqrt(d), 3).tolist()})[0] = "
                             f"{expected:.3f}.")
    return _matches(value, [
        (float(_softmax(scores)[0]), "You left out the scaling: divide each score by sqrt(d) = "
                                     "sqrt(2) before the softmax."),
        (float(_softmax(scores / d)[0]), "Divide by the square root of d, sqrt(2), not by d."),
        (float(scores[0]), "That is the raw score q . k1; scale it and apply the softmax."),
        (float(scores[0] / np.sqrt(d)), "That is the scaled score; now apply the softmax over "
                                        "all three keys."),
    ], answer, "Score each key with q . k / sqrt(2), then take the softmax of the three scores.")


# Recommendation, exercise 1: parameters of matrix factorisation on MovieLens.
MF_USERS, MF_ITEMS, MF_DIM = 671, 9066, 32


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
    return _matches(value, [
        (n * MF_DIM, "You counted the embeddings; each user and each movie also has a bias."),
        (MF_USERS * MF_ITEMS, "That is the size of the full rating matrix: factorisation "
                              "stores only one short vector per user and per movie."),
        (n * MF_DIM + 1, "Each user and each movie has its own bias, not one for all."),
    ], answer, "Count one vector of 32 numbers and one bias per user and per movie.")


# Recommendation, exercise 2: one predicted rating by hand.
RATING_MEAN, RATING_USER_BIAS, RATING_ITEM_BIAS = 3.5, 0.3, -0.4
RATING_P, RATING_Q = (1.0, 0.5), (0.6, -0.4)


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
    return _matches(value, [
        (expected - RATING_MEAN, "You left out the global mean rating, 3.5."),
        (expected - dot, "You left out the dot product of the two embeddings, p . q."),
        (RATING_MEAN + RATING_USER_BIAS - RATING_ITEM_BIAS + dot,
         "The item bias is -0.4: add it, do not subtract it."),
        (expected - RATING_USER_BIAS - RATING_ITEM_BIAS, "You left out the two biases."),
    ], answer, "Add the mean, both biases and p . q = 1.0*0.6 + 0.5*(-0.4).")
