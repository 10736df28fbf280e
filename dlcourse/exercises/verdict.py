"""The outcome of an exercise check, shared by every chapter's checkers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["read_number", "Verdict"]


@dataclass(frozen=True)
class Verdict:
    """The outcome of a check: true when the answer is right.

    Examples
    --------
    >>> Verdict(True, "42 it is.")
    Correct! 42 it is.
    >>> bool(Verdict(False, "Try again."))
    False
    """

    ok: bool
    message: str

    def __bool__(self) -> bool:
        """True when the answer is right, so ``assert check(...)`` works."""
        return self.ok

    def __repr__(self) -> str:
        """One friendly line: ``Correct! ...`` or ``Not yet. ...`` and the message."""
        # The message is shown as written: it may start with a formula or a
        # value ("z = -0.3", "nan"), whose case matters.
        return ("Correct! " if self.ok else "Not yet. ") + self.message


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, np.number)) and not isinstance(value, bool)


def read_number(answer: Any, what: str = "a number") -> float | Verdict:
    """Return a numeric answer as a float, or a Verdict naming what is wrong with it.

    Recognises the usual slips (the ``None`` placeholder left in, a number
    typed in quotes, a one-element list or array, True/False, NaN) so that
    every checker answers them with the real mistake rather than a generic
    "not a number".

    Examples
    --------
    >>> read_number(0.5)
    0.5
    >>> read_number("0")
    Not yet. You entered the text '0': write the number itself, without quotes.
    >>> read_number([0])
    Not yet. [0] is a list: enter the single number 0 itself.
    """
    if answer is None:
        return Verdict(False, f"Replace None with {what}.")
    if isinstance(answer, (bool, np.bool_)):
        return Verdict(False, f"{answer} is a truth value: enter {what}.")
    if isinstance(answer, str):
        try:
            float(answer)
        except ValueError:
            return Verdict(False, f"You entered the text {answer!r}: enter {what}.")
        return Verdict(False, f"You entered the text {answer!r}: write the number itself, without quotes.")
    if isinstance(answer, (list, tuple, np.ndarray)):
        items = np.asarray(answer, dtype=object).ravel()
        kind = type(answer).__name__ if not isinstance(answer, np.ndarray) else "an array"
        kind = {"list": "a list", "tuple": "a tuple"}.get(kind, kind)
        if len(items) == 1 and _is_number(items[0]):
            return Verdict(False, f"{answer!r} is {kind}: enter the single number {items[0]} itself.")
        return Verdict(False, f"{answer!r} is {kind}: enter {what}.")
    if not _is_number(answer):
        return Verdict(False, f"Enter {what}, got {type(answer).__name__} {answer!r}.")
    if not np.isfinite(answer):
        return Verdict(False, f"{answer} is not a number you can reach by hand: check your arithmetic.")
    return float(answer)

