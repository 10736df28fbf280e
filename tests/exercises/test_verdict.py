"""dlcourse.exercises.verdict: a number is read whatever type holds it; slips are named."""

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from dlcourse._keras import keras, tf
from dlcourse.exercises.verdict import Verdict, read_number


@pytest.mark.parametrize("answer", [
    0.25, Fraction(1, 4), Decimal("0.25"), np.float32(0.25), np.float64(0.25), np.array(0.25),
    tf.constant(0.25), keras.ops.divide(1.0, 4.0),
], ids=lambda a: type(a).__name__)
def test_every_type_that_holds_the_value_is_read(answer):
    assert read_number(answer) == pytest.approx(0.25)


@pytest.mark.parametrize("answer, hint", [
    (1 + 2j, "complex"), (np.complex128(1), "complex"), (10**400, "far too large"),
    (float("inf"), "check your arithmetic"), (Decimal("NaN"), "check your arithmetic"),
    (True, "truth value"), (np.array(True), "truth value"), ([0.25], "single number 0.25"),
    (np.array([0.25]), "single number 0.25"), (tf.constant([0.25]), "single number 0.25"),
    ("0.25", "without quotes"), (None, "Replace None"),
], ids=repr)
def test_slips_get_a_failing_verdict_that_names_them(answer, hint):
    verdict = read_number(answer)
    assert isinstance(verdict, Verdict) and not verdict
    assert hint in verdict.message
