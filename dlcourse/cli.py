"""Old import path of :mod:`dlcourse.tools.cli`, which holds it now (kept so old code runs)."""

from dlcourse.tools.cli import *  # noqa: F403
from dlcourse.tools.cli import __all__  # noqa: F401

if __name__ == "__main__":
    import sys

    from dlcourse.tools.cli import main

    sys.exit(main())
