"""Placeholders and bad rows: the damage real extracts carry, in small, known doses.

Each kind gets a quota per chunk (a rate with a floor), so even a tiny run holds every
kind at least once and a big run holds them in realistic proportion. Every change here
also updates what the truth derivation reads (`Rec.meta`, exposures, identifiers).
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import timedelta

from .emit import ChunkEmitter
from .noise import MALFORMED_DATES
from .records import Rec
from .schema import PLACEHOLDER_EMAILS, PLACEHOLDER_PHONES

# Column positions of the contact fields placeholders land in.
EMAIL_COLUMN = {"crm_contacts": 3, "loyalty_members": 2, "support_tickets": 1, "shop_orders": 2}
PHONE_COLUMN = {"crm_contacts": 4, "loyalty_members": 3, "support_tickets": 2, "shop_orders": 3}
AMOUNT_COLUMN = {"pos_transactions": 6, "shop_orders": 12, "shop_order_lines": 5}
UNKNOWN_ORDER_STATUSES = ("on_hold", "shipped", "processing")
UNKNOWN_PURPOSES = ("marketing", "analytics", "newsletter")
UNKNOWN_CONSENT_STATUSES = ("pending", "revoked", "opted_in")


class Corruptor:
    def __init__(self, emitter: ChunkEmitter, seed: int) -> None:
        self.em = emitter
        self.rng = random.Random(f"{seed}:{emitter.index}:bad")
        self.counts: Counter[str] = Counter()

    def _quota(self, population: int, rate: float, minimum: int = 1) -> int:
        return min(population, max(minimum, round(rate * population)))

    def _pick(self, recs: list[Rec], rate: float, minimum: int = 1) -> list[Rec]:
        return self.rng.sample(recs, self._quota(len(recs), rate, minimum)) if recs else []

    def run(self) -> Counter[str]:
        self.placeholders()
        self.malformed_dates()
        self.repeated_keys()
        self.non_numeric_amounts()
        self.unknown_values()
        self.after_as_of()
        self.unknown_erasure_subject()
        self.empty_keys()
        self.exact_duplicates()  # last: duplicates copy rows as they finally are
        return self.counts

    def placeholders(self) -> None:
        """Placeholder emails and phones typed on many unrelated people's records."""
        rng = self.rng
        pool = [r for t in EMAIL_COLUMN for r in self.em.tables[t]
                if not r.protected and r.person is not None and not r.traps
                and (t != "shop_orders" or r.row[1] == "")]  # fmt: skip
        # A few values dominate in real data, so weight the first of each list.
        for rec in self._pick(pool, 0.015, 14):
            if rng.random() < 0.6:
                value = rng.choices(PLACEHOLDER_EMAILS, weights=(6, 2, 2))[0]
                rec.row[EMAIL_COLUMN[rec.table]] = value if rng.random() < 0.8 else value.upper()
                rec.emails = []
                rec.exposes.discard("email")
                rec.traps.append(f"placeholder_email:{value}")
            else:
                value = rng.choices(PLACEHOLDER_PHONES, weights=(3, 1))[0]
                rec.row[PHONE_COLUMN[rec.table]] = value
                rec.phones = []
                rec.exposes.discard("phone")
                rec.traps.append(f"placeholder_phone:{value}")
            self.counts["placeholder"] += 1

    def malformed_dates(self) -> None:
        for table, rate in (("crm_contacts", 0.006), ("loyalty_members", 0.006)):
            pool = [r for r in self.em.tables[table]
                    if r.row[r.meta["birth_col"]] and not (table == "crm_contacts" and r.protected)
                    and r.person is not None]  # fmt: skip
            for rec in self._pick(pool, rate):
                rec.row[rec.meta["birth_col"]] = self.rng.choice(MALFORMED_DATES)
                rec.exposes.discard("birth_date")
                rec.meta.pop("birth_of", None)  # no longer shows the copied birth date
                self.counts["malformed_date"] += 1

    def repeated_keys(self) -> None:
        """An older version of a CRM contact or shop account under the same key."""
        em, rng = self.em, self.rng
        for table in ("crm_contacts", "shop_customers"):
            for rec in self._pick(list(em.tables[table]), 0.008):
                p = em.by_idx[rec.person]
                older_at = rec.at - timedelta(days=rng.randint(1, 400))
                row = list(rec.row)
                if table == "crm_contacts":
                    row[3] = p.email_typos.get(p.email or "", row[3])
                    row[12] = em._ts(older_at, p.country)
                    if rec.meta["created"] > older_at:
                        row[11] = row[12]
                else:
                    row[9] = "false" if row[9] == "true" else "true"
                    row[11] = em._ts(older_at, p.country)
                    row[10] = row[11] if rec.meta["created"] > older_at else row[10]
                older = Rec(table, row, rec.person, older_at)
                older.version_of = rec
                em.tables[table].append(older)
                self.counts["repeated_key"] += 1

    def non_numeric_amounts(self) -> None:
        rng = self.rng
        for table, rate in (("pos_transactions", 0.006), ("shop_orders", 0.006),
                            ("shop_order_lines", 0.005)):  # fmt: skip
            column = AMOUNT_COLUMN[table]
            pool = [r for r in self.em.tables[table] if r.version_of is None]
            for rec in self._pick(pool, rate):
                value = rec.row[column]
                rec.row[column] = rng.choice((value.replace(".", ","), "N/A", ""))
                rec.meta["bad_amount"] = True
                self.counts["non_numeric_amount"] += 1

    def unknown_values(self) -> None:
        rng = self.rng
        for rec in self._pick(self.em.tables["shop_orders"], 0.006):
            rec.row[13] = rec.meta["status"] = rng.choice(UNKNOWN_ORDER_STATUSES)
            self.counts["unknown_order_status"] += 1
        for rec in self._pick(self.em.tables["consent_events"], 0.006):
            if rng.random() < 0.5:
                rec.row[3] = rng.choice(UNKNOWN_PURPOSES)
            else:
                rec.row[4] = rng.choice(UNKNOWN_CONSENT_STATUSES)
            rec.meta["invalid"] = True
            self.counts["unknown_consent_value"] += 1

    def after_as_of(self) -> None:
        """Consent, orders and erasure requests dated after as_of: they must not count."""
        em, rng = self.em, self.rng
        people = [p for p in em.people if p.store is None and p.email]
        erased = {r.person for r in em.tables["erasure_requests"]}
        for p in rng.sample(people, self._quota(len(people), 0.004)):
            when = em.as_of_dt + timedelta(days=rng.randint(1, 45), seconds=rng.randint(1, 3600))
            em._consent("email", p.email, p.email, "email_marketing", "granted",
                        "preference_center", when, p.country, p.idx)  # fmt: skip
            self.counts["dated_after_as_of"] += 1
        buyers = [p for p in people if em.accounts.get(p.idx) or em.orders.get(p.idx)]
        for p in rng.sample(buyers, self._quota(len(buyers), 0.004)):
            when = em.as_of_dt + timedelta(days=rng.randint(1, 30), seconds=rng.randint(1, 3600))
            accounts = [a for a in em.accounts.get(p.idx, []) if a.version_of is None]
            em._order(p, accounts[0] if accounts else None, when, False, {}, status="paid")
            self.counts["dated_after_as_of"] += 1
        candidates = [p for p in people if p.idx not in erased and not p.family_email]
        # Always in the first chunk (small runs must hold one), then in a quarter of chunks,
        # so junk stays a small share of the erasure requests.
        wanted = 1 if em.index == 0 or rng.random() < 0.25 else 0
        for p in rng.sample(candidates, min(len(candidates), wanted)):
            em._erasure(p, em.as_of_dt + timedelta(days=rng.randint(1, 20)))
            self.counts["dated_after_as_of"] += 1

    def unknown_erasure_subject(self) -> None:
        em, rng = self.em, self.rng
        if em.index > 0 and rng.random() >= 0.25:  # as above: chunk 0 always, then a quarter
            return
        email = f"ghost.{em.index}.{rng.randint(100, 999)}@example.net"
        rec = Rec("erasure_requests", [None, "email", email, em._ts(em.as_of_dt - timedelta(
            days=rng.randint(1, 200)), "GB")], None, em.as_of_dt)  # fmt: skip
        rec.meta = {"type": "email", "value": email, "when": em.as_of_dt - timedelta(days=1)}
        em._add(rec)
        self.counts["erasure_unknown_subject"] += 1

    def empty_keys(self) -> None:
        for table in ("crm_contacts", "shop_orders", "pos_transactions", "support_tickets"):
            # Spare what other rows or the truth rely on: a card-and-token sale (the token's
            # only link to its owner may be this row) and orders dated after as_of.
            pool = [
                r
                for r in self.em.tables[table]
                if not r.protected
                and r.version_of is None
                and not (table == "pos_transactions" and r.meta["card"] and r.meta["token"])
                and not (table == "shop_orders" and r.meta["when"] > self.em.as_of_dt)
            ]
            for rec in self._pick(pool, 0.002):
                rec.empty_key = True
                self.counts["empty_key"] += 1

    def exact_duplicates(self) -> None:
        tables = (
            "crm_contacts", "shop_orders", "pos_transactions", "loyalty_members",
            "support_tickets", "web_events", "consent_events", "shop_order_lines",
        )  # fmt: skip
        for table in tables:
            recs = self.em.tables[table]
            for rec in self._pick([r for r in recs if not r.empty_key], 0.004):
                recs.append(rec)  # the very same row, written twice
                self.counts["exact_duplicate"] += 1
