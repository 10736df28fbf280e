"""One device against several, and arrays against a ``tf.data`` pipeline (the scaling appendix)."""

from __future__ import annotations

import statistics
import time
from typing import Any

import numpy as np

from dlcourse._checks import check_array, check_int, check_labels, check_same_length
from dlcourse.training.distributed.devices import logical_cpu_names
from dlcourse.training.pipeline import in_memory_dataset

__all__ = ["mirrored_comparison", "pipeline_speedup"]


def mirrored_comparison(
    *, n_replicas: int = 2, epochs: int = 15, batch_size: int = 64, seed: int = 0
) -> dict[str, Any]:
    """Train one network on one device and with ``MirroredStrategy``; compare.

    Both runs train the same digits classifier (``load_digits``, 64-32-10)
    from the same seed with the same global batch; the mirrored run splits
    each batch across ``n_replicas`` devices, which average their
    gradients. Needs that many logical devices: call it through
    :func:`run_with_cpu_devices`.

    Parameters
    ----------
    n_replicas : int, default 2
        Devices to mirror the model on (at least 2).
    epochs : int, default 15
        Training epochs of each run.
    batch_size : int, default 64
        The global batch, divisible by ``n_replicas``.
    seed : int, default 0
        Seed of both runs.

    Returns
    -------
    dict
        ``single_accuracy`` and ``mirrored_accuracy`` (test accuracies),
        ``n_replicas``, ``global_batch``, ``per_replica_batch``,
        ``devices`` and the seconds of each run.

    Examples
    --------
    >>> from dlcourse.training.distributed import mirrored_comparison, run_with_cpu_devices
    >>> result = run_with_cpu_devices(mirrored_comparison, 2, kwargs={"epochs": 1})  # doctest: +SKIP
    >>> result["per_replica_batch"], result["devices"]  # doctest: +SKIP
    (32, ['/device:CPU:0', '/device:CPU:1'])
    """
    n_replicas = check_int("n_replicas", n_replicas, minimum=2)
    epochs = check_int("epochs", epochs, minimum=1)
    batch_size = check_int("batch_size", batch_size, minimum=1)
    seed = check_int("seed", seed, minimum=0)
    if batch_size % n_replicas:
        raise ValueError(
            f"batch_size ({batch_size}) must be divisible by n_replicas ({n_replicas}), "
            "so that every replica gets the same share of each batch"
        )
    devices = logical_cpu_names()
    if len(devices) < n_replicas:
        raise RuntimeError(
            f"n_replicas={n_replicas} needs {n_replicas} devices, but this process has "
            f"{len(devices)}: call it as run_with_cpu_devices(mirrored_comparison, {n_replicas})"
        )
    from dlcourse._keras import tf
    from dlcourse.data import load_digits
    from dlcourse.evaluation import accuracy
    from dlcourse.models import build_mlp
    from dlcourse.training import set_seed

    data = load_digits(seed=seed)
    mirrored = tf.distribute.MirroredStrategy(devices[:n_replicas])
    result: dict[str, Any] = {"n_replicas": mirrored.num_replicas_in_sync,
                              "global_batch": batch_size,
                              "per_replica_batch": batch_size // mirrored.num_replicas_in_sync,
                              "devices": devices[:n_replicas]}
    for name, strategy in (("single", tf.distribute.get_strategy()), ("mirrored", mirrored)):
        set_seed(seed)
        with strategy.scope():  # variables are created on every replica
            model = build_mlp(data.n_features, hidden_units=(32,), output_units=data.n_classes,
                              output_activation="softmax", learning_rate=3e-3)
        start = time.perf_counter()
        # The same seeded pipeline for both runs: the same batches in the same order.
        model.fit(in_memory_dataset(data.x_train, data.y_train, batch_size, shuffle=True,
                                    seed=seed, y_dtype="int32"), epochs=epochs,
                  shuffle=False, verbose=0)
        result[f"{name}_seconds"] = time.perf_counter() - start
        result[f"{name}_accuracy"] = accuracy(model, data.x_test, data.y_test)
    return result


