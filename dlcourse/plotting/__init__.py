"""The book's plot style and its recurring figures.

No TensorFlow import here: a History is read through its ``history`` dict
and a model through :func:`dlcourse.evaluation.predict_classes`. One module
per kind of figure; everything is importable from ``dlcourse.plotting``.
"""

from dlcourse.plotting.history import plot_history
from dlcourse.plotting.network import plot_network
from dlcourse.plotting.regions import plot_decision_regions
from dlcourse.plotting.style import PALETTE, use_style
from dlcourse.plotting.images import (
    plot_confusion_matrix,
    plot_feature_maps,
    plot_filters,
    plot_image_grid,
)
from dlcourse.plotting.convolution import plot_receptive_field, plot_sliding_window

__all__ = [
    "PALETTE", "plot_decision_regions", "plot_history", "plot_network", "use_style",
    "plot_confusion_matrix",
    "plot_feature_maps",
    "plot_filters",
    "plot_image_grid",
    "plot_receptive_field",
    "plot_sliding_window",
]
