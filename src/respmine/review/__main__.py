"""`python -m respmine.review serve|add-user ...`."""

import sys

from respmine.review.commands import main

sys.exit(main())
