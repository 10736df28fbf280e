"""dlcourse.plotting.gan: samples over training, image grids, GAN losses."""

import numpy as np
import pytest

from dlcourse.data import make_ring, ring_centers
from dlcourse.plotting import (
    plot_gan_diagram,
    plot_gan_losses,
    plot_sample_grid,
    plot_sample_scatter,
)


def test_plots():
    fig = plot_sample_scatter({"epoch 0": np.zeros((5, 2)), "epoch 1": np.ones((5, 2)),
                               "epoch 2": np.ones((5, 2))}, make_ring(80),
                              centers=ring_centers(), n_cols=2, limit=3)
    assert len(fig.axes) == 3
    with pytest.raises(ValueError, match="2-D points"):
        plot_sample_scatter({1: np.zeros((5, 3))})
    ax = plot_sample_grid(np.random.default_rng(0).random((12, 8, 8, 1)), n_cols=5,
                          labels=[str(k % 10) for k in range(12)])
    assert len(ax.texts) == 12
    with pytest.raises(ValueError, match="image_shape"):
        plot_sample_grid(np.zeros((3, 10)))
    with pytest.raises(TypeError, match="history"):
        plot_gan_losses({"loss": [1.0]})
    ax = plot_gan_losses({"d_loss_step": list(np.linspace(1, 2, 50)),
                          "g_loss_step": list(np.linspace(2, 1, 50))}, smooth=10)
    assert len(ax.figure.axes) == 1


def test_sample_grid_takes_the_old_keyword_with_a_warning():
    with pytest.warns(DeprecationWarning, match="ncols is renamed n_cols"):
        ax = plot_sample_grid(np.zeros((4, 64)), ncols=2)
    assert ax.images[0].get_array().shape == (19, 19)


def test_gan_diagram_draws_into_a_given_axes():
    import matplotlib.pyplot as plt

    _, ax = plt.subplots()
    assert plot_gan_diagram(ax=ax) is ax
