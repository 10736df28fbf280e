"""Offline data loaders, returning arrays already split and scaled.

Every loader reads data that ships inside an installed package's wheel (or
generates it): nothing is downloaded at run time. Each says where its data
comes from and under which licence. One module per data set, plus
:mod:`~dlcourse.data.split` (splits and scaling) and
:mod:`~dlcourse.data.subsets` (stratified subsets, a class thinned out);
everything is importable from ``dlcourse.data``.
"""

from dlcourse.data.digits import DIGIT_NAMES, load_digits, load_mnist_subset
from dlcourse.data.faces import FACE_CLASSES, load_faces
from dlcourse.data.moons import load_moons
from dlcourse.data.motions import MOTION_CHANNELS, load_motions, summary_features
from dlcourse.data.movielens import RatingsData, load_movielens
from dlcourse.data.penguins import PENGUIN_FEATURES, load_penguins, load_penguins_frame
from dlcourse.data.reviews import REVIEW_CLASSES, REVIEW_SPLITS, load_reviews
from dlcourse.data.series import TimeSeries, load_sunspots, make_windows
from dlcourse.data.split import SplitData, standardize_split, stratified_split
from dlcourse.data.subsets import stratified_subset, thin_out_class
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
    "REVIEW_SPLITS",
    "ring_centers",
    "SplitData",
    "standardize_split",
    "stratified_split",
    "stratified_subset",
    "summary_features",
    "thin_out_class",
    "TimeSeries",
]
