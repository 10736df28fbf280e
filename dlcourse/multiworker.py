"""Old import path of :mod:`dlcourse.training.distributed.multiworker`, which holds it now (kept so old code runs)."""

from dlcourse.training.distributed.multiworker import *  # noqa: F403
from dlcourse.training.distributed.multiworker import __all__  # noqa: F401

if __name__ == "__main__":  # a worker of launch_workers, as before
    import json
    import sys

    from dlcourse.training.distributed.multiworker import train_worker

    train_worker(sys.argv[1], **json.loads(sys.argv[2] if len(sys.argv) > 2 else "{}"))
