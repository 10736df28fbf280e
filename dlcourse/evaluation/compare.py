"""Two models on one test set: the difference, with its uncertainty (chapters 1-3).

A test set is one sample of the data a model will meet. When two models are
scored on the *same* test examples, their difference is measured far more
precisely than either score alone, because the examples both find easy (or
hard) cancel out. :func:`compare_predictions` works on these paired
per-example results:

- the difference of the two scores (accuracy, or mean squared error for
  regression) with a paired bootstrap interval: the test examples are
  resampled with replacement, each resample scoring both models on the same
  rows (Efron & Tibshirani, *An Introduction to the Bootstrap*, 1993);
- for classifiers, McNemar's exact test, which looks only at the examples
  where the two disagree (McNemar, *Psychometrika* 12, 1947; the exact
  binomial form as in Dietterich, *Neural Computation* 10, 1998).

The words a text uses should follow the interval: one model is "better"
only when the interval excludes zero (``Comparison.better``).
:func:`compare_models` runs two models on ``x`` first.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import comb
from typing import Any

import numpy as np

from dlcourse._checks import (
    check_array,
    check_choice,
    check_float,
    check_int,
    check_labels,
    check_same_length,
)
from dlcourse.evaluation.paired import paired_bootstrap

__all__ = ["Comparison", "compare_models", "compare_predictions", "mcnemar_exact_p"]

_METRICS = {"classification": "accuracy", "regression": "mean squared error"}


@dataclass(frozen=True)
class Comparison:
    """Two models scored on the same test examples, and their difference.

    Attributes
    ----------
    metric : str
        ``"accuracy"`` (higher is better) or ``"mean squared error"``
        (lower is better).
    score_a, score_b : float
        Each model's score on the whole test set.
    difference : float
        ``score_a - score_b``.
    low, high : float
        The paired bootstrap interval of ``difference``, at ``confidence``.
    confidence : float
        The interval's confidence level, e.g. 0.95.
    n : int
        The number of test examples.
    n_resamples : int
        The number of bootstrap resamples.
    mcnemar_p : float or None
        McNemar's exact two-sided p-value (classification only).
    only_a_right, only_b_right : int or None
        Test examples that only model A, or only model B, gets right
        (classification only): the discordant pairs McNemar's test counts.
    """

    metric: str
    score_a: float
    score_b: float
    difference: float
    low: float
    high: float
    confidence: float
    n: int
    n_resamples: int
    mcnemar_p: float | None = None
    only_a_right: int | None = None
    only_b_right: int | None = None

    @property
    def excludes_zero(self) -> bool:
        """Whether the interval of the difference lies wholly on one side of 0."""
        return self.low > 0 or self.high < 0

    @property
    def better(self) -> str | None:
        """``"a"`` or ``"b"`` when the interval says which is better, else None."""
        if not self.excludes_zero:
            return None
        higher_is_better = self.metric == "accuracy"
        a_higher = self.low > 0
        return "a" if a_higher == higher_is_better else "b"

    def describe(self, name_a: str = "A", name_b: str = "B") -> str:
        """One sentence: the two scores, the difference and its interval, the verdict."""
        percent = self.metric == "accuracy"

        def fmt(value: float) -> str:
            return f"{value:.1%}" if percent else f"{value:.3f}"

        def fmt_diff(value: float) -> str:
            return f"{100 * value:+.1f} points" if percent else f"{value:+.3f}"

        text = (f"{name_a} {fmt(self.score_a)} vs {name_b} {fmt(self.score_b)} {self.metric} "
                f"on {self.n} examples: difference {fmt_diff(self.difference)}, "
                f"{self.confidence:.0%} interval [{fmt_diff(self.low)}, {fmt_diff(self.high)}]")
        if self.mcnemar_p is not None:
            text += f", McNemar p = {self.mcnemar_p:.2g}"
        winner = {"a": name_a, "b": name_b}.get(self.better or "")
        verdict = f"{winner} is better" if winner else "no clear difference"
        return f"{text}: {verdict}."


def mcnemar_exact_p(only_a_right: int, only_b_right: int) -> float:
    """McNemar's exact two-sided p-value from the two discordant counts.

    Under the hypothesis that both models are equally accurate, each of the
    ``only_a_right + only_b_right`` disagreements is a fair coin toss; the
    p-value is twice the binomial tail of the smaller count (at most 1).

    Examples
    --------
    >>> round(mcnemar_exact_p(1, 9), 4)
    0.0215
    >>> mcnemar_exact_p(0, 0)
    1.0
    """
    b = check_int("only_a_right", only_a_right, minimum=0)
    c = check_int("only_b_right", only_b_right, minimum=0)
    n = b + c
    if n == 0:
        return 1.0
    tail = sum(comb(n, k) for k in range(min(b, c) + 1)) / 2 ** n
    return float(min(1.0, 2 * tail))


def _per_example(task: str, y: np.ndarray, pred_a: np.ndarray, pred_b: np.ndarray):
    """Per-example scores of A and B: 1/0 for right/wrong, or squared errors."""
    if task == "classification":
        return (pred_a == y).astype(float), (pred_b == y).astype(float)
    return (pred_a - y) ** 2, (pred_b - y) ** 2


def _check_predictions(task: str, y_true: Any, predictions_a: Any, predictions_b: Any):
    if task == "classification":
        checked = [check_labels(name, value) for name, value in
                   (("y_true", y_true), ("predictions_a", predictions_a),
                    ("predictions_b", predictions_b))]
    else:
        checked = []
        for name, value in (("y_true", y_true), ("predictions_a", predictions_a),
                            ("predictions_b", predictions_b)):
            array = check_array(name, value, ndim=(1, 2))
            if array.ndim == 2 and array.shape[1] != 1:
                raise ValueError(f"{name} must hold one number per example, got shape "
                                 f"{array.shape}")
            checked.append(array.reshape(-1))
    y, a, b = checked
    check_same_length("y_true", y, "predictions_a", a)
    check_same_length("y_true", y, "predictions_b", b)
    return y, a, b


def compare_predictions(
    y_true: Any,
    predictions_a: Any,
    predictions_b: Any,
    *,
    task: str = "classification",
    confidence: float = 0.95,
    n_resamples: int = 2000,
    seed: int = 0,
    block_size: int | None = None,
    groups: Any = None,
) -> Comparison:
    """Compare two models' predictions on the same test examples, paired.

    Parameters
    ----------
    y_true : array-like of shape (n,)
        The test targets: integer class labels, or numbers for regression.
    predictions_a, predictions_b : array-like of shape (n,)
        Each model's predictions for the same ``n`` examples, in the same
        order: predicted class labels (e.g. from
        :func:`~dlcourse.evaluation.predict_classes`), or numbers.
    task : {"classification", "regression"}, default "classification"
        Accuracy and McNemar's test, or the mean squared error.
    confidence : float in (0, 1), default 0.95
        The level of the bootstrap interval.
    n_resamples : int >= 100, default 2000
        Bootstrap resamples of the test examples.
    seed : int, default 0
        Seed of the resampling, so the interval is reproducible.
    block_size : int, optional
        None resamples single test examples; an integer resamples circular
        blocks of that many consecutive examples, for examples in time
        order whose errors are correlated (see
        :func:`~dlcourse.evaluation.paired_bootstrap`).
    groups : array-like of shape (n,), optional
        One group label per test example (e.g. the user of each rating):
        resamples whole groups instead of single examples, for examples
        correlated within a group (the cluster bootstrap of
        :func:`~dlcourse.evaluation.paired_bootstrap`). Not with
        ``block_size``.

    Returns
    -------
    Comparison
        The scores, their difference A - B, the percentile interval of the
        difference over the paired resamples and, for classification,
        McNemar's exact p-value.

    Examples
    --------
    >>> y = [0, 1, 1, 0, 1, 0, 1, 1, 0, 1]
    >>> a = [0, 1, 1, 0, 1, 0, 1, 1, 0, 0]  # 9 of 10 right
    >>> b = [0, 1, 0, 0, 1, 1, 1, 0, 0, 0]  # 6 of 10 right
    >>> result = compare_predictions(y, a, b)
    >>> round(result.difference, 2), result.only_a_right, result.only_b_right
    (0.3, 3, 0)
    >>> round(result.mcnemar_p, 2)
    0.25

    Ratings of five users, two each: resample users, not ratings.

    >>> users = [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]
    >>> by_user = compare_predictions(y, a, b, groups=users)
    >>> round(by_user.difference, 2), by_user.n
    (0.3, 10)
    """
    task = check_choice("task", task, _METRICS)
    confidence = check_float("confidence", confidence, low=0, high=1, low_open=True,
                             high_open=True)
    n_resamples = check_int("n_resamples", n_resamples, minimum=100)
    seed = check_int("seed", seed, minimum=0)
    y, a, b = _check_predictions(task, y_true, predictions_a, predictions_b)
    per_a, per_b = _per_example(task, y, a, b)
    interval = paired_bootstrap(per_a, per_b, n_resamples=n_resamples, level=confidence,
                                seed=seed, block_size=block_size, groups=groups)
    low, high = interval.low, interval.high
    extra: dict[str, Any] = {}
    if task == "classification":
        only_a = int(np.sum((per_a == 1) & (per_b == 0)))
        only_b = int(np.sum((per_a == 0) & (per_b == 1)))
        extra = dict(mcnemar_p=mcnemar_exact_p(only_a, only_b), only_a_right=only_a,
                     only_b_right=only_b)
    return Comparison(metric=_METRICS[task], score_a=float(per_a.mean()),
                      score_b=float(per_b.mean()),
                      difference=float(per_a.mean() - per_b.mean()), low=float(low),
                      high=float(high), confidence=confidence, n=len(y),
                      n_resamples=n_resamples, **extra)


def compare_models(
    model_a: Any,
    model_b: Any,
    x: Any,
    y: Any,
    *,
    task: str = "classification",
    confidence: float = 0.95,
    n_resamples: int = 2000,
    seed: int = 0,
    block_size: int | None = None,
    groups: Any = None,
) -> Comparison:
    """Run two models on the same test inputs and compare them, paired.

    Classifiers are read with :func:`~dlcourse.evaluation.predict_classes`
    (Keras or scikit-learn models, or functions); regressors with
    :func:`~dlcourse.evaluation.model_outputs`. Then as
    :func:`compare_predictions`, which explains ``task``, ``confidence``,
    ``n_resamples``, ``seed``, ``block_size`` and ``groups``.

    Examples
    --------
    >>> import numpy as np
    >>> x = np.arange(200.0).reshape(-1, 1)
    >>> y = (x[:, 0] >= 100).astype(int)
    >>> right = lambda x: (x[:, 0] >= 100).astype(int)
    >>> coin = lambda x: (x[:, 0] % 2).astype(int)
    >>> compare_models(right, coin, x, y).better
    'a'
    """
    from dlcourse.evaluation.predictions import model_outputs, predict_classes

    task = check_choice("task", task, _METRICS)
    if task == "classification":
        pred_a, pred_b = predict_classes(model_a, x), predict_classes(model_b, x)
    else:
        pred_a = np.asarray(model_outputs(model_a, x, names=("model_a", "x")), dtype=float)
        pred_b = np.asarray(model_outputs(model_b, x, names=("model_b", "x")), dtype=float)
    return compare_predictions(y, pred_a, pred_b, task=task, confidence=confidence,
                               n_resamples=n_resamples, seed=seed, block_size=block_size,
                               groups=groups)
