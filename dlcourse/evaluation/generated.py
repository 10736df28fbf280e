"""Judging generated samples: mode coverage and classifier-based class coverage (chapter 6).

A generative model's loss says little about its samples. These measures
look at the samples themselves:

- :func:`mode_coverage`, for data with known modes (a ring of Gaussians):
  how many modes receive a fair share of the samples;
- :func:`class_coverage`, for data with classes (digits): an independent
  classifier, trained on real data, names each sample's class; we count
  how the classes are spread and how sure the classifier is;
- :func:`nearest_distance`: how far each sample lies from the real data;
- :func:`discriminator_surface`: what a 2-D GAN's discriminator says
  everywhere on the plane, to read next to its samples.

No TensorFlow import here: a classifier is anything callable or with a
``predict`` method that returns class probabilities (see
:func:`dlcourse.evaluation.predictions.class_probabilities`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from dlcourse._checks import check_array, check_float, check_int
from dlcourse.evaluation.predictions import class_probabilities

__all__ = ["class_coverage", "ClassCoverage", "discriminator_surface", "mode_coverage",
           "ModeCoverage", "nearest_distance"]


@dataclass(frozen=True)
class ModeCoverage:
    """How generated samples spread over known modes.

    Attributes
    ----------
    counts : np.ndarray of int
        Samples near each mode (within ``near`` standard deviations).
    covered : np.ndarray of bool
        Whether each mode received at least ``min_share`` of its fair share.
    n_covered : int
        Number of covered modes.
    share_near : float
        Fraction of all samples near some mode (the rest are off the data).
    """

    counts: np.ndarray
    covered: np.ndarray
    n_covered: int
    share_near: float

    @property
    def n_modes(self) -> int:
        """Number of modes."""
        return len(self.counts)


def mode_coverage(
    samples: Any,
    centers: Any,
    std: float,
    *,
    near: float = 3.0,
    min_share: float = 0.25,
) -> ModeCoverage:
    """Count the modes that generated samples cover.

    Each sample belongs to its nearest centre if it lies within ``near *
    std`` of it, else to none. With ``k`` modes and ``n`` samples, a fair
    share is ``n / k``; a mode is *covered* when at least ``min_share``
    of a fair share falls near it.

    Parameters
    ----------
    samples : array-like of shape (n, d)
        Generated samples.
    centers : array-like of shape (k, d)
        The modes' centres (e.g. :func:`dlcourse.data.ring_centers`).
    std : float
        The modes' standard deviation, > 0.
    near : float, default 3.0
        Radius of "near", in standard deviations, > 0.
    min_share : float, default 0.25
        Fraction of the fair share a mode needs, in (0, 1].

    Examples
    --------
    >>> import numpy as np
    >>> centers = np.array([[0.0, 0.0], [1.0, 0.0]])
    >>> cover = mode_coverage([[0.01, 0.0], [0.02, 0.0], [0.5, 0.5]], centers, std=0.05)
    >>> cover.counts, cover.n_covered, round(cover.share_near, 2)
    (array([2, 0]), 1, 0.67)
    """
    samples = check_array("samples", samples, ndim=2)
    centers = check_array("centers", centers, ndim=2)
    if samples.shape[1] != centers.shape[1]:
        raise ValueError(
            f"samples and centers must have the same number of columns, got "
            f"{samples.shape[1]} and {centers.shape[1]}"
        )
    std = check_float("std", std, low=0, low_open=True)
    near = check_float("near", near, low=0, low_open=True)
    min_share = check_float("min_share", min_share, low=0, high=1, low_open=True)
    distances = np.linalg.norm(samples[:, None, :] - centers[None, :, :], axis=2)
    nearest = distances.argmin(axis=1)
    close = distances.min(axis=1) <= near * std
    counts = np.bincount(nearest[close], minlength=len(centers))
    covered = counts >= min_share * len(samples) / len(centers)
    return ModeCoverage(counts=counts, covered=covered, n_covered=int(covered.sum()),
                        share_near=float(close.mean()))


@dataclass(frozen=True)
class ClassCoverage:
    """What an independent classifier says about generated samples.

    Attributes
    ----------
    counts : np.ndarray of int
        Samples assigned to each class.
    shares : np.ndarray of float
        ``counts`` as fractions of all samples.
    n_present : int
        Classes with at least one sample.
    largest_share : float
        The largest class share (1 / n_classes when perfectly even).
    mean_confidence : float
        Mean over samples of the classifier's top probability. It is *not*
        a quality score: a classifier can be confident on inputs unlike any
        real one (a grey blur, noise), so it says how sure the judge is,
        not how real a sample looks.
    """

    counts: np.ndarray
    shares: np.ndarray
    n_present: int
    largest_share: float
    mean_confidence: float

    @property
    def smallest_share(self) -> float:
        """The share of the least frequent class (0 when a class is missing)."""
        return float(self.shares.min())

    @property
    def least_frequent(self) -> int:
        """The index of the least frequent class."""
        return int(self.shares.argmin())


def _probabilities(classifier: Any, samples: np.ndarray) -> np.ndarray:
    """Class probabilities, shape (n, k); a sigmoid's p is the two columns 1 - p, p."""
    return class_probabilities(classifier, samples, names=("classifier", "samples"))


