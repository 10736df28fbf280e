"""Offline data loaders, returning arrays already split and scaled.

Every loader reads data that ships inside an installed package's wheel (or
generates it): nothing is downloaded at run time. Each says where its data
comes from and under which licence. One module per data set; everything is
importable from ``dlcourse.data``.
"""

from dlcourse.data.digits import DIGIT_NAMES, load_digits, load_mnist_subset
from dlcourse.data.motions import load_motions, MOTION_CHANNELS, summary_features
from dlcourse.data.penguins import load_penguins, load_penguins_frame, PENGUIN_FEATURES
from dlcourse.data.series import load_sunspots, make_windows, TimeSeries
from dlcourse.data.split import SplitData, standardize_split, stratified_split
from dlcourse.data.synthetic import make_ring, ring_centers
from dlcourse.data.tabular import load_breast_cancer, load_diabetes
from dlcourse.data.faces import FACE_CLASSES, load_faces
from dlcourse.data.movielens import RatingsData, load_movielens
from dlcourse.data.reviews import REVIEW_CLASSES, load_reviews

__all__ = [
    "DIGIT_NAMES",
    "load_breast_cancer",
    "load_diabetes",
    "load_digits",
    "load_mnist_subset",
    "load_motions",
    "load_penguins",
    "load_penguins_frame",
    "load_sunspots",
    "make_ring",
    "make_windows",
    "MOTION_CHANNELS",
    "PENGUIN_FEATURES",
    "ring_centers",
    "SplitData",
    "standardize_split",
    "stratified_split",
    "summary_features",
    "TimeSeries",
    "DIGIT_NAMES", "PENGUIN_FEATURES", "SplitData", "load_breast_cancer", "load_diabetes",
    "load_digits", "load_mnist_subset",
    "load_penguins", "load_penguins_frame", "standardize_split", "stratified_split",
    "FACE_CLASSES",
    "load_faces",
    "RatingsData",
    "load_movielens",
    "REVIEW_CLASSES",
    "load_reviews",
]
