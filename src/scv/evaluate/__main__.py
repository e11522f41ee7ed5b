"""`python -m scv.evaluate`: see :mod:`scv.evaluate.cli`."""

from scv.evaluate.cli import main

raise SystemExit(main())
