"""Entry point of `python -m scv.generate`."""

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main(prog="python -m scv.generate"))
