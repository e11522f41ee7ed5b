"""Derive a chunk's known answers from what was generated, following the contract.

Every answer is computed from the records as they were finally written (after the bad
rows were injected), never from intentions, so the truth matches the data exactly.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from .emit import ChunkEmitter
from .people import luhn_complete
from .records import Rec
from .schema import PERSON_BEARING_KEYS, PURPOSES, STATUS_RESTRICTIVENESS

KEY_STRIDE = 100_000  # keys per table per chunk: chunk c uses c*KEY_STRIDE + 1 ...
KEY_FORMATS = {
    "crm_contacts": lambda n: f"C{n:09d}",
    "shop_customers": lambda n: str(10_000_000 + n),
    "shop_orders": lambda n: f"O{n:010d}",
    "pos_transactions": lambda n: f"T{n:011d}",
    "loyalty_members": lambda n: luhn_complete(f"6299{n:08d}"),
    "support_tickets": lambda n: str(100_000 + n),
    "consent_events": lambda n: f"CE{n:010d}",
    "erasure_requests": lambda n: f"ER{n:08d}",
}
GRANTED_OPT_INS = frozenset(("Y", "yes", "1", "x"))
DENIED_OPT_INS = frozenset(("N", "no", "0"))
CENT = Decimal("0.01")
# Trap groups that live inside one household (hence one chunk).
LOCAL_TRAPS = frozenset((
    "twins", "shared_family_email", "shared_family_landline", "shared_cookie", "same_household",
    "copied_birth_date",
))  # fmt: skip


@dataclass
class ChunkTruth:
    record_persons: list[tuple[str, str, str]] = field(default_factory=list)
    persons: list[list[str]] = field(default_factory=list)
    consent: list[tuple[str, str, str]] = field(default_factory=list)
    rfm: list[list[str]] = field(default_factory=list)
    trap_members: list[tuple[str, str, str, str]] = field(default_factory=list)
    erased: int = 0


def assign_keys(em: ChunkEmitter, rng: random.Random) -> None:
    """Shuffle each table and number its records, so keys say nothing about people."""
    for table, recs in em.tables.items():
        rng.shuffle(recs)
        fmt = KEY_FORMATS.get(table)
        if fmt is None:
            continue
        n = em.index * KEY_STRIDE
        for rec in recs:
            if rec.key is not None or rec.version_of is not None:
                continue
            if rec.empty_key:
                rec.key = ""
                continue
            n += 1
            rec.key = fmt(n)
        if n - em.index * KEY_STRIDE >= KEY_STRIDE:
            raise RuntimeError(f"too many {table} rows in one chunk for its key range")
        for rec in recs:
            if rec.version_of is not None:
                rec.key = rec.version_of.key


def _unique(recs: list[Rec]) -> list[Rec]:
    """The table's distinct, usable records: no exact duplicate, older version or empty key."""
    seen: set[int] = set()
    out = []
    for rec in recs:
        if rec.version_of is not None or rec.empty_key or id(rec) in seen:
            continue
        seen.add(id(rec))
        out.append(rec)
    return out


def _day(instant: datetime) -> date:
    return instant.date()


