"""The in-memory record a chunk builds before it is rendered to CSV."""

from __future__ import annotations

from datetime import datetime


class Rec:
    """One raw row plus what the truth needs to know about it.

    `row` holds the rendered values in contract column order; a value that is itself a
    `Rec` stands for that record's key, which is only assigned once the chunk's rows are
    shuffled (so keys carry no trace of who generated them).
    """

    __slots__ = (
        "table", "row", "person", "at", "key", "protected", "exposes", "emails", "phones",
        "meta", "version_of", "empty_key", "traps",
    )  # fmt: skip

    def __init__(self, table: str, row: list, person: int | None, at: datetime) -> None:
        self.table = table
        self.row = row
        self.person = person  # index of the true person, None when it belongs to nobody
        self.at = at  # the instant the record's values are as of (UTC)
        self.key: str | None = None
        self.protected = False  # never corrupted: an anchor or something others point to
        self.exposes: set[str] = set()  # true current attributes this record shows cleanly
        self.emails: list[str] = []  # canonical emails on the record (lower case)
        self.phones: list[str] = []  # canonical E.164 phones on the record
        self.meta: dict | None = None
        self.version_of: Rec | None = None  # an older version sharing another record's key
        self.empty_key = False
        self.traps: list[str] = []  # trap groups this record belongs to

    def rendered(self) -> list[str]:
        out = [v.key if type(v) is Rec else v for v in self.row]
        if out[0] is None:  # the record's own key sits in the first column
            out[0] = self.key
        return out
