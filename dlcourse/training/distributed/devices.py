"""Running a function in a fresh process whose CPU is split into logical devices."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dlcourse._checks import (
    _describe,
    check_float,
    check_int,
)
from dlcourse.training.distributed._processes import (
    MAX_PROCESSES,
    child_env,
    function_path,
    resolve,
    tail,
)

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

__all__ = ["logical_cpu_names", "run_with_cpu_devices"]


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
    >>> from dlcourse.training.distributed import run_with_cpu_devices
    >>> run_with_cpu_devices("dlcourse.training.distributed:logical_cpu_names", 2)  # doctest: +SKIP
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
                [sys.executable, "-m", "dlcourse.training.distributed", str(spec_file),
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
    >>> from dlcourse.training.distributed import logical_cpu_names
    >>> logical_cpu_names()[0]
    '/device:CPU:0'
    """
    from dlcourse._keras import tf

    return [device.name.replace("/job:localhost/replica:0/task:0", "")
            for device in tf.config.list_logical_devices("CPU")]


def _main(argv: list[str]) -> None:
    """Entry of the child process of :func:`run_with_cpu_devices`: ``SPEC RESULT``."""
    spec = json.loads(Path(argv[0]).read_text())
    from dlcourse._keras import tf

    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration() for _ in range(spec["n_devices"])])
    result = resolve(spec["function"])(**spec["kwargs"])
    Path(argv[1]).write_text(json.dumps({"result": result}))