def derive(em: ChunkEmitter, rates: dict[str, Decimal]) -> ChunkTruth:
    truth = ChunkTruth()
    unique = {table: _unique(recs) for table, recs in em.tables.items()}

    # Till sales: a card identifies its holder, and so does a payment token, whether or not
    # it was ever seen beside a loyalty card (contract reading 12: the same card gives the
    # same token); a sale with neither is nobody's.
    attributed: dict[int, int | None] = {}
    for rec in unique["pos_transactions"]:
        card = rec.meta["card"]
        attributed[id(rec)] = (
            card.person if card is not None else (rec.person if rec.meta["token"] else None)
        )

    # Identifiers each person holds, from their usable records.
    emails: dict[str, set[int]] = {}
    phones: dict[str, set[int]] = {}
    exposures: dict[int, set[str]] = {}
    for table in PERSON_BEARING_KEYS:
        if table in ("web_events", "pos_transactions"):
            continue
        for rec in unique[table]:
            person = rec.person
            attributed[id(rec)] = person
            if person is None:
                continue
            exposures.setdefault(person, set()).update(rec.exposes)
            for value in rec.emails:
                emails.setdefault(value, set()).add(person)
            for value in rec.phones:
                phones.setdefault(value, set()).add(person)

    # Cookies: a login, an email held by one person, a known order or a device shared with an
    # identified cookie ties a cookie to a person (reading 8); several people on one cookie: nobody.
    direct: dict[int, set[int]] = {}
    device_people: dict[str, set[int]] = {}
    for cookie in em.cookies:
        found: set[int] = {a.person for a in cookie.accounts}
        found |= {o.person for o in cookie.orders if not o.empty_key}
        # A household email typed at a login names the household, not the person: it only
        # identifies a cookie when one person holds it.
        for value in cookie.emails:
            holders = emails.get(value, set())
            if len(holders) == 1:
                found |= holders
        direct[id(cookie)] = found
        for device in cookie.devices:
            device_people.setdefault(device, set()).update(found)
    for cookie in em.cookies:
        found = set(direct[id(cookie)])
        for device in cookie.devices:
            found |= device_people[device]
        cookie.person = found.pop() if len(found) == 1 else None

    listed: set[int] = set()
    for table in PERSON_BEARING_KEYS:
        if table == "web_events":
            for cookie in em.cookies:
                truth.record_persons.append((table, cookie.anonymous_id, _pid(em, cookie.person)))
                if cookie.person is not None:
                    listed.add(cookie.person)
            continue
        for rec in unique[table]:
            person = attributed[id(rec)]
            truth.record_persons.append((table, rec.key, _pid(em, person)))
            if person is not None:
                listed.add(person)

    erased = _erased(em, unique, emails, phones)
    truth.erased = len(erased & listed)
    best = _consent_signals(em, unique, emails, phones, attributed)
    for p in em.people:
        if p.idx not in listed:
            continue
        seen = exposures.get(p.idx, set())
        email = em.truth_email(p)
        phone = em.truth_phone(p)
        truth.persons.append([
            p.person_id,
            p.first if "first_name" in seen else "",
            p.last if "last_name" in seen else "",
            email if email and "email" in seen else "",
            phone.e164 if phone is not None and "phone" in seen else "",
            p.birth.isoformat() if "birth_date" in seen else "",
            p.address.street if "street" in seen else "",
            p.address.city.name if "city" in seen else "",
            p.address.postcode if "postal_code" in seen else "",
            p.country if "country" in seen else "",
            "true" if p.idx in erased else "false",
        ])  # fmt: skip
        for purpose in PURPOSES:
            status = "withdrawn" if p.idx in erased else best.get((p.idx, purpose), "unknown")
            truth.consent.append((p.person_id, purpose, status))
    truth.rfm = _rfm(em, unique, attributed, listed, rates)
    truth.trap_members = _trap_members(em, unique, attributed)
    return truth


def _pid(em: ChunkEmitter, person: int | None) -> str:
    return em.by_idx[person].person_id if person is not None else ""


def _holders(subject_type: str, value, emails, phones, attributed) -> set[int]:
    if subject_type == "email":
        return emails.get(value, set())
    if subject_type == "phone":
        return phones.get(value, set())
    if isinstance(value, Rec) and not value.empty_key:  # a record's own key
        person = attributed.get(id(value), value.person)
        return {person} if person is not None else set()
    return set()


def _erased(em, unique, emails, phones) -> set[int]:
    erased: set[int] = set()
    for rec in unique["erasure_requests"]:
        if _day(rec.meta["when"]) <= em.as_of:
            erased |= _holders(rec.meta["type"], rec.meta["value"], emails, phones, {})
    return erased


def _consent_signals(em, unique, emails, phones, attributed) -> dict[tuple[int, str], str]:
    """The latest signal per person and purpose; on a tie the more restrictive wins."""
    best: dict[tuple[int, str], tuple[datetime, int, str]] = {}

    def offer(person: int, purpose: str, when: datetime, status: str) -> None:
        if _day(when) > em.as_of:
            return
        candidate = (when, STATUS_RESTRICTIVENESS[status], status)
        key = (person, purpose)
        if key not in best or candidate[:2] > best[key][:2]:
            best[key] = candidate

    for rec in unique["consent_events"]:
        meta = rec.meta
        if meta.get("invalid"):
            continue
        for person in _holders(meta["type"], meta["value"], emails, phones, attributed):
            offer(person, meta["purpose"], meta["when"], meta["status"])
    for rec in unique["shop_customers"]:
        status = "granted" if rec.meta["accepts"] == "true" else "denied"
        offer(rec.person, "email_marketing", rec.meta["updated"], status)
    for rec in unique["loyalty_members"]:
        opt_in = rec.meta["opt_in"]
        if opt_in in GRANTED_OPT_INS or opt_in in DENIED_OPT_INS:
            status = "granted" if opt_in in GRANTED_OPT_INS else "denied"
            signup = rec.meta["signup"]
            when = datetime(signup.year, signup.month, signup.day)
            for purpose in ("email_marketing", "sms_marketing"):
                offer(rec.person, purpose, when, status)
    return {key: value[2] for key, value in best.items()}


