"""tf.distribute helpers: logical devices, MirroredStrategy, multi-worker runs on localhost.

The workers listen on 127.0.0.1 only, which the tests' network guard allows.
"""

import time

import numpy as np
import pytest

from dlcourse.training.distributed import (
    WorkerFailedError,
    launch_workers,
    logical_cpu_names,
    mirrored_comparison,
    pipeline_speedup,
    run_with_cpu_devices,
    train_worker,
)

# Starts TensorFlow worker processes: run once, in `make test`.
pytestmark = pytest.mark.slow


def test_two_workers_end_with_identical_weights_and_a_falling_loss():
    run = launch_workers(2, epochs=4, timeout=300)
    assert len(run.losses) == len(run.weights) == 2
    assert all(address.startswith("127.0.0.1:") for address in run.cluster["worker"])
    first, second = run.weights
    assert len(first) == len(second) == 4  # two Dense layers: kernel and bias each
    for a, b in zip(first, second):
        np.testing.assert_array_equal(a, b)  # exactly the same, bit for bit
    assert run.losses[0] == run.losses[1]
    losses = run.losses[0]
    assert losses[-1] < 0.8 * losses[0], losses
    assert all(np.isfinite(losses))


def test_a_worker_that_dies_fails_the_run_clearly_and_quickly():
    timeout = 300
    start = time.perf_counter()
    with pytest.raises(WorkerFailedError) as info:
        launch_workers(2, epochs=6, crash_after_epochs=1, timeout=timeout)
    assert time.perf_counter() - start < timeout
    message = str(info.value)
    assert "worker 1 of 2 exited with code 3" in message
    assert "the other workers were stopped" in message
    assert "crashing on purpose after epoch 1" in message


def test_a_worker_that_fails_at_start_stops_the_run_at_once():
    start = time.perf_counter()
    with pytest.raises(WorkerFailedError, match="crashing on purpose before training"):
        launch_workers(2, crash_after_epochs=0, timeout=300)
    assert time.perf_counter() - start < 60


def test_workers_that_overrun_the_timeout_are_stopped():
    start = time.perf_counter()
    with pytest.raises(TimeoutError, match="did not finish within timeout=0.5 s"):
        launch_workers(2, epochs=1, timeout=0.5)
    assert time.perf_counter() - start < 30


@pytest.mark.parametrize("kwargs, error, match", [
    ({"n_workers": 0}, ValueError, "n_workers"),
    ({"n_workers": 9}, ValueError, "n_workers must be at most 8"),
    ({"n_workers": 2.0}, TypeError, "n_workers"),
    ({"batch_size": 63}, ValueError, "divisible by n_workers"),
    ({"epochs": 0}, ValueError, "epochs"),
    ({"learning_rate": -0.1}, ValueError, "learning_rate"),
    ({"learning_rate": float("nan")}, ValueError, "learning_rate"),
    ({"timeout": 0}, ValueError, "timeout"),
    ({"crash_after_epochs": "1"}, TypeError, "crash_after_epochs"),
])
def test_launch_workers_refuses_bad_arguments(kwargs, error, match):
    with pytest.raises(error, match=match):
        launch_workers(**kwargs)


def test_a_worker_without_tf_config_says_how_to_start_it(tmp_path, monkeypatch):
    monkeypatch.delenv("TF_CONFIG", raising=False)
    with pytest.raises(RuntimeError, match="TF_CONFIG is not set.*launch_workers"):
        train_worker(tmp_path)
    with pytest.raises(TypeError, match="output_dir"):
        train_worker(None)


def test_logical_devices_in_a_fresh_process():
    names = run_with_cpu_devices(logical_cpu_names, 3)
    assert names == ["/device:CPU:0", "/device:CPU:1", "/device:CPU:2"]


def test_mirrored_training_matches_one_device():
    result = run_with_cpu_devices(mirrored_comparison, 2, kwargs={"epochs": 3})
    assert result["n_replicas"] == 2 and result["per_replica_batch"] == 32
    assert abs(result["single_accuracy"] - result["mirrored_accuracy"]) <= 0.01, result


