"""Training on several devices and machines with ``tf.distribute`` (the scaling appendix).

- :func:`run_with_cpu_devices` runs a function in a fresh Python process
  whose CPU is split into N *logical* devices. TensorFlow fixes its devices
  when it initialises, so a notebook kernel that has already used
  TensorFlow cannot do this for itself.
- :func:`mirrored_comparison` trains the same network on one device and,
  with ``MirroredStrategy``, on several replicas, and reports both test
  accuracies (run it through :func:`run_with_cpu_devices`).
- :func:`train_worker` is one worker of a ``MultiWorkerMirroredStrategy``
  run: a custom training loop (``strategy.run``,
  ``tf.nn.compute_average_loss``, a distributed dataset), because Keras 3's
  ``Model.fit`` does not support that strategy (keras-team/keras#20585).
- :func:`launch_workers` starts such workers as local processes on free
  127.0.0.1 ports with ``TF_CONFIG``, waits for them with a timeout, stops
  them, and fails with :class:`WorkerFailedError` when one dies.
- :func:`pipeline_speedup` times ``Model.fit`` fed NumPy arrays against the
  same fit fed a ``tf.data`` pipeline (cache, shuffle, batch, prefetch).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from dlcourse._checks import (
    _describe,
    check_array,
    check_float,
    check_int,
    check_labels,
    check_same_length,
)
from dlcourse._processes import MAX_PROCESSES, child_env, function_path, resolve, tail
from dlcourse.multiworker import MultiWorkerRun, WorkerFailedError, launch_workers, train_worker

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

__all__ = [
    "MultiWorkerRun", "WorkerFailedError", "launch_workers", "logical_cpu_names",
    "mirrored_comparison", "pipeline_speedup", "run_with_cpu_devices", "train_worker",
]


def run_with_cpu_devices(
    function: Callable[..., Any] | str,
    n_devices: int = 2,
    *,
    kwargs: dict[str, Any] | None = None,
    timeout: float = 300.0,
) -> Any:
    """Call ``function(**kwargs)`` in a fresh process with ``n_devices`` logical CPUs.

    The child process splits its CPU into ``n_devices`` logical devices
    (``tf.config.set_logical_device_configuration``) before TensorFlow
    initialises, calls the function and sends its result back as JSON.

    Parameters
    ----------
    function : callable or str
        A function defined at the top level of an importable module, or its
        ``"module:function"`` path. It must return a JSON-serialisable value.
    n_devices : int, default 2
        Logical CPU devices to create, 1 to 8.
    kwargs : dict, optional
        Keyword arguments, JSON-serialisable.
    timeout : float, default 300
        Seconds to wait before stopping the process and raising ``TimeoutError``.

    Returns
    -------
    The function's return value, as decoded from JSON.

    Examples
    --------
    >>> from dlcourse.distributed import run_with_cpu_devices
    >>> run_with_cpu_devices("dlcourse.distributed:logical_cpu_names", 2)  # doctest: +SKIP
    ['/device:CPU:0', '/device:CPU:1']
    """
    path = function_path(function)
    n_devices = check_int("n_devices", n_devices, minimum=1)
    if n_devices > MAX_PROCESSES:
        raise ValueError(f"n_devices must be at most {MAX_PROCESSES}, got {n_devices}")
    if kwargs is None:
        kwargs = {}
    if not isinstance(kwargs, dict) or not all(isinstance(k, str) for k in kwargs):
        raise TypeError(f"kwargs must be a dict of keyword arguments, got {_describe(kwargs)}")
    timeout = check_float("timeout", timeout, low=0, low_open=True)
    try:
        spec = json.dumps({"function": path, "n_devices": n_devices, "kwargs": kwargs})
    except TypeError as error:
        raise TypeError(f"kwargs must be JSON-serialisable: {error}") from None
    with tempfile.TemporaryDirectory(prefix="dlcourse-devices-") as folder:
        spec_file, result_file, log = (Path(folder) / n for n in ("spec.json", "result.json", "log"))
        spec_file.write_text(spec)
        with open(log, "wb") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "dlcourse.distributed", str(spec_file),
                 str(result_file)], stdout=out, stderr=subprocess.STDOUT, env=child_env())
            try:
                code = process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
                raise TimeoutError(
                    f"{path} did not finish within timeout={timeout:g} s; the process was "
                    f"stopped. Its last output:\n{tail(log)}"
                ) from None
        if code != 0:
            raise RuntimeError(
                f"{path} failed in its process (exit code {code}). Its last output:\n{tail(log)}"
            )
        return json.loads(result_file.read_text())["result"]


def logical_cpu_names() -> list[str]:
    """The names of this process's logical CPU devices.

    Examples
    --------
    >>> from dlcourse.distributed import logical_cpu_names
    >>> logical_cpu_names()[0]
    '/device:CPU:0'
    """
    from dlcourse._keras import keras  # noqa: F401  (TensorFlow, quietly)
    import tensorflow as tf

    return [device.name.replace("/job:localhost/replica:0/task:0", "")
            for device in tf.config.list_logical_devices("CPU")]


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
    >>> from dlcourse.distributed import mirrored_comparison, run_with_cpu_devices
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
    import tensorflow as tf

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
        model.fit(_pipeline(data.X_train, data.y_train, batch_size, seed), epochs=epochs,
                  shuffle=False, verbose=0)
        result[f"{name}_seconds"] = time.perf_counter() - start
        result[f"{name}_accuracy"] = accuracy(model, data.X_test, data.y_test)
    return result


def _pipeline(x: np.ndarray, y: np.ndarray, batch_size: int, seed: int):
    """The in-memory ``tf.data`` pipeline: cache, shuffle (seeded), batch, prefetch."""
    import tensorflow as tf

    return (tf.data.Dataset.from_tensor_slices((x.astype(np.float32), y.astype(np.int32)))
            .cache()
            .shuffle(len(x), seed=seed, reshuffle_each_iteration=True)
            .batch(batch_size)
            .prefetch(tf.data.AUTOTUNE))


def pipeline_speedup(
    x: Any, y: Any, *, epochs: int = 6, batch_size: int = 32, repeats: int = 2, seed: int = 0
) -> dict[str, float]:
    """Time an epoch of ``Model.fit`` fed NumPy arrays against one fed a ``tf.data`` pipeline.

    Both train the same small softmax classifier on ``x``/``y`` with the
    same batch size. Fed arrays, Keras wraps them in a new input pipeline at
    every epoch; the pipeline (``cache``, ``shuffle``, ``batch``,
    ``prefetch``) is built once, keeps the tensors in memory and prepares
    the next batch while the model trains on this one. Each way trains
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
    >>> from dlcourse.distributed import pipeline_speedup
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
    from dlcourse._keras import keras
    from dlcourse.models import build_mlp
    from dlcourse.training import set_seed

    x, y = x.astype(np.float32), y.astype(np.int32)
    n_classes = max(2, int(y.max()) + 1)

    class EpochTimer(keras.callbacks.Callback):
        def __init__(self):
            super().__init__()
            self.seconds: list[float] = []

        def on_epoch_begin(self, epoch, logs=None):
            self.start = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            self.seconds.append(time.perf_counter() - self.start)

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
        times["pipeline"] += timed(_pipeline(x, y, batch_size, seed), shuffle=False)
    numpy_s, pipeline_s = statistics.median(times["numpy"]), statistics.median(times["pipeline"])
    return {"numpy_epoch_seconds": numpy_s, "pipeline_epoch_seconds": pipeline_s,
            "speedup": numpy_s / pipeline_s}


def _main(argv: list[str]) -> None:
    """Entry of the child process of :func:`run_with_cpu_devices`: ``SPEC RESULT``."""
    spec = json.loads(Path(argv[0]).read_text())
    from dlcourse._keras import keras  # noqa: F401  (TensorFlow, quietly)
    import tensorflow as tf

    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration() for _ in range(spec["n_devices"])])
    result = resolve(spec["function"])(**spec["kwargs"])
    Path(argv[1]).write_text(json.dumps({"result": result}))


if __name__ == "__main__":
    _main(sys.argv[1:])
