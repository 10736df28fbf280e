"""The book's plot style and its recurring figures.

No TensorFlow import here: a History is read through its ``history`` dict
and a model through :func:`dlcourse.evaluation.predict_classes`. One module
per kind of figure; everything is importable from ``dlcourse.plotting``.
"""

from dlcourse.plotting.adversarial import plot_adversarial_examples, plot_saliency
from dlcourse.plotting.curves import plot_curves
from dlcourse.plotting.descent import plot_descent
from dlcourse.plotting.diagnosis import plot_confusion_matrix, plot_threshold_tradeoff
from dlcourse.plotting.history import plot_history
from dlcourse.plotting.network import plot_network
from dlcourse.plotting.regions import plot_decision_regions
from dlcourse.plotting.sensors import plot_recordings
from dlcourse.plotting.style import PALETTE, use_style
from dlcourse.plotting.activations import plot_activations, plot_gradient_norms

__all__ = [
    "PALETTE",
    "plot_adversarial_examples",
    "plot_confusion_matrix",
    "plot_curves",
    "plot_decision_regions",
    "plot_descent",
    "plot_history",
    "plot_network",
    "plot_recordings",
    "plot_saliency",
    "plot_threshold_tradeoff",
    "use_style",
    "plot_activations",
    "plot_gradient_norms",
]
