"""Old import path of :mod:`dlcourse.tools.book`, which holds it now (kept so old code runs)."""

from dlcourse.tools.book import *  # noqa: F403
from dlcourse.tools.book import __all__  # noqa: F401

if __name__ == "__main__":
    import sys

    from dlcourse.tools.book import main

    sys.exit(main())
