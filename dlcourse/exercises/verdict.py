"""The outcome of an exercise check, shared by every chapter's checkers."""

from __future__ import annotations

import decimal
import numbers
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
    return isinstance(value, (numbers.Real, decimal.Decimal)) and not isinstance(
        value, (bool, np.bool_))


def _as_array(answer: Any) -> np.ndarray | None:
    """A tensor or array-like answer (TensorFlow, Keras ops, JAX, NumPy) as an array."""
    if isinstance(answer, np.ndarray):
        return answer
    if callable(getattr(answer, "numpy", None)) or hasattr(answer, "__array__"):
        try:
            return np.asarray(answer)
        except (TypeError, ValueError):
            return None
    return None


def read_number(answer: Any, what: str = "a number") -> float | Verdict:
    """Return a numeric answer as a float, or a Verdict naming what is wrong with it.

    Every type that holds one real value is read: ``int``, ``float``,
    ``Fraction``, ``Decimal``, NumPy scalars, 0-d arrays and scalar
    tensors (TensorFlow, ``keras.ops``). The usual slips get a Verdict that
    names them: the ``None`` placeholder left in, a number typed in quotes,
    a one-element list or array, True/False, a complex number, NaN,
    infinity or a number too large to be an answer.

    Examples
    --------
    >>> read_number(0.5)
    0.5
    >>> from fractions import Fraction
    >>> read_number(Fraction(1, 4))
    0.25
    >>> read_number("0")
    Not yet. You entered the text '0': write the number itself, without quotes.
    >>> read_number([0])
    Not yet. [0] is a list: enter the single number 0 itself.
    >>> read_number(1 + 2j)
    Not yet. (1+2j) is a complex number: enter a real number.
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
    array = _as_array(answer)
    if array is not None and array.ndim == 0:
        answer = array.item()  # a 0-d array or a scalar tensor holds one value
        if isinstance(answer, (bool, np.bool_)):
            return Verdict(False, f"{answer} is a truth value: enter {what}.")
    elif array is not None or isinstance(answer, (list, tuple)):
        return _sequence_verdict(answer, what)
    if isinstance(answer, (complex, np.complexfloating)) or (
            isinstance(answer, numbers.Complex) and not isinstance(answer, numbers.Real)):
        return Verdict(False, f"{answer!r} is a complex number: enter a real number.")
    if not _is_number(answer):
        return Verdict(False, f"Enter {what}, got {type(answer).__name__} {answer!r}.")
    try:
        value = float(answer)
    except OverflowError:
        digits = len(str(abs(int(answer))))
        return Verdict(False, f"A number of {digits} digits is far too large to be the answer: "
                              "check your arithmetic.")
    if not np.isfinite(value):
        return Verdict(False, f"{answer} is not a number you can reach by hand: check your arithmetic.")
    return value


def _sequence_verdict(answer: Any, what: str) -> Verdict:
    """The slip of answering with a list, a tuple or an array instead of one number."""
    items = np.asarray(answer, dtype=object).ravel()
    if isinstance(answer, list):
        kind = "a list"
    elif isinstance(answer, tuple):
        kind = "a tuple"
    else:
        kind = "an array"
    if len(items) == 1 and _is_number(items[0]):
        return Verdict(False, f"{answer!r} is {kind}: enter the single number {items[0]} itself.")
    return Verdict(False, f"{answer!r} is {kind}: enter {what}.")

