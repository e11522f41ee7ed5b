"""Turn one chunk of people into raw records, with the noise real sources carry."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from .noise import (
    fmt_dmy,
    fmt_iso_date,
    fmt_loyalty_date,
    fmt_timestamp,
    fold,
    fold_postcode,
    has_accents,
    pad_spaces,
    strip_accents,
    typo,
    vary_case,
)
from .people import Address, PersonCore, World, name_book
from .places import COUNTRIES, STREET_ABBREVIATIONS, Phone, format_phone
from .profiles import Profile, get_profile
from .records import Rec
from .schema import TABLES

CATEGORIES: tuple[tuple[str, int, int], ...] = (
    # category, min and max unit price in cents
    ("apparel", 999, 8999), ("shoes", 2999, 14999), ("home", 499, 12999),
    ("beauty", 399, 4999), ("electronics", 1999, 49999), ("books", 599, 3499),
    ("toys", 799, 5999), ("grocery", 149, 2499),
)  # fmt: skip
FOREIGN_CURRENCIES = ("EUR", "GBP", "USD", "CHF", "SEK", "DKK")
GENDER_FORMS = {"M": ("M", "m", "male", "Male", "MALE", "man"), "F": ("F", "f", "female",
                "Female", "FEMALE", "woman", "W")}  # fmt: skip
TICKET_STATUSES = ("new", "open", "pending", "solved", "closed")
PAGES = ("/", "/sale", "/new-in", "/c/{cat}", "/p/{sku}", "/search?q={cat}", "/account",
         "/cart", "/checkout", "/help/returns")  # fmt: skip
SHOP_HOST = "https://shop.example.com"


def _cents(value: int) -> str:
    sign = "-" if value < 0 else ""
    value = abs(value)
    return f"{sign}{value // 100}.{value % 100:02d}"


def _uuid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{h[16:20]}-{h[20:]}"


class Cookie:
    """A first-party cookie (anonymous_id) and the evidence its events carry."""

    __slots__ = ("anonymous_id", "accounts", "emails", "orders", "devices", "person")

    def __init__(self, anonymous_id: str) -> None:
        self.anonymous_id = anonymous_id
        self.accounts: list[Rec] = []
        self.emails: list[str] = []
        self.orders: list[Rec] = []
        self.devices: list[str] = []
        self.person: int | None = None


class ChunkEmitter:
    """Builds every raw record of one chunk of people (truth is derived afterwards)."""

    def __init__(
        self,
        seed: int,
        index: int,
        people: list[PersonCore],
        world: World,
        as_of: date,
        profile: Profile | str | None = None,
    ) -> None:
        self.profile = get_profile(profile)
        self.nicknames = name_book(self.profile.name_pool).nicknames
        self.rng = random.Random(f"{seed}:{index}:emit")
        self.index = index
        self.people = people
        self.by_idx = {p.idx: p for p in people}
        self.households: dict[int, list[PersonCore]] = {}
        for p in people:
            self.households.setdefault(p.household, []).append(p)
        self.world = world
        self.as_of = as_of
        self.as_of_dt = datetime(as_of.year, as_of.month, as_of.day, 23, 59, 59)
        self.tables: dict[str, list[Rec]] = {t: [] for t in TABLES}
        self.cookies: list[Cookie] = []
        self.cards: dict[int, list[Rec]] = {}
        self.tokens: dict[int, list[str]] = {}
        self.accounts: dict[int, list[Rec]] = {}
        self.contacts: dict[int, list[Rec]] = {}
        self.orders: dict[int, list[Rec]] = {}
        self.erased_subjects: list[Rec] = []
        self.stores_by_country: dict[str, list[int]] = {}
        for i, store in enumerate(world.stores):
            self.stores_by_country.setdefault(store.country, []).append(i)
        # Chunk-level trap roles, decided before anyone's records are drawn.
        self.form_email_store: dict[int, int] = {}  # person -> store whose employee email
        self.walk_ins: list[tuple[int, int]] = []  # (payer, store with a house card)
        self.walk_in_payers: set[int] = set()

    # --- small helpers -------------------------------------------------------

    def _between(self, start: datetime, end: datetime) -> datetime:
        span = max(0.0, (end - start).total_seconds())
        return start + timedelta(seconds=int(self.rng.random() * span))

    def _ts(self, instant: datetime, country: str) -> str:
        return fmt_timestamp(self.rng, instant, COUNTRIES[country].utc_offsets)

    def _add(self, rec: Rec) -> Rec:
        self.tables[rec.table].append(rec)
        return rec

    @staticmethod
    def truth_email(p: PersonCore) -> str | None:
        return p.email or p.family_email

    @staticmethod
    def truth_phone(p: PersonCore) -> Phone | None:
        return p.mobile or p.landline

    # --- field variants --------------------------------------------------------

    def _first_name(self, p: PersonCore, clean: bool) -> str:
        rng = self.rng
        name = p.first
        if clean:
            return name
        prof = self.profile
        roll = rng.random()
        if roll < prof.nickname_rate and name in self.nicknames:
            name = rng.choice(self.nicknames[name])
        elif roll < prof.nickname_rate + prof.first_typo_rate:
            name = typo(rng, name, rng.choice((1, 1, 2)))
        if prof.initials_rate and rng.random() < prof.initials_rate:
            name = name[0] + rng.choice((".", "", ". "))
        return self._surface(name)

    def _last_name(self, p: PersonCore, at: datetime, clean: bool, change: dict) -> str:
        rng = self.rng
        name = p.maiden if p.maiden and at < change.get("last", at) else p.last
        if clean:
            return name
        if " " in name and p.country == "ES" and rng.random() < 0.3:
            name = name.split(" ")[0]  # the second surname is often dropped
        if rng.random() < self.profile.last_typo_rate:
            name = typo(rng, name, rng.choice((1, 1, 2)))
        return self._surface(name)

    def _surface(self, text: str) -> str:
        """Accents dropped, case changed, stray spaces: what typing does to a name."""
        rng = self.rng
        if has_accents(text) and rng.random() < 0.2:
            text = strip_accents(text)
        roll = rng.random()
        if roll < 0.1:
            text = vary_case(rng, text)
        elif roll < 0.15:
            text = pad_spaces(rng, text)
        return text

    def _email_value(
        self, p: PersonCore, at: datetime, change: dict, clean: bool = False
    ) -> str | None:
        """The person's email (canonical) as of `at`: current, older, or a shared one."""
        if clean:  # the anchor shows the true current email
            return self.truth_email(p)
        if p.only_family_email:
            return p.family_email
        if p.family_email and self.rng.random() < self.profile.family_email_use_rate:
            return p.family_email
        if p.old_email and at < change.get("email", at):
            return p.old_email
        return p.email

    def _email_surface(self, p: PersonCore, email: str | None, clean: bool, plus: bool) -> str:
        rng = self.rng
        if email is None:
            return ""
        if clean:
            return email
        typos = self.profile.email_typo_rate
        roll = rng.random()
        if roll < typos and email in p.email_typos:
            email = p.email_typos[email]
        elif plus and roll < typos + 0.035 and email.endswith("@gmail.com"):
            local, domain = email.split("@")
            email = f"{local}+{rng.choice(('shop', 'news', 'promo', 'x'))}@{domain}"
        roll = rng.random()
        if roll < 0.1:
            email = vary_case(rng, email) if rng.random() < 0.5 else email.capitalize()
        elif roll < 0.13:
            email = pad_spaces(rng, email)
        return email

    def _phone_surface(self, phone: Phone | None, clean: bool, intl: float = 0.3) -> str:
        if phone is None:
            return ""
        roll = self.rng.random()
        if clean:
            style = "e164" if roll < 0.3 else "international" if roll < 0.5 else "national"
        else:
            style = "e164" if roll < 0.08 else "international" if roll < intl else "national"
        return format_phone(self.rng, phone, style)

    def _address_surface(self, p: PersonCore, address: Address, clean: bool) -> tuple[str, ...]:
        rng = self.rng
        street, city, postcode = address.street, address.city.name, address.postcode
        if clean:
            return street, city, postcode
        if rng.random() < 0.25:
            for full, shorts in STREET_ABBREVIATIONS.get(p.country, ()):
                if full in street:
                    street = street.replace(full, rng.choice(shorts), 1)
                    break
        if address.city.variants and rng.random() < 0.12:
            city = rng.choice(address.city.variants)
        roll = rng.random()
        if roll < 0.08:
            street = vary_case(rng, street)
        elif roll < 0.12:
            street = pad_spaces(rng, street)
        elif roll < 0.14:
            street = strip_accents(street)
        if rng.random() < 0.15:
            if " " in postcode:
                postcode = postcode.replace(" ", "")
                postcode = postcode.lower() if rng.random() < 0.3 else postcode
            elif postcode.startswith("0") and rng.random() < 0.5:
                postcode = postcode.lstrip("0")  # a spreadsheet ate the leading zero
        return street, city, postcode

    def _expose_address(self, rec: Rec, surfaced: tuple[str, ...], address: Address, p) -> None:
        rec.exposes.add("country")  # every address-bearing source also names the country
        if address is not p.address:
            return
        street, city, postcode = surfaced
        if fold(street) == fold(address.street):
            rec.exposes.add("street")
        if fold(city) == fold(address.city.name):
            rec.exposes.add("city")
        if fold_postcode(postcode) == fold_postcode(address.postcode):
            rec.exposes.add("postal_code")

    def _expose_names(self, rec: Rec, p: PersonCore, first: str, last: str) -> None:
        if fold(first) == fold(p.first):
            rec.exposes.add("first_name")
        if fold(last) == fold(p.last):
            rec.exposes.add("last_name")

    def _expose_contact(self, rec: Rec, p: PersonCore, email: str | None, shown: str,
                        phone: Phone | None) -> None:  # fmt: skip
        held = shown.strip().lower()  # held as written (no plus-tag or typo repair)
        if email and held:
            rec.emails.append(held)
            if email == self.truth_email(p) and held == email:
                rec.exposes.add("email")
        if phone is not None:
            rec.phones.append(phone.e164)
            if phone is self.truth_phone(p):
                rec.exposes.add("phone")

    def _birth_value(self, p: PersonCore) -> tuple[date, PersonCore | None]:
        """The birth date a noisy record gives: the person's own, or at the profile's rate a
        household member's (a form filled in for the family); the member is returned too."""
        rate = self.profile.copied_birth_rate
        if rate and self.rng.random() < rate:
            others = [q for q in self.households[p.household] if q is not p and q.birth != p.birth]
            if others:
                donor = self.rng.choice(others)
                return donor.birth, donor
        return p.birth, None

    def _maybe_swapped(self, first: str, last: str, clean: bool) -> tuple[str, str]:
        rate = self.profile.shop_swap_names_rate
        if rate and not clean and self.rng.random() < rate:
            return last, first
        return first, last

    def _record_phone(self, p: PersonCore, landline_share: float) -> Phone | None:
        if p.landline and (p.mobile is None or self.rng.random() < landline_share):
            return p.landline
        return p.mobile

    def _address_at(self, p: PersonCore, at: datetime, change: dict) -> Address:
        if p.old_address and at < change.get("address", at):
            return p.old_address
        return p.address

    # --- the chunk ---------------------------------------------------------------

    def emit(self) -> None:
        self._assign_trap_roles()
        for p in self.people:
            self._emit_person(p)
        self._emit_house_cards()
        self._emit_walk_ins()
        self._emit_erasures()

    def _assign_trap_roles(self) -> None:
        rng = self.rng
        size = len(self.people)
        candidates = [p for p in self.people if p.store is None]
        email_stores = self.world.email_trap_stores()
        house_stores = self.world.house_card_stores()
        if email_stores:
            store = email_stores[self.index % len(email_stores)]
            country = self.world.stores[store].country
            local = [p for p in candidates if p.country == country]
            pool = local if len(local) >= 8 else candidates
            for p in rng.sample(pool, min(len(pool), max(5, round(0.005 * size)))):
                self.form_email_store[p.idx] = store
        if house_stores:
            store = house_stores[self.index % len(house_stores)]
            country = self.world.stores[store].country
            local = [p for p in candidates if p.country == country]
            pool = local if len(local) >= 12 else candidates
            target = max(12, round(0.012 * size))  # till uses of the house card
            while len(self.walk_ins) < target:
                payer = rng.choice(pool)
                self.walk_in_payers.add(payer.idx)
                for _ in range(rng.choice((1, 2, 2, 3))):
                    self.walk_ins.append((payer.idx, store))

    def _emit_person(self, p: PersonCore) -> None:
        rng = self.rng
        as_of = self.as_of_dt
        start = as_of - timedelta(days=rng.uniform(20, 3650))
        end = as_of if rng.random() < 0.55 else self._between(start, as_of)
        walk_in = p.idx in self.walk_in_payers
        staff = p.store is not None
        has_crm = rng.random() < 0.45 or p.twin or p.common_name is not None
        # A shop login needs an email: without one the account (maybe the anchor) is skipped.
        has_shop = (rng.random() < 0.42 or p.shared_cookie) and self.truth_email(p) is not None
        has_guest = rng.random() < (0.08 if has_shop else 0.3)
        has_loyalty = rng.random() < 0.35 or staff or p.idx in self.form_email_store or (
            walk_in and rng.random() < 0.8)  # fmt: skip
        has_tickets = rng.random() < self.profile.ticket_rate
        if not (has_crm or has_shop or has_guest or has_loyalty or has_tickets):
            has_crm = rng.random() < 0.5
            has_shop = not has_crm
        # About a quarter of people are in one source twice (a second contact, account or
        # card); guest orders and tickets repeat on their own.
        twice = None
        if rng.random() < 0.25:
            present = [s for s, has in (("crm", has_crm), ("shop", has_shop),
                                        ("loyalty", has_loyalty)) if has]  # fmt: skip
            twice = rng.choice(present) if present else "crm"
            has_crm = has_crm or twice == "crm"

        # Draw every profile record's time first, so the anchor (newest profile record)
        # and the moments attributes changed are known before values are written.
        plan: list[tuple[str, datetime]] = []
        if has_crm:
            plan.append(("crm", self._between(start, end)))
            if twice == "crm":
                plan.append(("crm_dup", self._between(start, end)))
        if has_shop:
            plan.append(("shop", self._between(start, end)))
            if twice == "shop":
                plan.append(("shop_dup", self._between(start, end)))
        if has_guest:
            for _ in range(rng.choice((1, 1, 2))):
                plan.append(("guest", self._between(start, end)))
        if has_loyalty:
            plan.append(("loyalty", self._between(start, end)))
            if twice == "loyalty":
                plan.append(("loyalty_dup", self._between(start, end)))
        if has_tickets:
            for _ in range(rng.choice((1, 1, 1, 2, 3))):
                plan.append(("ticket", self._between(start, end)))
        anchored = [t for kind, t in plan if kind in ("crm", "shop", "guest")]
        anchor_at = max(anchored) if anchored else max(t for _, t in plan)
        earliest = min(t for _, t in plan)
        change: dict[str, datetime] = {}
        if earliest < anchor_at:
            for attribute, old in (("email", p.old_email), ("address", p.old_address),
                                   ("last", p.maiden)):  # fmt: skip
                if old:
                    change[attribute] = self._between(earliest, anchor_at)
        anchor_done = False
        for kind, at in sorted(plan, key=lambda item: item[1]):
            is_anchor = (
                not anchor_done
                and at == anchor_at
                and (not anchored or kind in ("crm", "shop", "guest"))
            )
            anchor_done = anchor_done or is_anchor
            if kind.startswith("crm"):
                self._crm(p, at, start, is_anchor, change, deleted=kind == "crm_dup")
            elif kind.startswith("shop"):
                self._shop_account(p, at, start, end, is_anchor, change, second=kind != "shop")
            elif kind == "guest":
                self._order(p, None, at, is_anchor, change)
            elif kind.startswith("loyalty"):
                self._loyalty(p, at, start, end, is_anchor, change)
            else:
                self._ticket(p, at, is_anchor, change)
        if p.family_email or p.shares_landline:
            # Each member of a sharing household gives the shared email or landline at
            # least once, so every family trap shows in the data.
            self._ticket(p, self._between(start, end), False, change, household=True)
        if has_loyalty or rng.random() < 0.15:
            self._pos(p, start, end)
        self._web(p, start, end)
        self._consents(p, start, end)

    # --- sources -------------------------------------------------------------------

    def _crm(self, p, at, start, anchor, change, deleted) -> None:
        rng, prof = self.rng, self.profile
        clean = anchor
        created = self._between(start, at) if rng.random() < 0.6 else at
        first, last = self._first_name(p, clean), self._last_name(p, at, clean, change)
        if not clean and rng.random() < prof.crm_swap_names_rate:
            first, last = last, first  # typed into the wrong boxes
        email = self._email_value(p, at, change, clean)
        phone = self._record_phone(p, 0.5 if p.shares_landline else 0.1)
        phone = self.truth_phone(p) if clean else phone
        if not clean:
            if rng.random() < prof.crm_missing_email_rate:
                email = None
            if rng.random() < prof.crm_missing_phone_rate:
                phone = None
        shown_email = self._email_surface(p, email, clean, plus=False)
        address = self._address_at(p, at, change)
        surfaced = self._address_surface(p, address, clean)
        if clean:
            rate = prof.anchor_birth_rate
            has_birth = rate >= 1 or rng.random() < rate
        else:
            has_birth = rng.random() < prof.crm_birth_rate
        birth, donor = "", None
        if has_birth:
            value, donor = (p.birth, None) if clean else self._birth_value(p)
            birth = fmt_iso_date(value) if rng.random() < 0.5 else fmt_dmy(value)
        roll = rng.random()
        country = p.country
        if roll < 0.3:
            country = rng.choice(COUNTRIES[country].names)
        if rng.random() < 0.15:
            country = vary_case(rng, country)
        gender = rng.choice(GENDER_FORMS[p.gender]) if rng.random() < 0.85 else ""
        rec = Rec("crm_contacts", [
            None, first, last, shown_email, self._phone_surface(phone, clean), birth, gender,
            *surfaced, country, self._ts(created, p.country), self._ts(at, p.country),
            "true" if deleted and rng.random() < 0.3 else "false",
        ], p.idx, at)  # fmt: skip
        rec.protected = anchor
        if rec.row[-1] == "false":  # a soft-deleted contact is never a golden source
            self._expose_names(rec, p, first, last)
            self._expose_address(rec, surfaced, address, p)
            if has_birth and donor is None:
                rec.exposes.add("birth_date")
        self._expose_contact(rec, p, email, shown_email, phone)
        if rec.row[-1] == "true":
            rec.exposes.discard("email")
            rec.exposes.discard("phone")
        rec.meta = {"birth_col": 5, "created": created}
        if donor is not None:
            rec.meta["birth_of"] = donor.idx
        self._add(rec)
        self.contacts.setdefault(p.idx, []).append(rec)

    def _shop_account(self, p, at, start, end, anchor, change, second) -> None:
        rng = self.rng
        clean = anchor
        created = self._between(start, at) if rng.random() < 0.7 else at
        email = self._email_value(p, at, change, clean)
        if second and not clean and p.email_typos.get(email or ""):
            email = p.email_typos[email]  # a second account opened with a mistyped email
        if email is None:
            return
        first, last = self._first_name(p, clean), self._last_name(p, at, clean, change)
        first, last = self._maybe_swapped(first, last, clean)
        shown_email = self._email_surface(p, email, clean, plus=True)
        phone = self.truth_phone(p) if clean else (
            p.mobile if rng.random() < self.profile.shop_phone_rate else None)  # fmt: skip
        address = self._address_at(p, at, change)
        surfaced = self._address_surface(p, address, clean) if (clean or rng.random() < 0.85) \
            else ("", "", "")  # fmt: skip
        country = p.country if surfaced[0] else ""
        if country and not clean and rng.random() < 0.05:
            country = country.lower()
        accepts = "true" if rng.random() < 0.45 else "false"
        rec = Rec("shop_customers", [
            None, shown_email, first, last, self._phone_surface(phone, clean), *surfaced,
            country, accepts, self._ts(created, p.country), self._ts(at, p.country),
        ], p.idx, at)  # fmt: skip
        rec.protected = anchor
        self._expose_names(rec, p, first, last)
        if surfaced[0]:
            self._expose_address(rec, surfaced, address, p)
        self._expose_contact(rec, p, email, shown_email, phone)
        rec.meta = {"accepts": accepts, "updated": at, "created": created}
        self._add(rec)
        self.accounts.setdefault(p.idx, []).append(rec)
        # Orders placed from this account, each a snapshot of the values at its time.
        for _ in range(rng.choice((0, 1, 1, 2, 2, 3, 4, 6))):
            when = self._between(created, end)
            self._order(p, rec, when, False, change)

    def _order(self, p, account, at, anchor, change, status=None, ordered_at=None) -> Rec:
        rng = self.rng
        clean = anchor
        email = self._email_value(p, at, change, clean) if account is None else None
        if account is not None:
            email = account.emails[0] if account.emails else self._email_value(p, at, change)
        phone = self.truth_phone(p) if clean else (
            p.mobile if rng.random() < self.profile.order_phone_rate else None)  # fmt: skip
        address = self._address_at(p, at, change)
        first, last = self._first_name(p, clean), self._last_name(p, at, clean, change)
        first, last = self._maybe_swapped(first, last, clean)
        surfaced = self._address_surface(p, address, clean)
        shown_email = self._email_surface(p, email, clean, plus=True)
        currency = COUNTRIES[p.country].currency
        if rng.random() < 0.04:
            currency = rng.choice(FOREIGN_CURRENCIES)
        lines, total = [], 0
        for number in range(1, rng.choice((1, 1, 2, 2, 3, 4)) + 1):
            category, low, high = rng.choice(CATEGORIES)
            qty = rng.choice((1, 1, 1, 2, 3))
            price = rng.randint(low, high)
            total += qty * price
            sku = f"{category[:3].upper()}-{rng.randint(1000, 9999)}"
            lines.append([number, sku, category, qty, price])
        status = status or rng.choices(("paid", "pending", "cancelled", "refunded"),
                                       weights=(82, 4, 7, 7))[0]  # fmt: skip
        when = ordered_at or at
        rec = Rec("shop_orders", [
            None, account if account is not None else "", shown_email,
            self._phone_surface(phone, clean), first, last, *surfaced, p.country,
            self._ts(when, p.country), currency, _cents(total), status,
        ], p.idx, at)  # fmt: skip
        rec.protected = anchor
        self._expose_names(rec, p, first, last)
        self._expose_address(rec, surfaced, address, p)
        self._expose_contact(rec, p, email, shown_email, phone)
        rec.meta = {"currency": currency, "cents": total, "status": status, "when": when}
        self._add(rec)
        for number, sku, category, qty, price in lines:
            line = Rec("shop_order_lines", [rec, str(number), sku, category, str(qty),
                                            _cents(price)], None, when)  # fmt: skip
            line.meta = {"order": rec}
            self._add(line)
        self.orders.setdefault(p.idx, []).append(rec)
        return rec

    def _home_store(self, p: PersonCore) -> int:
        if p.store is not None:
            return p.store
        stores = self.stores_by_country.get(p.country) or list(range(len(self.world.stores)))
        return stores[p.idx % len(stores)]

    def _loyalty(self, p, at, start, end, anchor, change) -> None:
        rng = self.rng
        store = self._home_store(p)
        email = self._email_value(p, at, change)
        shown_email = self._email_surface(p, email, False, plus=False)
        if p.idx in self.form_email_store:  # the clerk typed their own email on the form
            store = self.form_email_store.pop(p.idx)
            email = self.world.stores[store].employee_email
            shown_email = email if rng.random() < 0.7 else email.upper()
            rec_trap = f"employee_email:{store}"
        else:
            rec_trap = None
            if rng.random() < self.profile.loyalty_missing_email_rate:
                email, shown_email = None, ""
        phone = self._record_phone(p, 0.4 if p.shares_landline else 0.05)
        if rng.random() < self.profile.loyalty_missing_phone_rate:
            phone = None
        first, last = p.first, self._last_name(p, at, False, change)
        full_name = self._full_name(p, first, last)
        has_birth = rng.random() < self.profile.loyalty_birth_rate
        value, donor = self._birth_value(p) if has_birth else (p.birth, None)
        birth = fmt_loyalty_date(rng, value, self.as_of) if has_birth else ""
        signup = at.date()
        opt_in = rng.choice(("Y", "N", "yes", "no", "1", "0", "x", "", "", "Y", "N"))
        rec = Rec("loyalty_members", [
            None, full_name, shown_email, self._phone_surface(phone, False, intl=0.15), birth,
            self.world.stores[store].store_id, fmt_loyalty_date(rng, signup, self.as_of), opt_in,
        ], p.idx, at)  # fmt: skip
        rec.protected = True  # POS rows point at the card; its key must survive
        if fold(full_name) == fold(f"{p.first} {p.last}"):
            rec.exposes.update(("first_name", "last_name"))
        if rec_trap:
            rec.traps.append(rec_trap)
            rec.emails.append(email)  # the customer's card now holds the clerk's email
        elif email:
            self._expose_contact(rec, p, email, shown_email, None)
        if phone is not None:
            self._expose_contact(rec, p, None, "", phone)
        if birth and donor is None:
            rec.exposes.add("birth_date")
        rec.meta = {"opt_in": opt_in, "signup": signup, "birth_col": 4, "store": store}
        if donor is not None:
            rec.meta["birth_of"] = donor.idx
        self._add(rec)
        self.cards.setdefault(p.idx, []).append(rec)

    def _full_name(self, p: PersonCore, first: str, last: str) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.35:
            text = f"{first} {last}"
        elif roll < 0.5:
            text = f"{last.upper()}, {first}"
        elif roll < 0.6:
            title = {"M": "Mr", "F": rng.choice(("Mrs", "Ms"))}[p.gender]
            text = f"{title} {first} {last}"
        elif roll < 0.7:
            text = f"{first[0].lower()}. {last.lower()}"
        elif roll < 0.8 and first in self.nicknames:
            text = f"{rng.choice(self.nicknames[first])} {last}"
        elif roll < 0.9:
            text = (
                f"{typo(rng, first)} {last}" if rng.random() < 0.5 else f"{first} {typo(rng, last)}"
            )
        else:
            text = f"{first} {last}".upper()
        return self._surface(text) if rng.random() < 0.3 else text

    def _ticket(self, p, at, anchor, change, household: bool = False) -> None:
        rng = self.rng
        email = self._email_value(p, at, change)
        if rng.random() < self.profile.ticket_missing_email_rate:
            email = None
        phone = self._record_phone(p, 0.2) if rng.random() < 0.5 else None
        name_only = self.profile.ticket_name_only_rate
        if not household and name_only and rng.random() < name_only:
            email = phone = None  # a name on a phone call or chat, and nothing else
        if household:
            email = p.family_email or email
            phone = p.landline if p.shares_landline else phone
        shown_email = self._email_surface(p, email, False, plus=False)
        last = self._last_name(p, at, False, change)
        roll = rng.random()
        if roll < 0.4:
            name = f"{p.first} {last}"
        elif roll < 0.55:
            name = p.first
        elif roll < 0.7:
            name = f"{p.first[0]}. {last}"
        elif roll < 0.8:
            name = f"{p.first.lower()} {last[0].lower()}"
        elif roll < 0.9:
            name = f"{last} {p.first}"
        else:
            name = ""
        status = rng.choices(TICKET_STATUSES, weights=(5, 10, 5, 40, 40))[0]
        solved = ""
        if status in ("solved", "closed"):
            solved_at = min(at + timedelta(hours=rng.uniform(0.2, 120)), self.as_of_dt)
            solved = self._ts(solved_at, p.country)
        satisfaction = rng.choice(("good", "good", "bad", "", "")) if solved else ""
        channel = rng.choices(("email", "phone", "chat", "social"), weights=(45, 25, 25, 5))[0]
        rec = Rec("support_tickets", [
            None, shown_email, self._phone_surface(phone, False, intl=0.2), name, channel,
            self._ts(at, p.country), solved, status, satisfaction,
        ], p.idx, at)  # fmt: skip
        self._expose_contact(rec, p, email, shown_email, phone)
        if fold(name) == fold(f"{p.first} {p.last}"):
            rec.exposes.update(("first_name", "last_name"))
        self._add(rec)

    def _pos(self, p: PersonCore, start: datetime, end: datetime) -> None:
        rng = self.rng
        cards = [c for c in self.cards.get(p.idx, []) if c.meta.get("store") is not None]
        tokens = self.tokens.setdefault(p.idx, [])
        for _ in range(rng.choice((1, 1, 2))):
            tokens.append(f"tok_{rng.getrandbits(64):016x}")
        store = self._home_store(p)
        count = rng.choice((1, 2, 3, 4, 5, 6, 8, 10, 12)) if cards else rng.choice((1, 1, 2, 3))
        last_amount = 0
        for _ in range(count):
            when = self._between(max(start, cards[0].at if cards else start), end)
            card = rng.choice(cards) if cards and rng.random() < 0.85 else None
            token = rng.choice(tokens) if rng.random() < 0.7 else ""
            amount = rng.randint(150, 15000)
            if last_amount and rng.random() < 0.05:
                amount = -last_amount  # a refund of an earlier purchase
            last_amount = amount if amount > 0 else 0
            self._pos_row(p.idx, store, card, token, when, amount)

    def _pos_row(self, person, store, card, token, when, amount) -> Rec:
        spec = self.world.stores[store]
        rec = Rec("pos_transactions", [
            None, spec.store_id, card if card is not None else "", token,
            when.strftime("%Y-%m-%d %H:%M:%S"), COUNTRIES[spec.country].currency, _cents(amount),
        ], person, when)  # fmt: skip
        rec.meta = {"card": card, "token": token, "cents": amount, "when": when,
                    "currency": COUNTRIES[spec.country].currency}  # fmt: skip
        return self._add(rec)

    def _emit_house_cards(self) -> None:
        """Chunk 0 holds the staff; each house card is registered to its store's employee."""
        for store in self.world.stores:
            employee = self.by_idx.get(store.employee_idx)
            if store.house_card is None or employee is None:
                continue
            at = self.as_of_dt - timedelta(days=3000 + store.employee_idx)
            rec = Rec("loyalty_members", [
                None, f"{employee.first} {employee.last}", store.employee_email, "", "",
                store.store_id, fmt_iso_date(at.date()), "",
            ], employee.idx, at)  # fmt: skip
            rec.key = store.house_card
            rec.protected = True
            rec.traps.append(f"house_card:{store.store_id}")
            rec.meta = {"opt_in": "", "signup": at.date(), "birth_col": 4, "store": None}
            rec.emails.append(store.employee_email)
            self._add(rec)

    def _emit_walk_ins(self) -> None:
        """Walk-in customers paying while the clerk scans the store's house card."""
        rng = self.rng
        for payer, store in self.walk_ins:
            p = self.by_idx[payer]
            spec = self.world.stores[store]
            tokens = self.tokens.get(payer) or []
            token = rng.choice(tokens) if tokens and rng.random() < 0.75 else ""
            when = self._between(self.as_of_dt - timedelta(days=700), self.as_of_dt)
            rec = self._pos_row(p.idx, store, None, token, when, rng.randint(200, 9000))
            rec.meta["house_card"] = spec.house_card
            rec.row[2] = spec.house_card
            rec.traps.append(f"house_card:{spec.store_id}")

    # --- web ---------------------------------------------------------------------------

    def _cookie(self) -> Cookie:
        cookie = Cookie(_uuid(self.rng))
        self.cookies.append(cookie)
        return cookie

    def _event(self, cookie, when, kind, country, user=None, device="", email="", order=None):
        rng = self.rng
        sku = f"{rng.choice(CATEGORIES)[0][:3].upper()}-{rng.randint(1000, 9999)}"
        if kind == "product_view":
            page = f"/p/{sku}"
        elif kind in ("add_to_cart", "checkout_started"):
            page = "/cart" if kind == "add_to_cart" else "/checkout"
        elif kind == "order_completed":
            page = "/checkout/thank-you"
        elif kind in ("login", "signup"):
            page = "/account/" + kind
        elif kind == "newsletter_signup":
            page = "/newsletter"
        else:
            page = rng.choice(PAGES).format(cat=rng.choice(CATEGORIES)[0], sku=sku)
        rec = Rec("web_events", [
            f"{rng.getrandbits(96):024x}", self._ts(when, country), cookie.anonymous_id,
            user if user is not None else "", device, kind, email,
            order if order is not None else "", SHOP_HOST + page,
        ], None, when)  # fmt: skip
        if user is not None:
            cookie.accounts.append(user)
        if email:
            cookie.emails.append(email.strip().lower())
        if order is not None:
            cookie.orders.append(order)
            order.protected = True
        if device:
            cookie.devices.append(device)
        self._add(rec)

    def _browse(self, cookie, start, end, country, user=None, device="", n=None) -> datetime:
        when = self._between(start, end)
        for _ in range(n if n is not None else self.rng.choice((1, 2, 3))):
            kind = self.rng.choice(("page_view", "page_view", "product_view", "add_to_cart"))
            self._event(cookie, when, kind, country, user=user, device=device)
            when += timedelta(seconds=self.rng.randint(5, 400))
        return when

    def _web(self, p: PersonCore, start: datetime, end: datetime) -> None:
        rng = self.rng
        recent = max(start, self.as_of_dt - timedelta(days=730))
        if recent >= end:
            recent = start
        accounts = [a for a in self.accounts.get(p.idx, []) if a.version_of is None]
        orders = [o for o in self.orders.get(p.idx, []) if o.meta["when"] <= self.as_of_dt]
        cc = p.country
        if p.shared_cookie and accounts:
            partner = next(q for q in self.people if q.household == p.household and q is not p)
            if partner.idx < p.idx and self.accounts.get(partner.idx):
                shared = self._cookie()
                for account in (self.accounts[partner.idx][0], accounts[0]):
                    when = self._browse(shared, recent, end, cc, n=1)
                    self._event(
                        shared,
                        when,
                        "login",
                        cc,
                        user=account,
                        email=account.row[1] if rng.random() < 0.5 else "",
                    )
                    self._browse(shared, when, when + timedelta(hours=1), cc, user=account)
        if accounts and rng.random() < 0.7:
            account = rng.choice(accounts)
            for _ in range(rng.choice((1, 1, 2))):
                cookie = self._cookie()
                when = self._browse(cookie, recent, end, cc)
                self._event(
                    cookie,
                    when,
                    rng.choice(("login", "login", "signup")),
                    cc,
                    user=account,
                    email=account.row[1] if rng.random() < 0.6 else "",
                )
                when = self._browse(cookie, when, when + timedelta(hours=2), cc, user=account)
                mine = [o for o in orders if o.row[1] is account]
                if mine and rng.random() < 0.5:
                    self._event(cookie, when, "checkout_started", cc, user=account)
                    self._event(
                        cookie,
                        when + timedelta(seconds=90),
                        "order_completed",
                        cc,
                        user=account,
                        order=rng.choice(mine),
                    )
            if rng.random() < 0.3:  # the app: one install logs in, a reinstall never does
                device = _uuid(rng).upper()
                cookie = self._cookie()
                when = self._browse(cookie, recent, end, cc, device=device, n=1)
                self._event(cookie, when, "login", cc, user=account, device=device)
                again = self._cookie()
                self._browse(again, when, end, cc, device=device)
        guest = [o for o in orders if o.row[1] == ""]
        if guest and rng.random() < 0.4:
            cookie = self._cookie()
            order = rng.choice(guest)
            when = order.meta["when"] - timedelta(minutes=rng.randint(3, 30))
            self._browse(cookie, when - timedelta(minutes=30), when, cc, n=2)
            self._event(cookie, when, "checkout_started", cc)
            self._event(cookie, order.meta["when"], "order_completed", cc, order=order)
        email = self.truth_email(p)
        if email and not accounts and rng.random() < 0.12:
            cookie = self._cookie()
            when = self._browse(cookie, recent, end, cc, n=2)
            self._event(
                cookie,
                when,
                "newsletter_signup",
                cc,
                email=email if rng.random() < 0.8 else email.upper(),
            )
        if rng.random() < 0.12:  # browsing that never identifies anyone
            self._browse(self._cookie(), recent, end, cc)

    # --- consent and erasure -----------------------------------------------------------

    def _policy(self, when: datetime) -> str:
        if when.year < 2018:
            return "v1"
        return "v2" if when.year < 2021 else "v3" if when.year < 2024 else "v4"

    def _consent(self, subject_type, canonical, shown, purpose, status, source, when, country,
                 person=None) -> Rec:  # fmt: skip
        rec = Rec("consent_events", [
            None, subject_type, shown, purpose, status, source, self._ts(when, country),
            self._policy(when),
        ], person, when)  # fmt: skip
        rec.meta = {"type": subject_type, "value": canonical, "purpose": purpose,
                    "status": status, "when": when}  # fmt: skip
        return self._add(rec)

    def _subjects(self, p: PersonCore) -> list[tuple[str, object, str]]:
        """(subject_type, canonical value or record, raw value) a consent can name."""
        rng = self.rng
        subjects: list[tuple[str, object, str]] = []
        if p.email and p.store is None:
            shown = p.email if rng.random() < 0.7 else vary_case(rng, p.email)
            subjects += [("email", p.email, shown)] * 3
        if p.mobile is not None and p.store is None:
            style = "e164" if rng.random() < 0.5 else "international"
            subjects.append(("phone", p.mobile.e164, format_phone(rng, p.mobile, style)))
        for subject_type, recs in (("shop_customer_id", self.accounts.get(p.idx)),
                                   ("crm_contact_id", self.contacts.get(p.idx)),
                                   ("loyalty_card_number", self.cards.get(p.idx))):  # fmt: skip
            if recs:
                rec = rng.choice(recs)
                subjects.append((subject_type, rec, rec))
        return subjects

    def _consents(self, p: PersonCore, start: datetime, end: datetime) -> None:
        rng = self.rng
        cc = p.country
        if rng.random() < 0.35:
            subjects = self._subjects(p)
            if not subjects:
                return
            for _ in range(rng.choice((1, 1, 2, 3, 4, 5))):
                subject_type, canonical, shown = rng.choice(subjects)
                if isinstance(canonical, Rec):
                    canonical.protected = True  # a consent names its key: keep the key
                purpose = rng.choice(("email_marketing", "email_marketing", "sms_marketing",
                                      "profiling", "third_party_sharing"))  # fmt: skip
                status = rng.choices(("granted", "denied", "withdrawn"), weights=(55, 20, 25))[0]
                source = "esp_unsubscribe" if status == "withdrawn" and rng.random() < 0.4 \
                    else rng.choice(("preference_center", "shop_checkout", "crm", "loyalty_form",
                                     "support"))  # fmt: skip
                when = self._between(start, end)
                self._consent(subject_type, canonical, shown, purpose, status, source, when, cc,
                              p.idx)  # fmt: skip
                if rng.random() < 0.08:  # same instant, another status: restrictive wins
                    other = rng.choice(
                        [s for s in ("granted", "denied", "withdrawn") if s != status]
                    )
                    self._consent(subject_type, canonical, shown, purpose, other, source, when,
                                  cc, p.idx)  # fmt: skip
        accounts = self.accounts.get(p.idx)
        if accounts and p.email and p.store is None and rng.random() < 0.05:
            account = accounts[0]  # an unsubscribe at the very instant the shop says yes
            self._consent("email", p.email, p.email, "email_marketing", "withdrawn",
                          "esp_unsubscribe", account.meta["updated"], cc, p.idx)  # fmt: skip
        if p.family_email and rng.random() < 0.5:
            self._consent("email", p.family_email, p.family_email, "email_marketing",
                          rng.choice(("granted", "withdrawn")), "preference_center",
                          self._between(start, end), cc, p.idx)  # fmt: skip
        if p.shares_landline and p.landline and rng.random() < 0.2:
            self._consent("phone", p.landline.e164, format_phone(rng, p.landline, "e164"),
                          "sms_marketing", "denied", "support", self._between(start, end), cc,
                          p.idx)  # fmt: skip

    def _emit_erasures(self) -> None:
        rng = self.rng
        eligible = [p for p in self.people if p.store is None and p.email and
                    not p.family_email and not p.twin]  # fmt: skip
        count = max(1, round(0.005 * len(self.people)))
        for p in rng.sample(eligible, min(count, len(eligible))):
            self._erasure(p, self._between(self.as_of_dt - timedelta(days=400), self.as_of_dt))

    def _erasure(self, p: PersonCore, when: datetime) -> Rec:
        rng = self.rng
        if p.mobile is not None and rng.random() < 0.25:
            style = rng.choice(("e164", "international"))
            canonical, subject_type = p.mobile.e164, "phone"
            shown = format_phone(rng, p.mobile, style)
        else:
            canonical, subject_type = p.email, "email"
            shown = p.email if rng.random() < 0.7 else vary_case(rng, p.email)
        rec = Rec("erasure_requests", [None, subject_type, shown, self._ts(when, p.country)],
                  p.idx, when)  # fmt: skip
        rec.meta = {"type": subject_type, "value": canonical, "when": when}
        return self._add(rec)
