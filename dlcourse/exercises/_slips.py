"""Matching a wrong numeric answer to the common slip that gives it (for checker authors)."""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse.exercises.verdict import Verdict


def match_slips(value: float, slips: list[tuple[float, str]], answer: Any, fallback: str, *,
                rtol: float = 1e-4, atol: float = 1e-4) -> Verdict:
    """The Verdict on a wrong numeric answer: the hint of the slip it matches, else ``fallback``.

    ``slips`` pairs the value each common slip gives with the hint that
    names it; the first within ``rtol``/``atol`` of ``value`` wins.

    Examples
    --------
    >>> match_slips(0.5, [(0.5, "You halved it.")], 0.5, "Check the formula.")
    Not yet. 0.5 is not it. You halved it.
    """
    for wrong, hint in slips:
        if np.isclose(value, wrong, rtol=rtol, atol=atol):
            return Verdict(False, f"{answer!r} is not it. {hint}")
    return Verdict(False, f"{answer!r} is not it. {fallback}")
