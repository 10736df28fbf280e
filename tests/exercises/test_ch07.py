"""Checker of chapter 7's overview exercise: the size of one motion recording."""

import pytest

from dlcourse.data import load_motions
from dlcourse.exercises import check_recording_size


def test_recording_size_is_steps_times_channels():
    steps, channels = load_motions().x_train.shape[1:]
    assert check_recording_size(steps * channels)
    assert check_recording_size(float(steps * channels))


@pytest.mark.parametrize("wrong, hint", [
    (6, "channels"), (100, "time steps"), (60, "10 times a second"), (10, "seconds"),
    (106, "multiply"), (40, "training recordings"), (80, "number of recordings"),
    (24_000, "every training recording"), (48_000, "every recording"),
    (599, "time steps x channels"), (-600, "time steps x channels"),
])
def test_recording_size_names_the_slip(wrong, hint):
    verdict = check_recording_size(wrong)
    assert not verdict and hint in verdict.message


@pytest.mark.parametrize("answer, hint", [
    (None, "Replace None"), ("600", "without quotes"), ([600], "single number"),
    (True, "truth value"), (float("nan"), "not a number"),
])
def test_recording_size_answers_non_numbers_without_crashing(answer, hint):
    verdict = check_recording_size(answer)
    assert not verdict and hint in verdict.message
