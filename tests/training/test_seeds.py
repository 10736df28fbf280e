"""dlcourse.training.seeds: one seed call repeats a run; the offset reruns it under others."""

import numpy as np
import pytest

from dlcourse.training import seed_offset, set_seed


def test_the_offset_changes_the_training_seed(monkeypatch):
    set_seed(3)
    plain = np.random.random()
    monkeypatch.setenv("DLCOURSE_SEED_OFFSET", "2")
    assert seed_offset() == 2
    set_seed(1)
    shifted = np.random.random()
    assert shifted == plain  # 1 + 2 is the seed 3
    set_seed(3)
    assert np.random.random() != plain


@pytest.mark.parametrize("bad", ["x", "-1", "1.5"])
def test_a_bad_offset_is_named(monkeypatch, bad):
    monkeypatch.setenv("DLCOURSE_SEED_OFFSET", bad)
    with pytest.raises(ValueError, match="DLCOURSE_SEED_OFFSET"):
        set_seed(0)
