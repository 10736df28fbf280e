"""Training on several devices and machines with ``tf.distribute`` (the scaling appendix).

One module per concern, everything importable from here:

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

from dlcourse.training.distributed.comparison import (
    mirrored_comparison,
    pipeline_speedup,
)
from dlcourse.training.distributed.devices import (
    logical_cpu_names,
    run_with_cpu_devices,
)
from dlcourse.training.distributed.multiworker import (
    MultiWorkerRun,
    WorkerFailedError,
    launch_workers,
    train_worker,
)

__all__ = [
    "launch_workers",
    "logical_cpu_names",
    "mirrored_comparison",
    "MultiWorkerRun",
    "pipeline_speedup",
    "run_with_cpu_devices",
    "train_worker",
    "WorkerFailedError",
]
