"""The people behind the records: true attributes, households, stores and staff.

Cores are drawn sequentially in the main process, chunk by chunk, because identifiers
(emails, phones) must be unique across the whole population unless a trap shares them
on purpose; a compact bitset registry keeps that check cheap for millions of people.
Everything a record needs that is random but not an identifier is drawn later, in the
chunk's worker.
"""

from __future__ import annotations

import itertools
import math
import random
import zlib
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import names
from .noise import german_fold, strip_accents, typo
from .places import (
    COUNTRIES,
    COUNTRY_CODES,
    COUNTRY_WEIGHTS,
    City,
    Phone,
    draw_landline_nsn,
    draw_mobile_nsn,
    draw_postcode,
    draw_street,
)
from .profiles import Profile, get_profile
from .schema import PLACEHOLDER_EMAILS, PLACEHOLDER_PHONES

CHUNK_SIZE = 1000  # persons per chunk; part of the output's identity, so fixed
DOMAIN_TYPOS: dict[str, tuple[str, ...]] = {
    "gmail.com": ("gmial.com", "gmal.com", "gmail.con", "gmail.co", "gnail.com"),
    "hotmail.com": ("hotmial.com", "hotmal.com", "hotmail.con"),
    "hotmail.co.uk": ("hotmial.co.uk", "hotmail.co", "hotmal.co.uk"),
    "hotmail.fr": ("hotmial.fr", "hotmail.ft"),
    "hotmail.it": ("hotmial.it", "hotmal.it"),
    "yahoo.com": ("yaho.com", "yahooo.com"),
    "yahoo.co.uk": ("yaho.co.uk", "yahoo.co"),
    "outlook.com": ("outlok.com", "outloo.com"),
    "icloud.com": ("iclod.com", "icloud.co"),
    "web.de": ("wed.de", "web.d"),
    "gmx.de": ("gmx.d", "gxm.de"),
}


@dataclass(frozen=True, slots=True)
class Address:
    street: str
    city: City
    postcode: str


@dataclass(slots=True)
class PersonCore:
    """A person's true attributes and the hidden structure the traps need."""

    idx: int
    person_id: str
    country: str
    gender: str
    first: str
    last: str  # current surname
    birth: date
    address: Address
    email: str | None = None  # current, lower case
    old_email: str | None = None
    email_typos: dict[str, str] = field(default_factory=dict)  # email -> a unique misspelling
    mobile: Phone | None = None
    landline: Phone | None = None
    maiden: str | None = None  # surname before marriage, on older records
    old_address: Address | None = None
    household: int = 0
    family_email: str | None = None  # shared with another household member
    only_family_email: bool = False  # uses no email of their own
    shares_landline: bool = False
    twin: bool = False
    shared_cookie: bool = False  # logs in on a computer shared with a household member
    store: int | None = None  # index of the store they work at
    common_name: str | None = None  # trap group for strangers with this exact name


@dataclass(frozen=True, slots=True)
class Store:
    store_id: str
    country: str
    employee_idx: int
    employee_email: str
    house_card: str | None  # the store's default card, registered to the employee
    employee_email_on_forms: bool  # the employee types their own email on forms


@dataclass(frozen=True, slots=True)
class World:
    """What every chunk needs to know: the stores and their staff."""

    stores: tuple[Store, ...]

    def house_card_stores(self) -> list[int]:
        return [i for i, s in enumerate(self.stores) if s.house_card]

    def email_trap_stores(self) -> list[int]:
        return [i for i, s in enumerate(self.stores) if s.employee_email_on_forms]


