"""Offline data loaders, returning arrays already split and scaled.

Every loader reads data that ships inside an installed package's wheel (or
generates it): nothing is downloaded at run time. Each says where its data
comes from and under which licence. One module per data set; everything is
importable from ``dlcourse.data``.
"""

from dlcourse.data.digits import DIGIT_NAMES, load_digits, load_mnist_subset
from dlcourse.data.faces import FACE_CLASSES, load_faces
from dlcourse.data.moons import load_moons
from dlcourse.data.motions import load_motions, MOTION_CHANNELS, summary_features
from dlcourse.data.movielens import load_movielens, RatingsData
from dlcourse.data.penguins import load_penguins, load_penguins_frame, PENGUIN_FEATURES
from dlcourse.data.reviews import load_reviews, REVIEW_CLASSES
from dlcourse.data.series import load_sunspots, make_windows, TimeSeries
from dlcourse.data.split import SplitData, standardize_split, stratified_split
from dlcourse.data.synthetic import make_ring, ring_centers
from dlcourse.data.tabular import load_breast_cancer, load_diabetes

__all__ = [
    "DIGIT_NAMES",
    "FACE_CLASSES",
    "load_breast_cancer",
    "load_diabetes",
    "load_digits",
    "load_faces",
    "load_mnist_subset",
    "load_moons",
    "load_motions",
    "load_movielens",
    "load_penguins",
    "load_penguins_frame",
    "load_reviews",
    "load_sunspots",
    "make_ring",
    "make_windows",
    "MOTION_CHANNELS",
    "PENGUIN_FEATURES",
    "RatingsData",
    "REVIEW_CLASSES",
    "ring_centers",
    "SplitData",
    "standardize_split",
    "stratified_split",
    "summary_features",
    "TimeSeries",
]
