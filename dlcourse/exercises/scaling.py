"""Checkers of the scaling appendix's exercises (tf.distribute)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from dlcourse.exercises.verdict import Verdict, read_number

__all__ = [
    "check_per_replica_batch",
    "check_scaled_learning_rate",
    "SCALING_BATCH",
    "SCALING_DEVICES",
    "SCALING_RATE",
    "SHARE_BATCH",
    "SHARE_DEVICES_PER_WORKER",
    "SHARE_WORKERS",
]

# Exercise 1: the linear scaling rule. One device trains well with a batch
# of SCALING_BATCH and learning rate SCALING_RATE; the job moves to
# SCALING_DEVICES devices with SCALING_BATCH examples on each.
SCALING_BATCH = 64
SCALING_RATE = 0.01
SCALING_DEVICES = 8

# Exercise 2: how a global batch is shared: SHARE_WORKERS machines with
# SHARE_DEVICES_PER_WORKER GPUs each, and a global batch of SHARE_BATCH.
SHARE_WORKERS = 3
SHARE_DEVICES_PER_WORKER = 2
SHARE_BATCH = 96


def check_scaled_learning_rate(answer: Any) -> Verdict:
    """Appendix exercise 1: the learning rate for 8 devices by the linear scaling rule.

    One device trains well with batches of ``SCALING_BATCH`` and learning
    rate ``SCALING_RATE``; ``SCALING_DEVICES`` devices each take
    ``SCALING_BATCH`` examples per step.

    Examples
    --------
    >>> check_scaled_learning_rate(None)
    Not yet. Replace None with a learning rate (a number).
    >>> bool(check_scaled_learning_rate(0.01))
    False
    """
    value = read_number(answer, "a learning rate (a number)")
    if isinstance(value, Verdict):
        return value
    factor = SCALING_DEVICES  # the global batch grows by this factor
    expected = SCALING_RATE * factor
    if np.isclose(value, expected, rtol=1e-6):
        return Verdict(True, f"The global batch is {factor} times larger "
                             f"({factor} x {SCALING_BATCH} = {factor * SCALING_BATCH}), so the "
                             f"learning rate grows {factor} times, to {expected:g} (warm it up "
                             "over the first epochs, as Goyal et al. do).")
    slips = [
        (SCALING_RATE, "That is the one-device rate: the global batch is now 8 times larger, "
                       "and the averaged gradient 8 times less noisy."),
        (SCALING_RATE / factor, "The rule scales the rate *up* with the batch, not down."),
        (SCALING_RATE * math.sqrt(factor), "That is square-root scaling, another rule of "
                                           "thumb; the linear rule multiplies by the factor."),
    ]
    for wrong, hint in slips:
        if np.isclose(value, wrong, rtol=1e-4):
            return Verdict(False, f"{answer!r} is not it. {hint}")
    return Verdict(False, f"{answer!r} is not it. By how much does the global batch grow? "
                          "Multiply the learning rate by the same factor.")


def check_per_replica_batch(answer: Any) -> Verdict:
    """Appendix exercise 2: examples per replica in a multi-worker mirrored run.

    ``SHARE_WORKERS`` machines with ``SHARE_DEVICES_PER_WORKER`` GPUs each
    share a global batch of ``SHARE_BATCH``.

    Examples
    --------
    >>> check_per_replica_batch("16")
    Not yet. You entered the text '16': write the number itself, without quotes.
    """
    value = read_number(answer, "a whole number of examples")
    if isinstance(value, Verdict):
        return value
    replicas = SHARE_WORKERS * SHARE_DEVICES_PER_WORKER
    expected = SHARE_BATCH // replicas
    if value == expected:
        return Verdict(True, f"{SHARE_WORKERS} x {SHARE_DEVICES_PER_WORKER} = {replicas} "
                             f"replicas share {SHARE_BATCH} examples: {expected} each.")
    if value == SHARE_BATCH / SHARE_WORKERS:
        return Verdict(False, f"{answer!r} is what each machine gets; each of its "
                              f"{SHARE_DEVICES_PER_WORKER} GPUs is a replica of its own.")
    if value == SHARE_BATCH / SHARE_DEVICES_PER_WORKER:
        return Verdict(False, f"{answer!r} forgets the other machines: every GPU of every "
                              "machine is a replica.")
    if value == SHARE_BATCH:
        return Verdict(False, "The batch is the *global* batch, shared by all replicas: "
                              "divide it among them.")
    return Verdict(False, f"{answer!r} is not it. Count the replicas (one per GPU, on every "
                          "machine) and divide the global batch among them.")
