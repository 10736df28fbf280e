"""Checkers of chapter 4's exercises (convolutional networks)."""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse.exercises._slips import read_array
from dlcourse.exercises.verdict import Verdict, read_number
from dlcourse.scratch.conv import conv2d, output_size

__all__ = [
    "check_conv_parameters",
    "check_edge_kernel",
    "check_output_size",
    "PARAMS_FILTERS",
    "PARAMS_INPUT_SHAPE",
    "PARAMS_KERNEL",
    "SIZE_IMAGE",
    "SIZE_KERNEL",
    "SIZE_STRIDE",
]

# Chapter 4, exercise 1: the size of a convolution's output. The numbers
# make every common slip give a different answer.
SIZE_IMAGE = 32
SIZE_KERNEL = 5
SIZE_STRIDE = 2


def check_output_size(answer: Any) -> Verdict:
    """Chapter 4, exercise 1: the output side of a strided 'valid' convolution.

    A ``SIZE_IMAGE`` x ``SIZE_IMAGE`` image, a ``SIZE_KERNEL`` x
    ``SIZE_KERNEL`` kernel, stride ``SIZE_STRIDE``, no padding.

    Examples
    --------
    >>> check_output_size(None)
    Not yet. Replace None with a whole number of pixels: the side of the output.
    """
    value = read_number(answer, "a whole number of pixels: the side of the output")
    if isinstance(value, Verdict):
        return value
    n, k, s = SIZE_IMAGE, SIZE_KERNEL, SIZE_STRIDE
    expected = output_size(n, k, s, "valid")
    if value == expected:
        return Verdict(True, f"({n} - {k}) // {s} + 1 = {expected}: the kernel fits in "
                             f"{expected} positions along each side.")
    slips = [
        ((n - k) / s, f"Positions are whole: round ({n} - {k}) / {s} down, then add 1 for the "
                      "first position."),
        ((n - k) // s, "Add 1: the first position of the kernel counts too."),
        (n - k + 1, f"That is the size with stride 1; with stride {s} the kernel jumps {s} "
                    "pixels at a time."),
        (output_size(n, k, s, "same"), "That is the size with padding='same'; without padding "
                                       "the kernel must stay inside the image."),
        (n - k, "The kernel fits in (size - kernel) // stride + 1 positions."),
    ]
    for wrong, hint in slips:
        if np.isclose(value, wrong):
            return Verdict(False, f"{answer!r} is not it. {hint}")
    return Verdict(False, f"{answer!r} is not it. Count the positions of the kernel's left edge: "
                          "0, stride, 2 * stride, ... as long as the kernel stays inside.")


# Chapter 4, exercise 2: the parameters of one Conv2D layer.
PARAMS_INPUT_SHAPE = (64, 64, 3)
PARAMS_FILTERS = 16
PARAMS_KERNEL = 5


def check_conv_parameters(answer: Any) -> Verdict:
    """Chapter 4, exercise 2: the parameters of ``Conv2D(16, 5)`` on 64x64 RGB images.

    Examples
    --------
    >>> bool(check_conv_parameters(0))
    False
    """
    value = read_number(answer, "a whole number of parameters")
    if isinstance(value, Verdict):
        return value
    height, width, channels = PARAMS_INPUT_SHAPE
    k, f = PARAMS_KERNEL, PARAMS_FILTERS
    expected = k * k * channels * f + f
    if value == expected:
        return Verdict(True, f"{k}x{k}x{channels} weights per filter, plus one bias, times {f} "
                             f"filters: {expected}. The image size does not matter.")
    slips = [
        (k * k * channels * f, "You counted the weights; each filter also has one bias."),
        (k * k * f + f, f"Each filter spans all {channels} colour channels: it has "
                        f"{k}x{k}x{channels} weights, not {k}x{k}."),
        (k * k * f, f"Each filter spans all {channels} channels and has a bias."),
        (height * width * channels * f + f, "A convolution's weights are shared across the "
                                            "image: the count does not depend on its size."),
        (k * k * channels + 1, f"That is one filter; the layer has {f}."),
    ]
    for wrong, hint in slips:
        if value == wrong:
            return Verdict(False, f"{answer!r} is not it. {hint}")
    return Verdict(False, f"{answer!r} is not it. A Conv2D layer has (kernel height x kernel "
                          "width x input channels + 1) parameters per filter.")


def _step_images(size: int = 9) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A flat image, one with a horizontal edge (bright above), one with a vertical edge."""
    flat = np.full((size, size), 0.5)
    horizontal = np.zeros((size, size))
    horizontal[: size // 2] = 1.0
    return flat, horizontal, horizontal.T.copy()


def _row_sums(weights: np.ndarray) -> str:
    return ", ".join(f"{v:g}" for v in weights.sum(axis=1))


def check_edge_kernel(kernel: Any) -> Verdict:
    """Chapter 4, exercise 3: a 3x3 kernel that finds horizontal edges only.

    The kernel is convolved (with :func:`dlcourse.scratch.conv.conv2d`) with a
    flat grey image, an image bright above and dark below, and the same
    turned by 90 degrees. It must answer 0 on the flat image and on the
    vertical edge, and clearly respond (either sign) to the horizontal one.

    Examples
    --------
    >>> check_edge_kernel([[1, 1, 1], [0, 0, 0], [-1, -1, -1]])
    Correct! It answers 0 on flat areas and vertical edges, and 3 on the horizontal edge.
    """
    weights = read_array(kernel, "a 3x3 kernel: 3 rows of 3 numbers", (3, 3))
    if isinstance(weights, Verdict):
        return weights
    flat, horizontal, vertical = (float(np.abs(conv2d(image, weights)).max())
                                  for image in _step_images())
    tolerance = 1e-6 * float(np.abs(weights).sum())
    if tolerance == 0:
        return Verdict(False, "A kernel of zeros answers 0 everywhere: give its top and bottom "
                              "rows different weights.")
    if flat > tolerance:
        return Verdict(False, "On a flat grey area the kernel should answer 0: make its weights "
                              f"add up to 0 (they add up to {weights.sum():g}).")
    if vertical > tolerance and horizontal <= tolerance:
        return Verdict(False, "That kernel finds vertical edges, not horizontal ones: turn it by "
                              "90 degrees (kernel.T).")
    if vertical > tolerance:
        return Verdict(False, "The kernel also responds to vertical edges: make each column's "
                              "weights add up to 0, so that no column favours the left or right.")
    if horizontal <= tolerance:
        return Verdict(False, "The kernel gives 0 everywhere on a horizontal edge. Along such an "
                              "edge each row of the patch is uniform, so only each row's *sum* "
                              f"counts, and yours are {_row_sums(weights)}: give the top and "
                              "bottom rows different sums (e.g. 1, 1, 1 above and -1, -1, -1 "
                              "below).")
    strength = horizontal
    return Verdict(True, "It answers 0 on flat areas and vertical edges, and "
                         f"{strength:g} on the horizontal edge.")
