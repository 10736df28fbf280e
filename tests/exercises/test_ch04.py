"""Chapter 4's checkers accept the right answers and name the usual slips."""

import numpy as np

from dlcourse.exercises import (
    check_conv_parameters,
    check_edge_kernel,
    check_output_size,
)


def test_output_size():
    assert check_output_size(14)
    assert check_output_size(14.0)
    assert "Add 1" in check_output_size(13).message
    assert "stride 1" in check_output_size(28).message
    assert "padding='same'" in check_output_size(16).message
    assert "round" in check_output_size(13.5).message
    assert "without quotes" in check_output_size("14").message
    assert not check_output_size(15)


def test_conv_parameters():
    assert check_conv_parameters(1216)
    assert "bias" in check_conv_parameters(1200).message
    assert "all 3 colour channels" in check_conv_parameters(416).message
    assert "does not depend on its size" in check_conv_parameters(64 * 64 * 3 * 16 + 16).message
    assert "That is one filter" in check_conv_parameters(76).message
    assert not check_conv_parameters(1217)


def test_edge_kernel():
    sobel = np.array([[1, 2, 1], [0, 0, 0], [-1, -2, -1]])
    assert check_edge_kernel(sobel)
    assert check_edge_kernel(-sobel)  # dark above bright: the sign does not matter
    assert check_edge_kernel(sobel.tolist())
    assert "kernel.T" in check_edge_kernel(sobel.T).message
    assert "add up to 0" in check_edge_kernel(np.ones((3, 3))).message
    assert "vertical edges" in check_edge_kernel([[1, 0, 0], [0, 0, 0], [0, 0, -1]]).message
    assert "A kernel of zeros" in check_edge_kernel(np.zeros((3, 3))).message
    assert "gives 0 everywhere" in check_edge_kernel([[1, -1, 0], [-1, 1, 0], [0, 0, 0]]).message
    assert check_edge_kernel([[0, 1, 0], [0, -2, 0], [0, 1, 0]])  # a line detector also finds edges
    assert "shape (3, 3)" in check_edge_kernel(np.ones((5, 5))).message
    assert "3 rows of 3 numbers" in check_edge_kernel("edge").message
    assert "finite" in check_edge_kernel(np.full((3, 3), np.nan)).message


def test_edge_kernel_checkerboard_names_the_row_sums():
    # each row adds up to 0: blind to horizontal edges although the top and
    # bottom rows differ, so "the rows must differ" would name the wrong problem
    checkerboard = [[1, -1, 0], [-1, 1, 0], [0, 0, 0]]
    verdict = check_edge_kernel(checkerboard)
    assert not verdict and "sum" in verdict.message and "0, 0, 0" in verdict.message, verdict
