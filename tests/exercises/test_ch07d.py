"""Checkers of chapter 7's medicine, sensors and challenges exercises."""

import pytest

from dlcourse.exercises import check_fgsm_step, check_sensitivity, check_threshold


def test_sensitivity_and_its_slips():
    assert check_sensitivity(0.9)
    for wrong, hint in [(0.88, "specificity"), (45 / 57, "precision"), (133 / 150, "accuracy"),
                        (0.1, "misses"), (90, "percentage")]:
        verdict = check_sensitivity(wrong)
        assert not verdict and hint in verdict.message


def test_threshold_accepts_every_cut_with_the_same_calls():
    assert check_threshold(0.33) and check_threshold(0.29)
    assert "only 80%" in check_threshold(0.34).message
    assert "higher cut" in check_threshold(0.28).message
    assert "between 0 and 1" in check_threshold(33).message


@pytest.mark.parametrize("checker", [check_sensitivity, check_threshold, check_fgsm_step])
@pytest.mark.parametrize("bad", [None, "0", [0], float("nan"), object()])
def test_junk_gets_a_failing_verdict(checker, bad):
    verdict = checker(bad)
    assert not verdict and verdict.message
