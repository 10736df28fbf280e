"""``python -m dlcourse.training.distributed SPEC RESULT``: the child of run_with_cpu_devices."""

import sys

from dlcourse.training.distributed.devices import _main

_main(sys.argv[1:])
