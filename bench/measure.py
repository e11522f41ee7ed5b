"""Run a command and measure it: wall time and peak resident memory of the process tree.

The peak comes from the kernel's rusage of the waited-for child (``os.wait4``), which is the
largest resident set of the child or of any descendant it waited for. dbt runs DuckDB and its
Python models in its own process, so this is the peak of the whole identity resolution.
Standard library only; Linux and macOS (``ru_maxrss`` is in KiB on Linux, bytes on macOS).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass
class Measured:
    command: list[str]
    returncode: int
    wall_seconds: float
    peak_rss_mb: float
    log_path: str | None

    def as_dict(self) -> dict:
        return asdict(self)


def maxrss_to_mb(maxrss: int, platform: str = sys.platform) -> float:
    """``ru_maxrss`` in MB (10^6 bytes): KiB on Linux, bytes on macOS."""
    bytes_ = maxrss if platform == "darwin" else maxrss * 1024
    return round(bytes_ / 1e6, 1)


def self_peak_rss_mb() -> float:
    """Peak resident memory of the calling process so far, in MB."""
    return maxrss_to_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def run_measured(
    command: list[str],
    *,
    cwd: Path | str | None = None,
    env: dict | None = None,
    log_path: Path | str | None = None,
    timeout_seconds: float | None = None,
) -> Measured:
    """Run `command` to completion (stdout and stderr to `log_path`), timing it and taking
    its peak RSS. A command still running after `timeout_seconds` is killed (returncode -9)."""
    log = open(log_path, "w", encoding="utf-8") if log_path else subprocess.DEVNULL  # noqa: SIM115
    try:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = None if timeout_seconds is None else started + timeout_seconds
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if deadline is not None and time.perf_counter() > deadline:
                os.killpg(process.pid, 9)
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.05)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if log_path:
            log.close()
    return Measured(
        command=[str(part) for part in command],
        returncode=process.returncode,
        wall_seconds=round(wall, 2),
        peak_rss_mb=maxrss_to_mb(usage.ru_maxrss),
        log_path=str(log_path) if log_path else None,
    )
