from fractions import Fraction

import numpy as np

from dlcourse.exercises import check_head_parameters


def test_right_count_in_any_type_passes():
    for answer in (1285, 1285.0, np.int64(1285), np.array(1285), Fraction(1285)):
        assert check_head_parameters(answer), answer


def test_each_slip_gets_its_hint():
    assert "bias" in check_head_parameters(1280).message
    assert "5 digits" in check_head_parameters(2570).message
    assert "n*k weights" in check_head_parameters(7).message


def test_junk_gets_a_verdict():
    for bad in (None, "1285", 10 ** 400, 1285 + 0j, float("nan"), True):
        verdict = check_head_parameters(bad)
        assert not verdict and verdict.message
