"""``python -m app.practice``: practice mode on its own (see app/practice/harness.py)."""

import sys

from app.practice.harness import main

sys.exit(main())
