"""Accuracy evaluation of the published marts against the generator's truth files.

`metrics` holds the pure metric functions (DataFrames in, numbers out); `truth` and
`warehouse` do the reading; `report` puts them together; `cli` is the command.
"""

from scv.evaluate.cli import main
from scv.evaluate.report import evaluate

__all__ = ["evaluate", "main"]
