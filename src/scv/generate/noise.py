"""How people and clerks garble values: typos, case, spacing, accents and formats."""

from __future__ import annotations

import random
import unicodedata
from datetime import date, datetime, timedelta

_FOLD = str.maketrans({"ß": "ss", "ı": "i", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d"})
_GERMAN_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_NEIGHBOURS = {
    "a": "sqz", "b": "vn", "c": "xv", "d": "sf", "e": "wr", "f": "dg", "g": "fh", "h": "gj",
    "i": "uo", "j": "hk", "k": "jl", "l": "k", "m": "n", "n": "bm", "o": "ip", "p": "o",
    "q": "w", "r": "et", "s": "ad", "t": "ry", "u": "yi", "v": "cb", "w": "qe", "x": "zc",
    "y": "tu", "z": "x",
}  # fmt: skip
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def strip_accents(text: str) -> str:
    """Drop diacritics the way an ASCII-only keyboard or system does (Müller -> Muller)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def german_fold(text: str) -> str:
    """Transliterate umlauts the German way (Müller -> Mueller)."""
    return strip_accents(text.translate(_GERMAN_FOLD))


def fold(text: str) -> str:
    """How a value is compared when scored: accents stripped (NFKD), casefolded, spaces
    collapsed. A record shows a true name, street or city when it folds to the same."""
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join(
        "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split()
    )


def fold_postcode(text: str) -> str:
    """Postal codes compare upper case without any whitespace."""
    return "".join(text.upper().split())


def has_accents(text: str) -> bool:
    return strip_accents(text) != text


def typo(rng: random.Random, text: str, edits: int = 1) -> str:
    """Apply `edits` keyboard-style edits (substitute, drop, double, transpose) to letters."""
    chars = list(text)
    for _ in range(edits):
        letters = [i for i, ch in enumerate(chars) if ch.isalpha()]
        if len(letters) < 3:
            break
        i = rng.choice(letters[1:])  # people rarely mistype the first letter
        kind = rng.random()
        ch = chars[i]
        if kind < 0.35:
            near = _NEIGHBOURS.get(ch.lower(), "e")
            new = rng.choice(near)
            chars[i] = new.upper() if ch.isupper() else new
        elif kind < 0.6:
            del chars[i]
        elif kind < 0.8:
            chars.insert(i, ch)
        elif i + 1 < len(chars) and chars[i + 1] != ch:
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        else:
            del chars[i]
    out = "".join(chars)
    return out if out != text else text[:-1]


def vary_case(rng: random.Random, text: str) -> str:
    roll = rng.random()
    if roll < 0.45:
        return text.upper()
    if roll < 0.9:
        return text.lower()
    return text.title()


def pad_spaces(rng: random.Random, text: str) -> str:
    roll = rng.random()
    if roll < 0.4:
        return text + " "
    if roll < 0.7:
        return " " + text
    if " " in text:
        return text.replace(" ", "  ", 1)
    return f" {text}  "


# --- dates and timestamps ---------------------------------------------------


def fmt_iso_date(d: date) -> str:
    return d.isoformat()


def fmt_dmy(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def fmt_dmyy(d: date) -> str:
    return f"{d.day}/{d.month}/{d.year % 100:02d}"


def fmt_long(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def read_two_digit_year(yy: int, month: int, day: int, as_of: date) -> date | None:
    """The contract's reading 6: `YY` is `20YY` unless that is after as_of, then `19YY`."""
    try:
        candidate = date(2000 + yy, month, day)
    except ValueError:
        return None
    if candidate > as_of:
        return date(1900 + yy, month, day)
    return candidate


def fmt_loyalty_date(rng: random.Random, d: date, as_of: date) -> str:
    """A loyalty-form date in one of the contract's four formats.

    `D/M/YY` is only written when the contract's two-digit-year reading gives the date
    back, so the truth never depends on a date the data cannot express.
    """
    roll = rng.random()
    if roll < 0.4:
        return fmt_dmy(d)
    if roll < 0.6 and read_two_digit_year(d.year % 100, d.month, d.day, as_of) == d:
        return fmt_dmyy(d)
    if roll < 0.85:
        return fmt_iso_date(d)
    return fmt_long(d)


MALFORMED_DATES: tuple[str, ...] = (
    "31/02/1985", "unknown", "1985-13-45", "00/00/0000", "30/02/1979", "1990-02-30", "n/a",
)  # fmt: skip


def fmt_timestamp(rng: random.Random, instant: datetime, offsets: tuple[int, int]) -> str:
    """An ISO timestamp of a UTC instant in one of the contract's three forms.

    The offset form shows local time with its offset, so every form reads back to the
    same instant (reading 4: no offset means UTC).
    """
    roll = rng.random()
    if roll < 0.4:
        return instant.strftime("%Y-%m-%dT%H:%M:%SZ")
    if roll < 0.75:
        return instant.strftime("%Y-%m-%d %H:%M:%S")
    hours = offsets[1] if 4 <= instant.month <= 10 else offsets[0]
    local = instant + timedelta(hours=hours)
    sign = "+" if hours >= 0 else "-"
    return local.strftime("%Y-%m-%dT%H:%M:%S") + f"{sign}{abs(hours):02d}:00"


def fmt_naive(instant: datetime) -> str:
    return instant.strftime("%Y-%m-%d %H:%M:%S")
