"""Raw file encodings: detection, a declared encoding checked line by line, UTF-8 copies."""

from __future__ import annotations

import pytest

from scv import raw_files
from scv.raw_files import EncodingMismatch, detect_encoding, file_encoding, utf8_copy

TEXT = "contact_id,first_name,last_name\nC1,Renée,Müller\nC2,Zoë,O’Brien €\n"


def _write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-be").join([b"\xfe\xff", b""]), "utf-16"),
        (TEXT.encode("windows-1252"), "windows-1252"),
        # 0x81 is undefined in Windows-1252: only Latin-1 reads every byte.
        (b"id,name\nC1,Ren\xe9e \x81\n", "latin-1"),
        (b"", "utf-8"),
    ],
)
def test_detect_encoding(tmp_path, data, expected):
    assert detect_encoding(_write(tmp_path, "f.csv", data)) == expected


def test_a_byte_that_is_not_utf8_is_found_on_its_line_across_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr(raw_files, "CHUNK_BYTES", 7)
    path = _write(tmp_path, "f.csv", TEXT.encode("windows-1252"))
    assert raw_files.first_undecodable_line(path, "utf-8") == 2
    assert raw_files.first_undecodable_line(path, "windows-1252") is None
    # A multi-byte character cut by a chunk boundary is still one character.
    assert (
        raw_files.first_undecodable_line(_write(tmp_path, "g.csv", TEXT.encode()), "utf-8") is None
    )


def test_a_declared_encoding_is_checked_and_names_the_first_bad_line(tmp_path):
    path = _write(tmp_path, "crm_contacts.csv", TEXT.encode("windows-1252"))
    assert file_encoding(str(path), "windows-1252") == "cp1252"
    with pytest.raises(EncodingMismatch, match=r"is not utf-8: line 2 .*raw_file_encodings"):
        file_encoding(str(path), "utf-8")
    with pytest.raises(EncodingMismatch, match="not an encoding"):
        file_encoding(str(path), "klingon")
    assert file_encoding(str(path), None) == "windows-1252"


def test_utf8_copy_reads_the_file_in_its_encoding_once(tmp_path):
    path = _write(tmp_path, "crm_contacts.csv", TEXT.encode("utf-16"))
    copy = utf8_copy(str(path), "utf-16", directory=str(tmp_path / "copies"))
    assert open(copy, encoding="utf-8", newline="").read() == TEXT
    assert copy.endswith("crm_contacts.csv")
    assert utf8_copy(str(path), "utf-16", directory=str(tmp_path / "copies")) == copy
    path.write_bytes(TEXT.upper().encode("utf-16"))
    changed = utf8_copy(str(path), "utf-16", directory=str(tmp_path / "copies"))
    assert changed != copy
    assert open(changed, encoding="utf-8", newline="").read() == TEXT.upper()
