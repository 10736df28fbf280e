"""Checkers of the exercises of page 7.1, image recognition (``book/07a_images.md``)."""

from __future__ import annotations

from typing import Any

from dlcourse._moved import forward_moved
from dlcourse.exercises._slips import match_slips
from dlcourse.exercises.verdict import Verdict, read_number

__all__ = [
    "check_cnn_parameters",
    "CNN_DENSE",
    "CNN_FILTERS",
    "CNN_SHAPE",
]



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
    return match_slips(value, [
        (_cnn_count(biases=False), "You counted the weights; every filter and unit has a bias too."),
        (_cnn_count(pooled=False), "Each 2x2 max-pooling halves the height and width (rounding "
                                   "down): 25 -> 23 -> 11 -> 9 -> 4."),
    ], answer, "A 3x3 convolution from c to f channels has 3*3*c*f + f parameters; the Dense "
               "layer after Flatten sees 4*4*16 numbers.")


# Old import paths: these checkers served this module before each page got its own.
__getattr__ = forward_moved(__name__, {
    "check_attention_weight": "dlcourse.exercises.ch07b",
    "check_majority_accuracy": "dlcourse.exercises.ch07b",
    "ATTENTION_KEYS": "dlcourse.exercises.ch07b",
    "ATTENTION_QUERY": "dlcourse.exercises.ch07b",
    "check_factorization_parameters": "dlcourse.exercises.ch07c",
    "check_predicted_rating": "dlcourse.exercises.ch07c",
})
