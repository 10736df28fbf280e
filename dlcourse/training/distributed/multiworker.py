"""Multi-worker training with ``MultiWorkerMirroredStrategy``, on one machine or many.

Keras 3's ``Model.fit`` does not support ``MultiWorkerMirroredStrategy``
(keras-team/keras#20585), so :func:`train_worker` is a custom training loop
(``strategy.run``, ``tf.nn.compute_average_loss``, a distributed dataset)
with its own checkpoint-and-resume (``tf.train.CheckpointManager``: every
worker saves, only the chief's copy is kept, a restarted cluster resumes
from it). :func:`launch_workers` starts workers as local processes on free
127.0.0.1 ports with ``TF_CONFIG``, waits for them with a timeout and stops
them; a worker that dies makes the run fail with
:class:`WorkerFailedError`. (The survivors would not wait forever either:
TensorFlow's coordination service fails them within seconds, with an
``UnavailableError`` naming the lost task; the launcher just stops them
first.)
Everything is re-exported by :mod:`dlcourse.training.distributed`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from dlcourse._checks import check_float, check_int, check_path
from dlcourse.training.distributed._processes import (
    MAX_PROCESSES,
    child_env,
    free_ports,
    stop,
    tail,
)

__all__ = ["launch_workers", "MultiWorkerRun", "train_worker", "WorkerFailedError"]

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


class WorkerFailedError(RuntimeError):
    """A worker process of a multi-worker run exited with an error."""


@dataclass(frozen=True)
class MultiWorkerRun:
    """What a multi-worker run returns: one entry per worker, in task order.

    ``losses[i]`` is worker ``i``'s mean training loss per epoch, and
    ``weights[i]`` its model's final weights (a list of arrays).
    ``first_epoch`` is the number of epochs restored from a checkpoint
    before this run trained (0 for a fresh start); ``losses`` covers the
    epochs after it.
    """

    losses: list[list[float]]
    weights: list[list[np.ndarray]]
    seconds: float
    cluster: dict[str, list[str]]
    first_epoch: int = 0


#: Set on a worker's process to make it exit abruptly after that many epochs.
_CRASH_VARIABLE = "DLCOURSE_CRASH_AFTER_EPOCHS"


def train_worker(
    output_dir: str | os.PathLike,
    *,
    epochs: int = 8,
    batch_size: int = 64,
    learning_rate: float = 0.1,
    seed: int = 0,
    checkpoint_dir: str | os.PathLike | None = None,
) -> list[float]:
    """Train as one worker of a ``MultiWorkerMirroredStrategy`` cluster.

    Reads the cluster and this worker's place in it from the ``TF_CONFIG``
    environment variable (see :func:`launch_workers`, which sets it and
    starts one process per worker). Every worker builds the same penguin
    classifier (4-16-3) inside the strategy's scope and runs the same custom
    training loop: each step, ``strategy.run`` computes the gradient of
    ``tf.nn.compute_average_loss`` (the per-example losses summed and
    divided by the *global* batch) on this worker's share of the batch, and
    the optimizer sums the gradients of all replicas before applying them,
    so every worker makes the same update.

    Parameters
    ----------
    output_dir : path
        Folder where the worker writes ``worker<i>.json`` (its losses) and
        ``worker<i>.npz`` (its final weights).
    epochs : int, default 8
        Passes over the training set.
    batch_size : int, default 64
        The global batch, split across all workers.
    learning_rate : float, default 0.1
        Step size of plain SGD.
    seed : int, default 0
        The same on every worker: same initial weights, same shuffling.
    checkpoint_dir : path, optional
        Checkpoint the model, the optimizer and the epoch count after every
        epoch, and resume from the latest checkpoint found there. Every
        worker must take part in a save (the variables are mirrored), but
        only the chief's copy (worker 0, in ``checkpoint_dir/chief``) is
        kept; the others write to a folder of their own and delete it.
        On real machines ``checkpoint_dir`` must be storage every worker
        can read (a shared file system or a bucket). A restarted cluster
        restores the chief's latest copy and trains the remaining epochs;
        the data are reshuffled from ``seed``, so the batches after a resume
        differ from those of an uninterrupted run.

    A worker whose environment sets ``DLCOURSE_CRASH_AFTER_EPOCHS`` exits
    abruptly after that many epochs (0: at once), as a failing machine
    would: :func:`launch_workers` sets it on the last worker when asked.

    Returns
    -------
    list of float
        The mean training loss of each epoch.

    Examples
    --------
    >>> from dlcourse.training.distributed import train_worker
    >>> train_worker("out")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    RuntimeError: TF_CONFIG is not set: ...launch_workers...
    """
    output_dir = check_path("output_dir", output_dir)
    epochs = check_int("epochs", epochs, minimum=1)
    batch_size = check_int("batch_size", batch_size, minimum=1)
    learning_rate = check_float("learning_rate", learning_rate, low=0, low_open=True)
    seed = check_int("seed", seed, minimum=0)
    index, n_workers = _place_in_cluster(batch_size)
    _maybe_crash(index, 0)

    from dlcourse._keras import tf
    from dlcourse.data import load_penguins
    from dlcourse.training import set_seed

    strategy = tf.distribute.MultiWorkerMirroredStrategy()
    set_seed(seed)
    data = load_penguins(seed=seed)
    model, distributed_step, optimizer = _worker_step(strategy, data, learning_rate,
                                                      batch_size)
    batches = _worker_batches(strategy, data, batch_size, seed)
    saver = None
    if checkpoint_dir is not None:
        saver = _Checkpointer(tf, model, optimizer, check_path("checkpoint_dir", checkpoint_dir),
                              index)
    first_epoch = saver.restore() if saver else 0
    losses = []
    for epoch in range(first_epoch, epochs):
        total, steps = 0.0, 0
        for x, y in batches:
            total += float(distributed_step(x, y))
            steps += 1
        losses.append(total / steps)
        if saver:
            saver.save(epoch + 1)
        _maybe_crash(index, epoch + 1)
    output_dir.mkdir(parents=True, exist_ok=True)
    np.savez(output_dir / f"worker{index}.npz", *model.get_weights())
    (output_dir / f"worker{index}.json").write_text(
        json.dumps({"losses": losses, "first_epoch": first_epoch}))
    return losses


class _Checkpointer:
    """Every worker saves; only the chief's (worker 0's) copy is kept."""

    def __init__(self, tf: Any, model: Any, optimizer: Any, folder: Path, index: int) -> None:
        self.epoch = tf.Variable(0, dtype=tf.int64, trainable=False)
        self.checkpoint = tf.train.Checkpoint(model=model, optimizer=optimizer,
                                              epoch=self.epoch)
        self.chief_dir = folder / "chief"
        self.own_dir = self.chief_dir if index == 0 else folder / f"worker{index}-scratch"
        self.manager = tf.train.CheckpointManager(self.checkpoint, str(self.own_dir),
                                                  max_to_keep=1)
        self._latest = tf.train.latest_checkpoint

    def restore(self) -> int:
        """Load the chief's latest checkpoint, if any; the epochs it had done."""
        latest = self._latest(str(self.chief_dir))
        if latest is None:
            return 0
        self.checkpoint.restore(latest).expect_partial()
        return int(self.epoch.numpy())

    def save(self, epochs_done: int) -> None:
        self.epoch.assign(epochs_done)
        self.manager.save()
        if self.own_dir != self.chief_dir:  # a non-chief's copy is not kept
            self._discard_own_copy()

    def _discard_own_copy(self) -> None:
        """Delete the files this worker's manager wrote, and their folder if then empty.

        Only those: anything else in the folder is not ours to delete.
        """
        for prefix in map(Path, self.manager.checkpoints):
            for written in prefix.parent.glob(prefix.name + ".*"):
                written.unlink(missing_ok=True)
        (self.own_dir / "checkpoint").unlink(missing_ok=True)  # the manager's index
        try:
            self.own_dir.rmdir()
        except OSError:
            pass