def pipeline_speedup(
    x: Any, y: Any, *, epochs: int = 6, batch_size: int = 32, repeats: int = 2, seed: int = 0
) -> dict[str, float]:
    """Time an epoch of ``Model.fit`` fed NumPy arrays against one fed a ``tf.data`` pipeline.

    Both train the same small softmax classifier on ``x``/``y`` with the
    same batch size. Both are built once per ``fit`` call: fed arrays,
    Keras 3 wraps them in its ``ArrayDataAdapter``
    (``keras/src/trainers/data_adapters/array_data_adapter.py``), which
    every epoch draws a permutation of the row indices, batches it and
    gathers each batch from the arrays; the pipeline (``cache``,
    ``shuffle``, ``batch``, ``prefetch``) keeps the tensors in memory and
    prepares the next batch while the model trains on this one. The timing
    measures the difference; it does not say which step of the adapter
    costs most. Each way trains
    ``repeats`` times (alternating, so that a change in the machine's speed
    hits both alike); the first epoch of each fit, which traces the
    model, is left out, and the medians of the other epochs are compared.

    Parameters
    ----------
    x : array-like of shape (n_samples, n_features)
        Inputs.
    y : array-like of shape (n_samples,)
        Integer class labels.
    epochs : int, default 6
        Epochs of each fit, at least 2.
    batch_size : int, default 32
        Batch size of both.
    repeats : int, default 2
        Fits of each kind.
    seed : int, default 0
        Seed of the model and shuffling.

    Returns
    -------
    dict
        ``numpy_epoch_seconds`` and ``pipeline_epoch_seconds`` (median
        seconds per epoch) and ``speedup`` (their ratio: how many times
        faster the pipeline is).

    Examples
    --------
    >>> import numpy as np
    >>> from dlcourse.training.distributed import pipeline_speedup
    >>> x = np.random.default_rng(0).normal(size=(64, 3))
    >>> times = pipeline_speedup(x, (x[:, 0] > 0).astype(int), epochs=2, repeats=1)
    >>> sorted(times)
    ['numpy_epoch_seconds', 'pipeline_epoch_seconds', 'speedup']
    """
    x = check_array("x", x, ndim=2)
    y = check_labels("y", y)
    check_same_length("x", x, "y", y)
    epochs = check_int("epochs", epochs, minimum=2)
    batch_size = check_int("batch_size", batch_size, minimum=1)
    repeats = check_int("repeats", repeats, minimum=1)
    seed = check_int("seed", seed, minimum=0)
    from dlcourse.models import build_mlp
    from dlcourse.training import EpochTimer, set_seed

    x, y = x.astype(np.float32), y.astype(np.int32)
    n_classes = max(2, int(y.max()) + 1)

    def timed(inputs, **settings):
        set_seed(seed)
        model = build_mlp(x.shape[1], hidden_units=(16,), output_units=n_classes,
                          output_activation="softmax")
        timer = EpochTimer()
        model.fit(inputs, epochs=epochs, verbose=0, callbacks=[timer], **settings)
        return timer.seconds[1:]  # the first epoch traces the model

    times: dict[str, list[float]] = {"numpy": [], "pipeline": []}
    for _ in range(repeats):
        times["numpy"] += timed(x, y=y, batch_size=batch_size, shuffle=True)
        times["pipeline"] += timed(in_memory_dataset(x, y, batch_size, shuffle=True, seed=seed,
                                                     y_dtype="int32"), shuffle=False)
    numpy_s, pipeline_s = statistics.median(times["numpy"]), statistics.median(times["pipeline"])
    return {"numpy_epoch_seconds": numpy_s, "pipeline_epoch_seconds": pipeline_s,
            "speedup": numpy_s / pipeline_s}
