"""Helpers for checker authors: reading an answer made of numbers, naming the slip behind one."""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse.exercises.verdict import Verdict, _as_array


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


def read_array(answer: Any, what: str, shape: tuple[int, ...] | None = None) -> np.ndarray | Verdict:
    """Return an answer made of numbers as a float array, or a Verdict naming what is wrong.

    Lists, tuples, NumPy arrays and tensors are read; text, None, complex
    numbers, truth values, NaN, infinity and numbers too large to be an
    answer get a Verdict. With ``shape``, the answer must have that many
    numbers (a flat list is accepted for a 1-D shape).

    Examples
    --------
    >>> from dlcourse.exercises._slips import read_array
    >>> read_array([1, 2], "two numbers", (2,)).tolist()
    [1.0, 2.0]
    >>> read_array([1, 2j], "two numbers", (2,))
    Not yet. The answer holds a complex number: enter two numbers, real ones.
    """
    if answer is None:
        return Verdict(False, f"Replace None with {what}.")
    if isinstance(answer, (str, bytes)):
        return Verdict(False, f"You entered the text {answer!r}: enter {what}.")
    array = _as_array(answer)
    raw = array if array is not None else np.asarray(answer, dtype=object)
    if raw.dtype == object:
        flat = raw.ravel()
        if any(isinstance(v, (bool, np.bool_)) for v in flat):
            return Verdict(False, f"The answer holds a truth value: enter {what}.")
        if any(isinstance(v, (complex, np.complexfloating)) for v in flat):
            return Verdict(False, f"The answer holds a complex number: enter {what}, real ones.")
    elif raw.dtype == bool:
        return Verdict(False, f"The answer holds truth values: enter {what}.")
    elif np.iscomplexobj(raw):
        return Verdict(False, f"The answer holds a complex number: enter {what}, real ones.")
    try:
        values = np.asarray(raw, dtype=float)
    except OverflowError:
        return Verdict(False, "The answer holds a number far too large: check your arithmetic.")
    except (TypeError, ValueError):
        return Verdict(False, f"Enter {what}, got {type(answer).__name__} {answer!r}.")
    if shape is not None and values.shape != tuple(shape):
        if len(shape) == 1 and values.size == shape[0]:
            values = values.ravel()
        elif len(shape) == 1:
            return Verdict(False, f"Enter {what}: {shape[0]} numbers, got {values.size}.")
        else:
            return Verdict(False, f"Enter {what} (shape {tuple(shape)}), got shape {values.shape}.")
    if not np.all(np.isfinite(values)):
        return Verdict(False, "The answer holds NaN or infinity, not finite numbers: check your arithmetic.")
    return values