def _place_in_cluster(batch_size: int) -> tuple[int, int]:
    """Read the worker's index and the number of workers from ``TF_CONFIG``."""
    if not os.environ.get("TF_CONFIG"):
        raise RuntimeError(
            "TF_CONFIG is not set: a worker learns its cluster from it. Start the workers "
            "with dlcourse.training.distributed.launch_workers, or set TF_CONFIG as it shows"
        )
    config = json.loads(os.environ["TF_CONFIG"])
    index, n_workers = config["task"]["index"], len(config["cluster"]["worker"])
    if batch_size % n_workers:
        raise ValueError(
            f"batch_size ({batch_size}) must be divisible by the number of workers ({n_workers})"
        )
    return index, n_workers


def _maybe_crash(index: int, epochs_done: int) -> None:
    """Exit abruptly, as a failing machine would, when this worker was told to."""
    after = os.environ.get(_CRASH_VARIABLE)
    if after is not None and epochs_done >= int(after):
        when = "before training" if epochs_done == 0 else f"after epoch {epochs_done}"
        print(f"worker {index}: crashing on purpose {when}", file=sys.stderr, flush=True)
        os._exit(3)


def _worker_step(strategy: Any, data: Any, learning_rate: float, batch_size: int) -> tuple:
    """The model (built in the strategy's scope) and one synchronised training step."""
    from dlcourse._keras import keras, tf

    with strategy.scope():  # one copy of each variable per worker, kept in sync
        model = keras.Sequential([keras.Input(shape=(data.n_features,)),
                                  keras.layers.Dense(16, activation="relu"),
                                  keras.layers.Dense(data.n_classes, activation="softmax")])
        optimizer = keras.optimizers.SGD(learning_rate)

    def step(x, y):  # runs on each replica, on its share of the batch
        with tf.GradientTape() as tape:
            per_example = keras.losses.sparse_categorical_crossentropy(y, model(x, training=True))
            loss = tf.nn.compute_average_loss(per_example, global_batch_size=batch_size)
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        return loss

    @tf.function
    def distributed_step(x, y):
        per_replica = strategy.run(step, args=(x, y))
        return strategy.reduce(tf.distribute.ReduceOp.SUM, per_replica, axis=None)

    return model, distributed_step, optimizer


