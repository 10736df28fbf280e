"""Generated data sets: a ring of Gaussians (chapter 6)."""

from __future__ import annotations

import numpy as np

from dlcourse._checks import check_float, check_int

__all__ = ["make_ring", "ring_centers"]


def ring_centers(n_modes: int = 8, radius: float = 2.0) -> np.ndarray:
    """Return the centres of ``n_modes`` points evenly spaced on a circle.

    The first centre lies at angle 0, ``(radius, 0)``.

    Examples
    --------
    >>> from dlcourse.data import ring_centers
    >>> ring_centers(4, radius=1.0).round(6) + 0.0
    array([[ 1.,  0.],
           [ 0.,  1.],
           [-1.,  0.],
           [ 0., -1.]])
    """
    n_modes = check_int("n_modes", n_modes, minimum=1)
    radius = check_float("radius", radius, low=0, low_open=True)
    angles = 2 * np.pi * np.arange(n_modes) / n_modes
    return radius * np.stack([np.cos(angles), np.sin(angles)], axis=1)


def make_ring(
    n_samples: int = 2000,
    n_modes: int = 8,
    *,
    radius: float = 2.0,
    std: float = 0.05,
    seed: int = 0,
) -> np.ndarray:
    """Sample a 2-D mixture of ``n_modes`` Gaussians on a ring, in equal shares.

    The classic test of a GAN's *mode coverage* (Metz et al., 2017): each
    mode is a small round blob of standard deviation ``std`` around one of
    :func:`ring_centers`. A generator that covers only some blobs has
    *collapsed*.

    Parameters
    ----------
    n_samples : int, default 2000
        Number of points, >= n_modes (each mode gets ``n_samples // n_modes``
        or one more).
    n_modes : int, default 8
        Number of Gaussians.
    radius : float, default 2.0
        Radius of the ring.
    std : float, default 0.05
        Standard deviation of each Gaussian, > 0.
    seed : int, default 0
        Seed of the sample.

    Returns
    -------
    np.ndarray of shape (n_samples, 2), float32
        The points, shuffled.

    Examples
    --------
    >>> from dlcourse.data import make_ring
    >>> points = make_ring(800)
    >>> points.shape, bool(abs(np.hypot(*points.T).mean() - 2.0) < 0.01)
    ((800, 2), True)
    """
    n_samples = check_int("n_samples", n_samples, minimum=1)
    n_modes = check_int("n_modes", n_modes, minimum=1)
    if n_samples < n_modes:
        raise ValueError(f"n_samples must be >= n_modes={n_modes}, got {n_samples}")
    std = check_float("std", std, low=0, low_open=True)
    seed = check_int("seed", seed, minimum=0)
    centers = ring_centers(n_modes, radius)
    rng = np.random.default_rng(seed)
    which = rng.permutation(np.arange(n_samples) % n_modes)
    points = centers[which] + rng.normal(scale=std, size=(n_samples, 2))
    return points.astype(np.float32)
