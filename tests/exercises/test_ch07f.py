from fractions import Fraction

import numpy as np

from dlcourse.exercises import check_head_parameters


def test_right_count_in_any_type_passes():
    for answer in (165, 165.0, np.int64(165), np.array(165), Fraction(165)):
        assert check_head_parameters(answer), answer


def test_each_slip_gets_its_hint():
    assert "bias" in check_head_parameters(160).message
    assert "5 digits" in check_head_parameters(330).message
    assert "n*k weights" in check_head_parameters(7).message


def test_junk_gets_a_verdict():
    for bad in (None, "165", 10 ** 400, 165 + 0j, float("nan"), True):
        verdict = check_head_parameters(bad)
        assert not verdict and verdict.message