def _worker_batches(strategy: Any, data: Any, batch_size: int, seed: int) -> Any:
    """The training data, batched globally and sharded by data across the workers."""
    from dlcourse._keras import tf
    from dlcourse.training.pipeline import in_memory_dataset

    dataset = in_memory_dataset(data.x_train, data.y_train, batch_size, shuffle=True, seed=seed,
                                drop_remainder=True, y_dtype="int32")
    options = tf.data.Options()
    options.experimental_distribute.auto_shard_policy = tf.data.experimental.AutoShardPolicy.DATA
    return strategy.experimental_distribute_dataset(dataset.with_options(options))


def launch_workers(
    n_workers: int = 2,
    *,
    epochs: int = 8,
    batch_size: int = 64,
    learning_rate: float = 0.1,
    seed: int = 0,
    timeout: float = 120.0,
    crash_after_epochs: int | None = None,
    checkpoint_dir: str | os.PathLike | None = None,
) -> MultiWorkerRun:
    """Run :func:`train_worker` as ``n_workers`` processes on this machine; collect them.

    Each worker is a separate Python process, as it would be on separate
    machines, and learns its place from ``TF_CONFIG``:
    ``{"cluster": {"worker": ["127.0.0.1:<port>", ...]}, "task": {"type":
    "worker", "index": i}}``, with ports that are free on 127.0.0.1 (nothing
    listens beyond this machine). The call waits for all of them; if one
    exits with an error, the others are stopped (left alone, TensorFlow's
    coordination service would fail them within seconds, once the lost
    worker misses its heartbeats or a collective step cannot reach it) and
    :class:`WorkerFailedError` is raised with its last output;
    if they run past ``timeout`` seconds, all are stopped and
    ``TimeoutError`` is raised.

    Parameters
    ----------
    n_workers : int, default 2
        Worker processes, 1 to 8.
    epochs, batch_size, learning_rate, seed
        Passed to :func:`train_worker`.
    crash_after_epochs : int, optional
        Make the last worker exit abruptly after this many epochs (0: at
        once, before it loads TensorFlow), as a machine that fails would
        (to see how a run copes).
    timeout : float, default 120
        Seconds to wait for all workers.
    checkpoint_dir : path, optional
        Passed to :func:`train_worker`: checkpoint every epoch there, and
        resume from the chief's latest checkpoint. Call again with the
        same folder after a :class:`WorkerFailedError` to resume. The
        launcher never deletes it.

    Returns
    -------
    MultiWorkerRun
        Each worker's losses per epoch and final weights, the seconds the
        run took and the cluster it used.

    Examples
    --------
    >>> from dlcourse.training.distributed import launch_workers
    >>> run = launch_workers(2, epochs=2)  # doctest: +SKIP
    >>> len(run.losses), len(run.cluster["worker"])  # doctest: +SKIP
    (2, 2)
    """
    n_workers = check_int("n_workers", n_workers, minimum=1)
    if n_workers > MAX_PROCESSES:
        raise ValueError(f"n_workers must be at most {MAX_PROCESSES}, got {n_workers}")
    settings = {"epochs": check_int("epochs", epochs, minimum=1),
                "batch_size": check_int("batch_size", batch_size, minimum=1),
                "learning_rate": check_float("learning_rate", learning_rate, low=0, low_open=True),
                "seed": check_int("seed", seed, minimum=0)}
    if checkpoint_dir is not None:
        settings["checkpoint_dir"] = str(check_path("checkpoint_dir", checkpoint_dir).resolve())
    if crash_after_epochs is not None:
        crash_after_epochs = check_int("crash_after_epochs", crash_after_epochs, minimum=0)
    timeout = check_float("timeout", timeout, low=0, low_open=True)
    if batch_size % n_workers:
        raise ValueError(
            f"batch_size ({batch_size}) must be divisible by n_workers ({n_workers}), so that "
            "every worker gets the same share of each batch"
        )
    cluster = {"worker": [f"127.0.0.1:{port}" for port in free_ports(n_workers)]}
    with tempfile.TemporaryDirectory(prefix="dlcourse-workers-") as folder:
        folder = Path(folder)
        processes, logs = [], []
        start = time.perf_counter()
        try:
            for index in range(n_workers):
                crash = crash_after_epochs if index == n_workers - 1 else None
                logs.append(folder / f"worker{index}.log")
                processes.append(_start_worker(folder, cluster, index, settings, crash, logs[-1]))
            _wait_for_workers(processes, logs, start, timeout)
        finally:
            stop(processes)
        seconds = time.perf_counter() - start
        losses, weights, first_epoch = _collect_workers(folder, n_workers)
    return MultiWorkerRun(losses=losses, weights=weights, seconds=seconds, cluster=cluster,
                          first_epoch=first_epoch)