def class_coverage(classifier: Any, samples: Any) -> ClassCoverage:
    """Judge generated samples with a classifier trained on real data.

    The classifier names each sample's class (its most probable one); a
    good generator of a data set with ``k`` even classes makes all ``k``,
    in roughly equal shares, each one clearly enough that the classifier
    is confident. A *collapsed* generator makes few classes; a blurry one
    leaves the classifier unsure.

    Parameters
    ----------
    classifier : keras.Model, scikit-learn classifier or callable
        Maps samples to class probabilities of shape ``(n, k)``.
    samples : array-like of shape (n, ...)
        Generated samples, shaped as the classifier's input.

    Examples
    --------
    >>> import numpy as np
    >>> probs = lambda x: np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]])
    >>> cover = class_coverage(probs, np.zeros((3, 4)))
    >>> cover.counts, cover.n_present, round(cover.mean_confidence, 3)
    (array([2, 1]), 2, 0.767)
    """
    samples = check_array("samples", samples, ndim=(2, 3, 4))
    probs = _probabilities(classifier, samples)
    counts = np.bincount(probs.argmax(axis=1), minlength=probs.shape[1])
    shares = counts / len(samples)
    return ClassCoverage(
        counts=counts,
        shares=shares,
        n_present=int((counts > 0).sum()),
        largest_share=float(shares.max()),
        mean_confidence=float(probs.max(axis=1).mean()),
    )


def nearest_distance(samples: Any, reference: Any, *, batch: int = 512) -> np.ndarray:
    """Return each sample's Euclidean distance to its nearest row of ``reference``.

    Used to check that a generator makes new samples rather than copies of
    its training data (a copy has distance 0).

    Examples
    --------
    >>> nearest_distance([[0.0, 0.0], [3.0, 4.0]], [[0.0, 0.0], [1.0, 0.0]]).tolist()
    [0.0, 4.47213595499958]
    """
    samples = check_array("samples", samples, ndim=2)
    reference = check_array("reference", reference, ndim=2)
    if samples.shape[1] != reference.shape[1]:
        raise ValueError(
            f"samples and reference must have the same number of columns, got "
            f"{samples.shape[1]} and {reference.shape[1]}"
        )
    batch = check_int("batch", batch, minimum=1)
    # |a - b|^2 = |a|^2 + |b|^2 - 2 a.b: one matrix product per batch, no
    # (batch, n_reference, n_columns) array of differences.
    ref_sq = (reference ** 2).sum(axis=1)
    out = np.empty(len(samples))
    for start in range(0, len(samples), batch):
        part = samples[start:start + batch]
        squared = (part ** 2).sum(axis=1)[:, None] + ref_sq[None, :] - 2 * part @ reference.T
        out[start:start + batch] = np.sqrt(np.maximum(squared.min(axis=1), 0.0))
    return out


def discriminator_surface(discriminator: Any, *, limit: float = 3.0,
                          resolution: int = 81) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The discriminator's probability "real", ``sigmoid(D(x))``, on a grid of the plane.

    For a GAN of 2-D points (chapter 6): the discriminator outputs a logit
    (as :class:`~dlcourse.models.GAN` requires), and this applies the
    sigmoid on a square grid from ``-limit`` to ``limit``. A map that is
    nearly flat means the discriminator no longer tells places apart, so
    it gives the generator no direction to move in.

    Parameters
    ----------
    discriminator : keras.Model or callable
        Maps points of shape ``(n, 2)`` to logits of shape ``(n, 1)``.
    limit : float, default 3.0
        Half the side of the square.
    resolution : int, default 81
        Grid points per side, >= 2.

    Returns
    -------
    (xs, ys, probability)
        The grid's coordinates along each axis, shape ``(resolution,)``,
        and the probability at each grid point, shape
        ``(resolution, resolution)``, row ``i`` at ``ys[i]``.

    Examples
    --------
    >>> import numpy as np
    >>> xs, ys, p = discriminator_surface(lambda x: x[:, :1], limit=1,
    ...                                   resolution=3)
    >>> p.round(2).tolist()
    [[0.27, 0.5, 0.73], [0.27, 0.5, 0.73], [0.27, 0.5, 0.73]]
    """
    from dlcourse.evaluation.predictions import model_outputs

    limit = check_float("limit", limit, low=0, low_open=True)
    resolution = check_int("resolution", resolution, minimum=2)
    axis = np.linspace(-limit, limit, resolution)
    grid = np.stack(np.meshgrid(axis, axis), axis=-1).reshape(-1, 2).astype("float32")
    logits = model_outputs(discriminator, grid, names=("discriminator", "grid"))
    if logits.size != len(grid):
        raise ValueError(
            f"discriminator must output one logit per point, got output shape {logits.shape} "
            f"for {len(grid)} points"
        )
    probability = 1 / (1 + np.exp(-logits.reshape(resolution, resolution).astype(float)))
    return axis, axis.copy(), probability
