"""The outcome of an exercise check, shared by every chapter's checkers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np


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
        return self.ok

    def __repr__(self) -> str:
        # The message is shown as written: it may start with a formula or a
        # value ("z = -0.3", "nan"), whose case matters.
        return ("Correct! " if self.ok else "Not yet. ") + self.message


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, np.number)) and not isinstance(value, bool)
