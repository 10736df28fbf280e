"""Old import path of :mod:`dlcourse.tools.environment`, which holds it now (kept so old code runs)."""

from dlcourse.tools.environment import *  # noqa: F403
from dlcourse.tools.environment import __all__  # noqa: F401

if __name__ == "__main__":
    import sys

    from dlcourse.tools.environment import main

    sys.exit(main())
