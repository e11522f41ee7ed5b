"""`scv`: the project's command line. Each sub-command is a module with `main(argv)`."""

from __future__ import annotations

import importlib
import sys

COMMANDS = {
    "generate": ("scv.generate.cli", "write raw contract CSVs and their ground truth"),
    "evaluate": ("scv.evaluate.cli", "score the marts of a build against ground truth"),
    "load-raw": ("scv.load_raw", "load raw CSVs into a server engine's `raw` schema"),
    "export-parameters": (
        "scv.matching.export",
        "save DuckDB's estimated match parameters as a seed",
    ),
}


def usage() -> str:
    lines = ["usage: scv COMMAND [ARGS...]", "", "commands:"]
    lines += [f"  {name:<10} {help_text}" for name, (_, help_text) in COMMANDS.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help"}:
        print(usage())
        return 0
    name, rest = argv[0], argv[1:]
    if name not in COMMANDS:
        print(f"scv: unknown command {name!r}\n\n{usage()}", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[name][0])
    return int(module.main(rest) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
