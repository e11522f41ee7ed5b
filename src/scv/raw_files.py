"""What a raw CSV file is written in, and a UTF-8 copy of one that is not.

The contract's files are UTF-8, but what Excel and many tills export is Windows-1252 or
Latin-1, and some tools write UTF-16 with a byte-order mark. DuckDB's reader stops the whole
build at the first byte that is not UTF-8, so the raw loader asks (through the dbt-duckdb
plugin, src/scv/duckdb_plugin.py) which encoding a file is in and reads a UTF-8 copy of any
other. Files are read in chunks: memory stays bounded whatever the file size.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import tempfile
from pathlib import Path

CHUNK_BYTES = 16 * 1024 * 1024
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class EncodingMismatch(ValueError):
    """A file that does not decode in the encoding declared for it."""


def _chunks(path: Path):
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            yield chunk


def first_undecodable_line(path: Path | str, encoding: str) -> int | None:
    """The 1-based line number of the first byte `encoding` cannot read, or None if it reads all."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    line = 1
    for chunk in _chunks(Path(path)):
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as error:
            return line + chunk[: error.start].count(b"\n")
        line += chunk.count(b"\n")
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return line
    return None


def detect_encoding(path: Path | str) -> str:
    """'utf-16' for a file starting with a UTF-16 byte-order mark; 'utf-8' when every byte
    reads as UTF-8 (a UTF-8 BOM included); else 'windows-1252' when that reads it (the
    single-byte encoding of Excel and most Western tills), else 'latin-1' (reads any byte)."""
    path = Path(path)
    with path.open("rb") as handle:
        head = handle.read(4)
    if head.startswith(UTF16_BOMS):
        return "utf-16"
    if first_undecodable_line(path, "utf-8") is None:
        return "utf-8"
    if first_undecodable_line(path, "windows-1252") is None:
        return "windows-1252"
    return "latin-1"


def file_encoding(path: str, declared: str | None = None) -> str:
    """The encoding to read `path` in: `declared` (var raw_file_encodings) after checking
    that it reads the whole file, or the detected one."""
    if not declared:
        return detect_encoding(path)
    try:
        codecs.lookup(declared)
    except LookupError as error:
        raise EncodingMismatch(
            f"raw file {path}: var raw_file_encodings names '{declared}', not an encoding"
        ) from error
    line = first_undecodable_line(path, declared)
    if line is not None:
        raise EncodingMismatch(
            f"raw file {path} is not {declared}: line {line} does not read as {declared}. "
            "Set its encoding in var raw_file_encodings (e.g. windows-1252, latin-1, utf-16), "
            "or leave it out to have it detected."
        )
    return codecs.lookup(declared).name


def utf8_copy(path: str, encoding: str, directory: str | None = None) -> str:
    """A UTF-8 copy of `path` read as `encoding` (written once per file content), its path."""
    source = Path(path)
    stat = source.stat()
    key = hashlib.sha256(
        f"{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{encoding}".encode()
    ).hexdigest()[:16]
    target_dir = Path(directory or tempfile.gettempdir()) / "scv_raw_utf8" / key
    target = target_dir / source.name
    if not target.exists():
        target_dir.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".partial")
        decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
        with partial.open("w", encoding="utf-8", newline="") as out:
            for chunk in _chunks(source):
                out.write(decoder.decode(chunk))
            out.write(decoder.decode(b"", final=True))
        os.replace(partial, target)
    return str(target)
