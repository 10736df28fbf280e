"""Old import path of :mod:`dlcourse.training.distributed`, which holds it now (kept so old code runs)."""

from dlcourse.training.distributed import *  # noqa: F403
from dlcourse.training.distributed import __all__  # noqa: F401

if __name__ == "__main__":  # the child process of run_with_cpu_devices, as before
    import sys

    from dlcourse.training.distributed.devices import _main

    _main(sys.argv[1:])
