"""The book's plot style and its figures.

No TensorFlow import here: a History is read through its ``history`` dict
and a model through :func:`dlcourse.evaluation.predict_classes`. One module
per kind of figure, and :mod:`dlcourse.plotting.diagrams` for drawings of
networks and mechanisms; everything is importable from ``dlcourse.plotting``.
"""

from dlcourse.plotting.activations import (
    ELEMENTWISE,
    plot_activations,
    plot_gradient_norms,
)
from dlcourse.plotting.adversarial import plot_adversarial_examples, plot_saliency
from dlcourse.plotting.attention import plot_attention
from dlcourse.plotting.curves import plot_curves
from dlcourse.plotting.descent import plot_descent
from dlcourse.plotting.diagnosis import plot_threshold_tradeoff
from dlcourse.plotting.diagrams import (
    plot_gan_diagram,
    plot_lstm_cell,
    plot_network,
    plot_receptive_field,
    plot_sliding_window,
    plot_unrolled_rnn,
)
from dlcourse.plotting.gan import (
    plot_discriminator_map,
    plot_gan_losses,
    plot_sample_grid,
    plot_sample_scatter,
)
from dlcourse.plotting.history import plot_history
from dlcourse.plotting.images import (
    plot_confusion_matrix,
    plot_feature_maps,
    plot_filters,
    plot_image_grid,
)
from dlcourse.plotting.loop import LOOP_STEPS, plot_learning_loop
from dlcourse.plotting.regions import plot_decision_regions
from dlcourse.plotting.sensors import plot_recordings
from dlcourse.plotting.series import plot_forecast, plot_gradient_per_step
from dlcourse.plotting.style import PALETTE, use_style

__all__ = [
    "ELEMENTWISE",
    "LOOP_STEPS",
    "PALETTE",
    "plot_activations",
    "plot_adversarial_examples",
    "plot_attention",
    "plot_confusion_matrix",
    "plot_curves",
    "plot_decision_regions",
    "plot_descent",
    "plot_feature_maps",
    "plot_filters",
    "plot_forecast",
    "plot_discriminator_map",
    "plot_gan_diagram",
    "plot_gan_losses",
    "plot_gradient_norms",
    "plot_gradient_per_step",
    "plot_history",
    "plot_image_grid",
    "plot_learning_loop",
    "plot_lstm_cell",
    "plot_network",
    "plot_receptive_field",
    "plot_recordings",
    "plot_saliency",
    "plot_sample_grid",
    "plot_sample_scatter",
    "plot_sliding_window",
    "plot_threshold_tradeoff",
    "plot_unrolled_rnn",
    "use_style",
]
