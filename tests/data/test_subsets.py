"""dlcourse.data.subsets: stratified subsets and a class thinned out (and the recall it costs)."""

import numpy as np
import pytest

from dlcourse.data import stratified_subset, thin_out_class
from dlcourse.evaluation import recall_per_class


def test_stratified_subset_keeps_every_class():
    y = np.repeat(np.arange(10), 50)
    rows = stratified_subset(y, 20, seed=3)
    assert len(rows) == len(set(rows)) == 20
    assert np.bincount(y[rows]).tolist() == [2] * 10
    assert stratified_subset(y, 500).tolist() == list(range(500))
    with pytest.raises(ValueError, match="between the number of classes"):
        stratified_subset(y, 5)


def test_thin_out_class_and_recall():
    y = np.array([0] * 5 + [1] * 5 + [2] * 5)
    rows = thin_out_class(y, 1, keep=2, seed=0)
    assert np.bincount(y[rows]).tolist() == [5, 2, 5]
    with pytest.raises(ValueError, match="does not occur"):
        thin_out_class(y, 7, keep=1)
    with pytest.raises(ValueError, match="at most the 5 rows"):
        thin_out_class(y, 1, keep=6)
    assert recall_per_class([0, 1, 1, 2], [0, 1, 2, 2], 3).tolist() == [1.0, 0.5, 1.0]
    with pytest.raises(ValueError, match="no row of class"):
        recall_per_class([0, 0, 1], [0, 0, 1], 3)
