"""Offline data loaders, returning arrays already split and scaled.

Every loader reads data that ships inside an installed package's wheel (or
generates it): nothing is downloaded at run time. Each says where its data
comes from and under which licence. One module per data set; everything is
importable from ``dlcourse.data``.
"""

from dlcourse.data.digits import DIGIT_NAMES, load_digits, load_mnist_subset
from dlcourse.data.motions import load_motions, MOTION_CHANNELS, summary_features
from dlcourse.data.penguins import load_penguins, load_penguins_frame, PENGUIN_FEATURES
from dlcourse.data.split import SplitData, standardize_split, stratified_split
from dlcourse.data.tabular import load_breast_cancer, load_diabetes
from dlcourse.data.moons import load_moons

__all__ = [
    "DIGIT_NAMES",
    "load_breast_cancer",
    "load_diabetes",
    "load_digits",
    "load_mnist_subset",
    "load_motions",
    "load_penguins",
    "load_penguins_frame",
    "MOTION_CHANNELS",
    "PENGUIN_FEATURES",
    "SplitData",
    "standardize_split",
    "stratified_split",
    "summary_features",
    "load_moons",
]
