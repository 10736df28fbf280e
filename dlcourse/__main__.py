"""``python -m dlcourse``: the ``dlcourse`` command."""

import sys

from dlcourse.tools.cli import main

sys.exit(main())
