"""Offline data loaders, returning arrays already split and scaled.

Every loader reads data that ships inside an installed package's wheel (or
generates it): nothing is downloaded at run time. Each says where its data
comes from and under which licence. One module per data set; everything is
importable from ``dlcourse.data``.
"""

from dlcourse.data.digits import DIGIT_NAMES, load_digits, load_mnist_subset
from dlcourse.data.penguins import PENGUIN_FEATURES, load_penguins, load_penguins_frame
from dlcourse.data.split import SplitData, standardize_split, stratified_split
from dlcourse.data.tabular import load_breast_cancer, load_diabetes
from dlcourse.data.moons import load_moons

__all__ = [
    "DIGIT_NAMES", "PENGUIN_FEATURES", "SplitData", "load_breast_cancer", "load_diabetes",
    "load_digits", "load_mnist_subset",
    "load_penguins", "load_penguins_frame", "standardize_split", "stratified_split",
    "load_moons",
]
