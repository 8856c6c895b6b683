"""``python -m workbook.content``: validate every content file (``--schema DIR``: write JSON Schemas)."""

import sys

from workbook.content.loader import main

raise SystemExit(main(sys.argv[1:]))
