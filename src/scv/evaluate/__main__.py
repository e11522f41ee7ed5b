"""`python -m scv.evaluate`: see :mod:`scv.evaluate.cli`."""

from scv.evaluate.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
