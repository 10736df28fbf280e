"""Checkers of chapter 7's medicine, sensors and challenges exercises."""

import numpy as np

from dlcourse import exercises
from dlcourse.exercises import check_fgsm_step


def test_fgsm_step_and_its_slips():
    x, g, eps = np.array(exercises.FGSM_X), np.array(exercises.FGSM_GRADIENT), exercises.FGSM_EPSILON
    assert check_fgsm_step(np.clip(x + eps * np.sign(g), 0, 1).tolist())
    assert "clip" in check_fgsm_step(x + eps * np.sign(g)).message
    assert "down the gradient" in check_fgsm_step(np.clip(x - eps * np.sign(g), 0, 1)).message
    assert "only its sign" in check_fgsm_step(np.clip(x + eps * g, 0, 1)).message
    assert "4 numbers" in check_fgsm_step([0.1, 0.2]).message
