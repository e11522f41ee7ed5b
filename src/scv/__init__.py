"""Single customer view: the project's Python package.

Generator, identity algorithms, evaluation, CLI.
"""

__version__ = "0.1.0"