def _start_worker(folder: Path, cluster: dict, index: int, settings: dict,
                  crash_after_epochs: int | None, log: Path) -> subprocess.Popen:
    """Start worker ``index`` as a process, its place in the cluster in ``TF_CONFIG``."""
    env = child_env()
    env["TF_CONFIG"] = json.dumps({"cluster": cluster, "task": {"type": "worker", "index": index}})
    if crash_after_epochs is not None:
        env[_CRASH_VARIABLE] = str(crash_after_epochs)
    with open(log, "wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "dlcourse.training.distributed.multiworker", str(folder),
             json.dumps(settings)], stdout=out, stderr=subprocess.STDOUT, env=env)


def _wait_for_workers(processes: list[subprocess.Popen], logs: list[Path], start: float,
                      timeout: float) -> None:
    """Wait until every worker exits 0; raise when one fails or time runs out."""
    n_workers = len(processes)
    while True:
        codes = [process.poll() for process in processes]
        failed = [i for i, code in enumerate(codes) if code not in (None, 0)]
        if failed:
            i = failed[0]
            raise WorkerFailedError(
                f"worker {i} of {n_workers} exited with code {codes[i]} after "
                f"{time.perf_counter() - start:.1f} s, so the run cannot go on; the "
                f"other workers were stopped. Worker {i}'s last output:\n{tail(logs[i])}"
            )
        if all(code == 0 for code in codes):
            return
        if time.perf_counter() - start > timeout:
            raise TimeoutError(
                f"the {n_workers} workers did not finish within timeout={timeout:g} s; "
                f"they were stopped. Worker 0's last output:\n{tail(logs[0])}"
            )
        time.sleep(0.1)


def _collect_workers(folder: Path, n_workers: int) -> tuple[list, list, int]:
    """Each worker's losses per epoch and final weights, and the epoch they resumed at."""
    losses, weights, first_epoch = [], [], 0
    for index in range(n_workers):
        report = json.loads((folder / f"worker{index}.json").read_text())
        losses.append(report["losses"])
        first_epoch = max(first_epoch, report.get("first_epoch", 0))
        with np.load(folder / f"worker{index}.npz") as arrays:
            weights.append([arrays[f"arr_{k}"] for k in range(len(arrays.files))])
    return losses, weights, first_epoch


if __name__ == "__main__":
    # python -m dlcourse.training.distributed.multiworker OUTPUT_DIR ['{"epochs": 8}']
    # with TF_CONFIG set
    train_worker(sys.argv[1], **json.loads(sys.argv[2] if len(sys.argv) > 2 else "{}"))
