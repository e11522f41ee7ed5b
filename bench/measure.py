"""Run a command and measure it: wall time and peak resident memory of the process tree.

The peak comes from the kernel's rusage of the waited-for child (``os.wait4``): the largest
resident set of the child or of any descendant it waited for. dbt runs DuckDB and its Python
models in its own process, so this is the peak of the whole identity resolution.

Linux carries a process's high-water RSS across fork and exec, so a child forked from a big
process reports at least its parent's size. `run_measured` therefore starts every command from
a fresh, small launcher process (this file run as a script), which measures its only child and
writes the figures to a JSON file. The launcher can also stop the command at a time limit or
when the tree's resident memory (polled from /proc) passes a ceiling, so a run that would exhaust
the machine ends cleanly. Standard library only (``ru_maxrss`` is KiB on Linux, bytes on macOS).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
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
    stopped: str | None = None  # 'timeout' or 'memory' when the launcher stopped the command
    polled_peak_tree_rss_mb: float | None = None

    def as_dict(self) -> dict:
        return asdict(self)


def maxrss_to_mb(maxrss: int, platform: str = sys.platform) -> float:
    """``ru_maxrss`` in MB (10^6 bytes): KiB on Linux, bytes on macOS."""
    bytes_ = maxrss if platform == "darwin" else maxrss * 1024
    return round(bytes_ / 1e6, 1)


def self_peak_rss_mb() -> float:
    """Peak resident memory of the calling process so far, in MB."""
    return maxrss_to_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def tree_rss_mb(pid: int) -> float | None:
    """Current resident memory of `pid` and its descendants from /proc (None off Linux)."""
    if not Path("/proc").is_dir():
        return None
    total_kb, pending, seen = 0, [pid], set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            with open(f"/proc/{current}/status", encoding="utf-8") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total_kb += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="utf-8") as handle:
                    pending.extend(int(child) for child in handle.read().split())
        except (OSError, ValueError):
            continue
    return round(total_kb * 1024 / 1e6, 1)


def measure_child(
    command: list[str],
    *,
    cwd: Path | str | None = None,
    env: dict | None = None,
    log_path: Path | str | None = None,
    timeout_seconds: float | None = None,
    max_memory_mb: float | None = None,
) -> Measured:
    """Run `command` as a direct child of this process and measure it (see `run_measured`)."""
    log = open(log_path, "w", encoding="utf-8") if log_path else subprocess.DEVNULL  # noqa: SIM115
    stopped = None
    polled_peak = 0.0
    try:
        started = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = None if timeout_seconds is None else started + timeout_seconds
        next_poll = 0.0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            now = time.perf_counter()
            if now >= next_poll:
                current = tree_rss_mb(process.pid) or 0.0
                polled_peak = max(polled_peak, current)
                next_poll = now + 0.5
                if max_memory_mb is not None and current > max_memory_mb:
                    stopped = "memory"
            if deadline is not None and now > deadline:
                stopped = "timeout"
            if stopped:
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
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
        stopped=stopped,
        polled_peak_tree_rss_mb=polled_peak or None,
    )


def run_measured(
    command: list[str],
    *,
    cwd: Path | str | None = None,
    env: dict | None = None,
    log_path: Path | str | None = None,
    timeout_seconds: float | None = None,
    max_memory_mb: float | None = None,
) -> Measured:
    """Run `command` to completion (stdout and stderr to `log_path`) from a fresh launcher
    process, timing it and taking its peak RSS. It is killed (returncode -9, `stopped` set)
    after `timeout_seconds` or when its process tree holds more than `max_memory_mb`."""
    with tempfile.TemporaryDirectory() as scratch:
        result_path = Path(scratch) / "measured.json"
        launcher = [sys.executable, str(Path(__file__).resolve()), "--result", str(result_path)]
        if cwd is not None:
            launcher += ["--cwd", str(cwd)]
        if log_path is not None:
            launcher += ["--log", str(log_path)]
        if timeout_seconds is not None:
            launcher += ["--timeout", str(timeout_seconds)]
        if max_memory_mb is not None:
            launcher += ["--max-memory-mb", str(max_memory_mb)]
        subprocess.run([*launcher, "--", *[str(part) for part in command]], env=env, check=True)
        return Measured(**json.loads(result_path.read_text()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure one command (used by run_measured).")
    parser.add_argument("--result", required=True, type=Path)
    parser.add_argument("--cwd")
    parser.add_argument("--log")
    parser.add_argument("--timeout", type=float)
    parser.add_argument("--max-memory-mb", type=float)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    measured = measure_child(
        command,
        cwd=args.cwd,
        env=dict(os.environ),
        log_path=args.log,
        timeout_seconds=args.timeout,
        max_memory_mb=args.max_memory_mb,
    )
    args.result.write_text(json.dumps(measured.as_dict()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