def test_an_error_in_the_child_process_is_reported():
    with pytest.raises(RuntimeError, match="needs 3 devices, but this process has 2"):
        run_with_cpu_devices(mirrored_comparison, 2, kwargs={"n_replicas": 3, "batch_size": 66})


def test_run_with_cpu_devices_refuses_what_a_fresh_process_cannot_run():
    with pytest.raises(ValueError, match="function must be importable"):
        run_with_cpu_devices(lambda: 1)
    with pytest.raises(ValueError, match="'module:function'"):
        run_with_cpu_devices("no_colon_here")
    with pytest.raises(TypeError, match="function"):
        run_with_cpu_devices(42)
    with pytest.raises(ValueError, match="n_devices"):
        run_with_cpu_devices(logical_cpu_names, 0)
    with pytest.raises(TypeError, match="kwargs must be JSON"):
        run_with_cpu_devices(logical_cpu_names, kwargs={"x": object()})
    with pytest.raises(TypeError, match="kwargs"):
        run_with_cpu_devices(logical_cpu_names, kwargs=[1])


def test_mirrored_comparison_refuses_too_few_devices_and_bad_batches():
    with pytest.raises(RuntimeError, match="run_with_cpu_devices"):
        mirrored_comparison(n_replicas=2)  # this process has one CPU device
    with pytest.raises(ValueError, match="divisible by n_replicas"):
        mirrored_comparison(batch_size=63)
    with pytest.raises(ValueError, match="n_replicas"):
        mirrored_comparison(n_replicas=1)


def test_pipeline_speedup_reports_both_timings():
    x = np.random.default_rng(0).normal(size=(64, 3))
    result = pipeline_speedup(x, (x[:, 0] > 0).astype(int), epochs=2, repeats=1)
    assert result["speedup"] == pytest.approx(
        result["numpy_epoch_seconds"] / result["pipeline_epoch_seconds"])
    with pytest.raises(ValueError, match="epochs"):
        pipeline_speedup(x, (x[:, 0] > 0).astype(int), epochs=1)


def test_pipeline_speedup_refuses_bad_data():
    x = np.zeros((10, 2))
    with pytest.raises(ValueError, match="y must hold integer class labels"):
        pipeline_speedup(x, np.full(10, 0.5))
    with pytest.raises(ValueError, match="same number of rows"):
        pipeline_speedup(x, np.zeros(9, dtype=int))
    with pytest.raises(ValueError, match="x must be a 2-D"):
        pipeline_speedup(np.zeros(10), np.zeros(10, dtype=int))


def test_a_cluster_restarted_after_a_crash_resumes_from_the_chiefs_checkpoint(tmp_path):
    folder = tmp_path / "checkpoints"
    with pytest.raises(WorkerFailedError, match="after epoch 2"):
        launch_workers(2, epochs=5, crash_after_epochs=2, checkpoint_dir=folder, timeout=300)
    assert (folder / "chief" / "checkpoint").exists()  # the chief's copy is kept
    assert not (folder / "worker1-scratch").exists()  # the others' are not
    resumed = launch_workers(2, epochs=5, checkpoint_dir=folder, timeout=300)
    # The chief may have been stopped while saving epoch 2: epoch 1 or 2.
    assert resumed.first_epoch in (1, 2), resumed.first_epoch
    assert len(resumed.losses[0]) == 5 - resumed.first_epoch
    assert resumed.losses[0] == resumed.losses[1]
    assert all(np.array_equal(a, b) for a, b in zip(*resumed.weights))
    fresh = launch_workers(2, epochs=1, timeout=300)
    # Resumed training starts from trained weights, not from scratch.
    assert resumed.losses[0][0] < fresh.losses[0][0], (resumed.losses, fresh.losses)
    done = launch_workers(2, epochs=5, checkpoint_dir=folder, timeout=300)
    assert done.first_epoch == 5 and done.losses == [[], []]
