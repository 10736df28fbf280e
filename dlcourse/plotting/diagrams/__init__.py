"""Diagrams of networks and mechanisms: drawn from their definition, not from data.

Everything is importable from ``dlcourse.plotting`` too.
"""

from dlcourse.plotting.diagrams.convolution import (
    plot_receptive_field,
    plot_sliding_window,
)
from dlcourse.plotting.diagrams.gan import plot_gan_diagram
from dlcourse.plotting.diagrams.network import plot_network
from dlcourse.plotting.diagrams.recurrent import plot_lstm_cell, plot_unrolled_rnn

__all__ = [
    "plot_gan_diagram",
    "plot_lstm_cell",
    "plot_network",
    "plot_receptive_field",
    "plot_sliding_window",
    "plot_unrolled_rnn",
]