def _rfm(em, unique, attributed, listed, rates) -> list[list[str]]:
    as_of = em.as_of
    window_start = as_of.toordinal() - 364
    last: dict[int, date] = {}
    frequency: dict[int, int] = {}
    monetary: dict[int, Decimal] = {}

    def book(person: int, day: date, currency: str, cents: int) -> None:
        if day > as_of:
            return
        if cents > 0 and (person not in last or day > last[person]):
            last[person] = day
        if day.toordinal() >= window_start:
            if cents > 0:
                frequency[person] = frequency.get(person, 0) + 1
            monetary[person] = monetary.get(person, Decimal(0)) + cents * rates[currency]

    for rec in unique["shop_orders"]:
        meta = rec.meta
        if meta["status"] == "paid" and not meta.get("bad_amount"):
            book(rec.person, _day(meta["when"]), meta["currency"], meta["cents"])
    for rec in unique["pos_transactions"]:
        person = attributed[id(rec)]
        if person is not None and not rec.meta.get("bad_amount") and rec.meta["cents"] != 0:
            book(person, _day(rec.meta["when"]), rec.meta["currency"], rec.meta["cents"])
    rows = []
    for p in em.people:
        if p.idx not in listed:
            continue
        recency = str(as_of.toordinal() - last[p.idx].toordinal()) if p.idx in last else ""
        value = (monetary.get(p.idx, Decimal(0)) / 100).quantize(CENT, rounding=ROUND_HALF_UP)
        rows.append([p.person_id, as_of.isoformat(), recency, str(frequency.get(p.idx, 0)),
                     f"{value + 0:.2f}" if value else "0.00"])  # fmt: skip
    return rows


def _trap_members(em, unique, attributed) -> list[tuple[str, str, str, str]]:
    """(group, table, key, person_id) for every record that belongs to a trap group."""
    employee_email = {s.employee_email: i for i, s in enumerate(em.world.stores)}
    household_traps = em.profile.household_traps
    members = []
    named: set[int] = set()
    for table in ("crm_contacts", "shop_customers", "loyalty_members", "shop_orders",
                  "support_tickets", "pos_transactions"):  # fmt: skip
        for rec in unique[table]:
            person = attributed[id(rec)]
            if person is None:
                continue
            p = em.by_idx[person]
            groups = list(rec.traps)
            if p.twin and table in ("crm_contacts", "shop_customers", "loyalty_members"):
                groups.append(f"twins:{p.household}")
            if p.family_email and p.family_email in rec.emails:
                groups.append(f"shared_family_email:{p.household}")
            if p.shares_landline and p.landline is not None and p.landline.e164 in rec.phones:
                groups.append(f"shared_family_landline:{p.household}")
            if p.shared_cookie and table == "shop_customers":
                groups.append(f"shared_cookie:{p.household}")
            if household_traps and table != "pos_transactions":
                groups += _household_groups(em, rec, p)
            if p.common_name and person not in named and table != "pos_transactions":
                named.add(person)
                groups.append(f"same_common_name:{p.common_name}")
            if p.store is not None:
                for value in rec.emails:
                    if employee_email.get(value) == p.store:
                        groups.append(f"employee_email:{p.store}")
            for group in dict.fromkeys(groups):
                members.append((group, table, rec.key, p.person_id))
    return members


def _household_groups(em: ChunkEmitter, rec: Rec, p) -> list[str]:
    """same_household: any record of a member of a household of two or more.
    copied_birth_date:<household>:<member>: a record giving that member's birth date, whether
    it is the member's own record (showing it) or another member's (a copy)."""
    groups = []
    if len(em.households[p.household]) > 1:
        groups.append(f"same_household:{p.household}")
        copied_from = rec.meta.get("birth_of") if rec.meta else None
        if copied_from is not None:
            groups.append(f"copied_birth_date:{p.household}:{copied_from}")
        elif "birth_date" in rec.exposes:
            groups.append(f"copied_birth_date:{p.household}:{p.idx}")
    return groups
