"""`python -m respmine run|late|evaluate|...`: the same as the `respmine` command (for a checkout whose
console script is not on PATH)."""

import sys

from respmine.cli import main

sys.exit(main())