class Registry:
    """Remembers identifier values in a bitset so new ones can be kept unique.

    A hash collision only makes a fresh value look taken (then another is drawn), so the
    check never lets a duplicate through and stays deterministic.
    """

    def __init__(self, expected: int) -> None:
        bits = 1 << max(20, min(31, math.ceil(math.log2(max(expected, 1) * 64))))
        self._mask = bits - 1
        self._bits = bytearray(bits >> 3)

    def _slot(self, value: str) -> int:
        data = value.encode()
        return (zlib.crc32(data) ^ (zlib.adler32(data) << 7)) & self._mask

    def taken(self, value: str) -> bool:
        slot = self._slot(value)
        return bool(self._bits[slot >> 3] & (1 << (slot & 7)))

    def add(self, value: str) -> None:
        slot = self._slot(value)
        self._bits[slot >> 3] |= 1 << (slot & 7)

    def claim(self, value: str) -> bool:
        """Register value if free; tell whether it was."""
        if self.taken(value):
            return False
        self.add(value)
        return True


def luhn_complete(body: str) -> str:
    """Append a Luhn check digit, as real card numbers carry one."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return body + str((10 - total % 10) % 10)


def person_id(idx: int) -> str:
    return f"P{idx + 1:07d}"


def n_stores(persons: int) -> int:
    return max(len(COUNTRY_CODES), min(120, persons // 2500))


def _zipf_cum(n: int, s: float, total: float = 1.0) -> list[float]:
    weights = [total / (rank + 1) ** s for rank in range(n)]
    return list(itertools.accumulate(weights))


class _NameBook:
    """Weighted name draws per country (common names really are common)."""

    def __init__(self, pool: str = "default") -> None:
        self.pool = names.POOLS[pool]()
        self.nicknames = self.pool.nicknames
        self.first: dict[tuple[str, str], tuple[list[str], list[float]]] = {}
        self.top_last: dict[str, tuple[list[str], list[float]]] = {}
        self.tail_last: dict[str, list[str]] = {}
        for cc in COUNTRY_CODES:
            for g in "MF":
                given = (self.pool.male if g == "M" else self.pool.female)[cc]
                self.first[cc, g] = (given, _zipf_cum(len(given), self.pool.first_exponent))
            top = self.pool.top_last[cc]
            self.top_last[cc] = (top, _zipf_cum(len(top), self.pool.last_exponent))
            self.tail_last[cc] = self.pool.tail_last[cc]
        self.common: frozenset[str] = frozenset(
            f"{f} {la}" for cc in COUNTRY_CODES for f, la in self.common_names(cc)
        )

    def first_name(self, rng: random.Random, cc: str, gender: str) -> str:
        pool, cum = self.first[cc, gender]
        return rng.choices(pool, cum_weights=cum)[0]

    def surname(self, rng: random.Random, cc: str) -> str:
        last = self._one_surname(rng, cc)
        share, joiner = self.pool.double_surname.get(cc, (0.0, " "))
        if share and rng.random() < share:  # Spaniards carry two surnames
            second = self._one_surname(rng, cc)
            if second != last and " " not in last + second:  # keep particles whole
                last = f"{last}{joiner}{second}"
        return last

    def _one_surname(self, rng: random.Random, cc: str) -> str:
        if rng.random() < self.pool.top_last_share:
            pool, cum = self.top_last[cc]
            return rng.choices(pool, cum_weights=cum)[0]
        return rng.choice(self.tail_last[cc])

    def common_names(self, cc: str) -> list[tuple[str, str]]:
        """The names the `same_common_name` trap tracks: top 3 given x top 3 surnames."""
        firsts = self.first[cc, "M"][0][:3] + self.first[cc, "F"][0][:3]
        return [(f, la) for f in firsts for la in self.top_last[cc][0][:3]]


NAME_BOOK = _NameBook()
COMMON_NAMES: frozenset[str] = NAME_BOOK.common
_BOOKS: dict[str, _NameBook] = {"default": NAME_BOOK}


def name_book(pool: str) -> _NameBook:
    """The name book of a pool (names.POOLS), built once per process."""
    if pool not in _BOOKS:
        _BOOKS[pool] = _NameBook(pool)
    return _BOOKS[pool]


def _slug(rng: random.Random, text: str) -> str:
    folded = german_fold(text) if rng.random() < 0.3 else strip_accents(text)
    return "".join(ch for ch in folded.lower() if ch.isalnum())


class CoreGenerator:
    """Draws people chunk by chunk, sequentially, with globally unique identifiers."""

    def __init__(
        self, seed: int, persons: int, as_of: date, profile: Profile | str | None = None
    ) -> None:
        self.profile = get_profile(profile)
        self.book = name_book(self.profile.name_pool)
        self.country_weights = self.profile.country_weights or COUNTRY_WEIGHTS
        self.seed = seed
        self.persons = persons
        self.as_of = as_of
        self.rng = random.Random(f"{seed}:core")
        self.registry = Registry(persons * 4)
        for value in PLACEHOLDER_EMAILS + PLACEHOLDER_PHONES:
            self.registry.add(value)
        self._household = 0
        self.world: World | None = None

    # --- identifiers -------------------------------------------------------

    def _email(self, first: str, last: str, birth: date, cc: str, prefix: str = "") -> str:
        rng = self.rng
        f, la = _slug(rng, first), _slug(rng, last.split(" ")[-1] if cc == "NL" else last)
        la = la or "x"
        domains, weights = zip(*COUNTRIES[cc].domains, strict=True)
        domain = rng.choices(domains, weights=weights)[0]
        local = prefix or rng.choice(
            (f"{f}.{la}", f"{f}.{la}", f"{f}{la}", f"{f[0]}.{la}", f"{f[0]}{la}", f"{f}_{la}",
             f"{la}.{f}", f"{f}.{la[0]}", f"{la}{f[0]}", f)
        )  # fmt: skip
        roll = rng.random()
        if roll < 0.35:
            suffix = ""
        elif roll < 0.55:
            suffix = f"{birth.year % 100:02d}"
        elif roll < 0.65:
            suffix = str(birth.year)
        else:
            suffix = str(rng.randint(1, 999))
        for attempt in range(40):
            candidate = f"{local}{suffix}@{domain}"
            if self.registry.claim(candidate):
                return candidate
            suffix = str(rng.randint(1, 99 if attempt < 5 else 9999))
        raise RuntimeError("could not find a free email address")  # pragma: no cover

    def _email_typo(self, email: str) -> str:
        """A misspelling of email that belongs to nobody else."""
        rng = self.rng
        local, domain = email.rsplit("@", 1)
        for _ in range(20):
            if domain in DOMAIN_TYPOS and rng.random() < 0.5:
                candidate = f"{local}@{rng.choice(DOMAIN_TYPOS[domain])}"
            else:
                candidate = f"{typo(rng, local, rng.choice((1, 1, 2)))}@{domain}"
            if candidate != email and "@" in candidate and self.registry.claim(candidate):
                return candidate
        return email

    def _phone(self, cc: str, city: City, mobile: bool) -> Phone:
        for _ in range(200):
            if mobile:
                phone = Phone(cc, draw_mobile_nsn(self.rng, cc, city), True)
            else:
                nsn, area_len = draw_landline_nsn(self.rng, cc, city)
                phone = Phone(cc, nsn, False, area_len)
            if self.registry.claim(phone.e164):
                return phone
        raise RuntimeError("could not find a free phone number")  # pragma: no cover

    def _address(self, cc: str, city: City | None = None) -> Address:
        city = city or self.rng.choice(COUNTRIES[cc].cities)
        return Address(draw_street(self.rng, cc), city, draw_postcode(self.rng, city))

    # --- people ------------------------------------------------------------

    def _birth(self) -> date:
        age_days = int(self.rng.triangular(18.2, 85, 38) * 365.25)
        return self.as_of - timedelta(days=age_days)

    def _person(self, idx: int, cc: str, gender: str | None = None, **known) -> PersonCore:
        rng = self.rng
        gender = gender or rng.choice("MF")
        first = known.pop("first", None) or self.book.first_name(rng, cc, gender)
        last = known.pop("last", None) or self.book.surname(rng, cc)
        birth = known.pop("birth", None) or self._birth()
        address = known.pop("address", None) or self._address(cc)
        p = PersonCore(idx, person_id(idx), cc, gender, first, last, birth, address, **known)
        p.household = self._household
        if f"{first} {last}" in self.book.common:
            p.common_name = f"{first} {last}"
        return p

    def _give_identifiers(self, p: PersonCore, need_email: bool = False) -> None:
        rng = self.rng
        if not p.only_family_email and (need_email or rng.random() < self.profile.email_rate):
            p.email = self._email(p.first, p.last, p.birth, p.country)
            if rng.random() < 0.15:  # changed address book entry: an older email on old records
                p.old_email = self._email(p.first, p.maiden or p.last, p.birth, p.country)
        for email in (p.email, p.old_email):
            if email:
                p.email_typos[email] = self._email_typo(email)
        if rng.random() < self.profile.mobile_rate:
            p.mobile = self._phone(p.country, p.address.city, mobile=True)
        if rng.random() < 0.2:
            p.old_address = self._address(p.country)

    def _new_household(self) -> None:
        self._household += 1

    def _single(self, idx: int, cc: str | None = None, **known) -> PersonCore:
        self._new_household()
        cc = cc or self.rng.choices(COUNTRY_CODES, weights=self.country_weights)[0]
        p = self._person(idx, cc, **known)
        self._give_identifiers(p, need_email=known.get("store") is not None)
        return p

    def _couple(self, idx: int, kind: str) -> list[PersonCore]:
        """Two adults at one address; kind: plain, family_email, landline, cookie."""
        rng = self.rng
        self._new_household()
        cc = rng.choices(COUNTRY_CODES, weights=self.country_weights)[0]
        a = self._person(idx, cc, "M" if rng.random() < 0.9 else "F")
        b = self._person(idx + 1, cc, "F" if a.gender == "M" else "M", address=a.address)
        while b.first == a.first:
            b.first = self.book.first_name(rng, cc, b.gender)
        if rng.random() < 0.55 and b.last != a.last:  # married: b took a's surname
            b.maiden, b.last = b.last, a.last
        b.common_name = f"{b.first} {b.last}" if f"{b.first} {b.last}" in self.book.common else None
        if kind == "family_email":
            shared = self._email("family", a.last, a.birth, cc, prefix=self._family_local(a, b))
            for p in (a, b):
                p.family_email = shared
            rng.choice((a, b)).only_family_email = True
        for p in (a, b):
            self._give_identifiers(p, need_email=kind == "cookie")
        if kind == "family_email":
            a.email_typos[a.family_email] = self._email_typo(a.family_email)
            b.email_typos[b.family_email] = a.email_typos[a.family_email]
        if kind in ("landline", "cookie") or rng.random() < self.profile.couple_extra_landline_rate:
            landline = self._phone(cc, a.address.city, mobile=False)
            a.landline = b.landline = landline
            a.shares_landline = b.shares_landline = kind == "landline" or rng.random() < 0.5
        a.shared_cookie = b.shared_cookie = kind == "cookie"
        return [a, b]

    def _family_local(self, a: PersonCore, b: PersonCore) -> str:
        share = self.profile.opaque_family_email_share
        if share and self.rng.random() < share:
            return self._opaque_family_local(a)
        la, fa, fb = (_slug(self.rng, x) for x in (a.last, a.first, b.first))
        return self.rng.choice((f"{la}family", f"the{la}s", f"{fa}and{fb}", f"{fa}.{fb}.{la}"))

    def _opaque_family_local(self, a: PersonCore) -> str:
        """A household's email that spells no given name (`thesmiths`, `home123`)."""
        rng = self.rng
        la = _slug(rng, a.last) or "x"
        city = _slug(rng, a.address.city.name)
        return rng.choice((
            f"the{la}s", f"home{rng.randint(1, 999)}", f"familie.{la}", f"{la}.home",
            f"casa.{la}", f"{la}{rng.randint(1, 99)}", f"info.{la}", f"{la}clan",
            f"mail.{la}", f"{la}house", f"ourhome{rng.randint(1, 99)}", f"{city}.{la}",
        ))  # fmt: skip

    def _twins(self, idx: int) -> list[PersonCore]:
        rng = self.rng
        self._new_household()
        cc = rng.choices(COUNTRY_CODES, weights=self.country_weights)[0]
        birth = self.as_of - timedelta(days=int(rng.uniform(19, 45) * 365.25))
        a = self._person(idx, cc, birth=birth)
        b = self._person(idx + 1, cc, rng.choice("MF"), last=a.last, birth=birth,
                         address=a.address)  # fmt: skip
        while b.first == a.first:
            b.first = self.book.first_name(rng, cc, b.gender)
        b.common_name = f"{b.first} {b.last}" if f"{b.first} {b.last}" in self.book.common else None
        for p in (a, b):
            p.twin = True
            self._give_identifiers(p)
        if rng.random() < 0.7:
            a.landline = b.landline = self._phone(cc, a.address.city, mobile=False)
            a.shares_landline = b.shares_landline = True
        return [a, b]

    def _family(self, idx: int) -> list[PersonCore]:
        """Three to eight adults at one address: parents and grown-up children, a single
        parent, three generations, or adult siblings (with a partner). They share the address
        and, at the profile's rates, one landline and one family email."""
        rng, prof = self.rng, self.profile
        self._new_household()
        size = rng.choice(prof.family_size)
        cc = rng.choices(COUNTRY_CODES, weights=self.country_weights)[0]
        address = self._address(cc)
        members: list[PersonCore] = []

        def born(age: float) -> date:
            return self.as_of - timedelta(days=int(max(18.3, age) * 365.25))

        def add(age: float, gender: str | None = None, last: str | None = None) -> PersonCore:
            p = self._person(idx + len(members), cc, gender or rng.choice("MF"), birth=born(age),
                             last=last, address=address)  # fmt: skip
            while any(q.first == p.first for q in members):
                p.first = self.book.first_name(rng, cc, p.gender)
            members.append(p)
            return p

        def partner(of: PersonCore, age: float) -> PersonCore:
            q = add(age, "F" if of.gender == "M" else "M")
            if cc != "ES" and rng.random() < 0.7:  # married and took the surname
                q.maiden, q.last = q.last, of.last
            return q

        def children(father: PersonCore, mother: PersonCore | None, count: int) -> None:
            youngest = (mother or father).birth
            top = (self.as_of - youngest).days / 365.25 - 19
            last = father.last
            if cc == "ES" and mother is not None:  # paternal then maternal first surname
                fa, mo = father.last.split(" "), (mother.maiden or mother.last).split(" ")
                if len(fa) == 2 and len(mo) == 2 and fa[0][0].isupper() and mo[0][0].isupper():
                    last = f"{fa[0]} {mo[0]}"
            kids = [add(rng.uniform(18.3, max(18.4, top)), last=last) for _ in range(count)]
            if len(kids) >= 2 and prof.family_twins_rate and rng.random() < prof.family_twins_rate:
                a, b = kids[0], kids[1]
                b.birth = a.birth
                a.twin = b.twin = True

        kind = rng.choices(("parents", "single_parent", "generations", "siblings"),
                           weights=(45, 15, 25, 15))[0]  # fmt: skip
        if kind == "parents":
            father = add(rng.uniform(42, 70), "M")
            mother = partner(father, (self.as_of - father.birth).days / 365.25 + rng.uniform(-6, 2))
            children(father, mother, size - 2)
        elif kind == "single_parent":
            parent = add(rng.uniform(40, 70))
            children(parent, None, size - 1)
        elif kind == "generations":
            grand = add(rng.uniform(70, 92), "M")
            if size >= 5:
                partner(grand, (self.as_of - grand.birth).days / 365.25 - rng.uniform(0, 5))
            age = (self.as_of - grand.birth).days / 365.25 - rng.uniform(22, 34)
            heir = add(age, "M" if rng.random() < 0.6 else "F", last=grand.last)
            other = partner(heir, age + rng.uniform(-4, 4))
            father, mother = (heir, other) if heir.gender == "M" else (other, heir)
            if heir.gender == "F" and cc != "ES" and rng.random() < 0.6:
                heir.maiden, heir.last = heir.last, other.last  # she took her husband's name
            children(father, mother, size - len(members))
        else:
            base = rng.uniform(20, 40)
            first = add(base)
            for _ in range(size - 1 - (size >= 4)):
                add(base + rng.uniform(-8, 8), last=first.last)
            if size >= 4:
                partner(rng.choice(members), base + rng.uniform(-5, 5))
        for p in members:
            p.common_name = f"{p.first} {p.last}" if f"{p.first} {p.last}" in self.book.common \
                else None  # fmt: skip

        users: list[PersonCore] = []
        if rng.random() < prof.family_email_rate:
            users = [p for p in members if rng.random() < 0.75]
            if len(users) < 2:
                users = rng.sample(members, 2)
            a, b = rng.sample(users, 2)
            shared = self._email("family", a.last, a.birth, cc, prefix=self._family_local(a, b))
            for p in users:
                p.family_email = shared
                p.only_family_email = rng.random() < prof.only_family_email_rate
        for p in members:
            self._give_identifiers(p)
        if users:
            misspelt = self._email_typo(users[0].family_email)
            for p in users:
                p.email_typos[p.family_email] = misspelt
        if rng.random() < prof.family_landline_rate:
            landline = self._phone(cc, address.city, mobile=False)
            for p in members:
                p.landline, p.shares_landline = landline, True
        return members

    # --- chunks ------------------------------------------------------------

    def build_world(self) -> World:
        """Stores and their employees: the first persons of chunk 0."""
        rng = random.Random(f"{self.seed}:stores")
        count = n_stores(self.persons)
        countries = list(COUNTRY_CODES) + rng.choices(
            COUNTRY_CODES, weights=self.country_weights, k=count - len(COUNTRY_CODES)
        )
        self._staff: list[PersonCore] = []
        stores = []
        for i, cc in enumerate(countries):
            employee = self._single(i, cc, store=i)
            self._staff.append(employee)
            house = luhn_complete(f"6300{i:08d}") if i % 3 == 1 else None
            stores.append(Store(f"{cc}{i + 1:03d}", cc, i, employee.email or "", house, i % 3 == 0))
        self.world = World(tuple(stores))
        return self.world

    def chunk(self, index: int) -> list[PersonCore]:
        """The persons of chunk `index` (chunks must be drawn in order)."""
        start = index * CHUNK_SIZE
        end = min(self.persons, start + CHUNK_SIZE)
        people: list[PersonCore] = list(self._staff) if index == 0 else []
        idx = start + len(people)
        size = end - start
        rng = self.rng

        def quota(rate: float, minimum: int) -> int:
            return max(minimum, round(rate * size))

        prof = self.profile
        plan = (
            ["twins"] * quota(prof.twins_rate, 2)
            + ["family_email"] * quota(prof.family_email_couple_rate, 2)
            + ["landline"] * quota(prof.landline_couple_rate, 2)
            + ["cookie"] * quota(prof.cookie_couple_rate, 1)
            + ["plain"] * quota(prof.plain_couple_rate, 1)
            + ["family"] * quota(prof.family_rate, 0)
        )
        rng.shuffle(plan)
        for kind in plan:
            if idx + (max(prof.family_size) if kind == "family" else 2) > end:
                continue  # households never span chunks
            if kind == "family":
                group = self._family(idx)
            elif kind == "twins":
                group = self._twins(idx)
            else:
                group = self._couple(idx, kind)
            people.extend(group)
            idx += len(group)
        # Strangers who share one very common name (and nothing else).
        for _ in range(quota(0.002, 1)):
            if idx + 3 > end:
                break
            cc = rng.choice(COUNTRY_CODES)
            first, last = rng.choice(self.book.common_names(cc)[:4])
            gender = "M" if first in self.book.first[cc, "M"][0] else "F"
            for _ in range(3):
                people.append(self._single(idx, cc, gender=gender, first=first, last=last))
                idx += 1
        while idx < end:
            people.append(self._single(idx))
            idx += 1
        return people
