"""Checkers of chapter 7's overview page (the data of the application pages)."""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse.exercises.verdict import Verdict, read_number

__all__ = ["check_recording_size"]


def check_recording_size(answer: Any) -> Verdict:
    """Exercise 7.1: how many numbers one BasicMotions recording gives a network.

    The expected answer comes from ``load_motions()``: time steps times
    channels.

    Examples
    --------
    >>> check_recording_size(None)
    Not yet. Replace None with a number: how many numbers one recording holds.
    """
    from dlcourse.data import load_motions

    value = read_number(answer, "a number: how many numbers one recording holds")
    if isinstance(value, Verdict):
        return value
    data = load_motions(standardize=False)
    steps, channels = data.x_train.shape[1:]
    recordings = len(data.x_train) + len(data.x_test)
    seconds = 10  # ten-second recordings, read 10 times a second
    expected = steps * channels
    if value == expected:
        return Verdict(True, f"{steps} time steps x {channels} channels = {expected} numbers: "
                             "the network sees each recording as a short multichannel series.")
    slips = [
        (channels, f"That is the number of channels (3 accelerometer and 3 gyroscope axes); "
                   f"the watch reads each of them {steps} times."),
        (steps, f"That is the number of time steps; at each step the watch gives "
                f"{channels} readings, one per channel."),
        (seconds * channels, f"The recordings last {seconds} seconds, but the watch reads "
                             f"{steps // seconds} times a second: {steps} time steps."),
        (seconds, f"That is the length of a recording in seconds, read "
                  f"{steps // seconds} times a second."),
        (steps + channels, "Steps and channels multiply: every step holds a reading "
                           "of every channel."),
        (len(data.x_train), "That is the number of training recordings; the question is "
                            "about one recording."),
        (recordings, "That is the number of recordings; the question is about one of them."),
        (len(data.x_train) * expected, "That counts every training recording; the question "
                                       "is about one of them."),
        (recordings * expected, "That counts every recording; the question is about one."),
    ]
    for wrong, hint in slips:
        if np.isclose(value, wrong):
            return Verdict(False, f"{answer!r} is not it. {hint}")
    return Verdict(False, f"{answer!r} is not it. Read the shape of one recording in the "
                          "table (time steps x channels) and multiply.")
