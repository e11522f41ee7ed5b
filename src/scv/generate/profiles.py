"""Noise profiles: how the generated world differs from run to run of the generator.

The matcher is fitted to the data it is tested on; a generator with one fixed set of quirks
lets it learn those quirks. A profile is a small set of rates and shapes that `scv generate
--profile NAME` applies; every rate's default is the generator's historical behaviour, so
`default` writes exactly the bytes it always wrote for a seed (no extra random draws are made
when a rate is at its default of "off"). Output stays deterministic per (profile, seed).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace


@dataclass(frozen=True, slots=True)
class Profile:
    """One profile's parameters. Rates are probabilities in [0, 1].

    Rates "per person" are quotas per chunk of 1,000 people (so 0.01 is about ten groups).
    A record is "noisy" when it is not its person's newest, clean anchor record.
    """

    name: str = "default"
    description: str = "the generator's historical behaviour"

    # --- households (per person: groups drawn per chunk) -----------------------------------
    twins_rate: float = 0.01  # twin pairs (same surname, address and birth date)
    family_email_couple_rate: float = 0.01  # couples sharing one family email
    landline_couple_rate: float = 0.01  # couples sharing a landline
    cookie_couple_rate: float = 0.004  # couples logging in on one computer
    plain_couple_rate: float = 0.08  # couples at one address sharing nothing else
    couple_extra_landline_rate: float = 0.3  # any other couple also has a landline
    family_rate: float = 0.0  # households of family_size people (parents, children, ...)
    family_size: tuple[int, ...] = (3, 3, 3, 4, 4, 4, 5, 5, 6, 7, 8)  # drawn uniformly
    family_landline_rate: float = 0.0  # a family has one landline all members give
    family_email_rate: float = 0.0  # a family has one email its adults share
    only_family_email_rate: float = 0.0  # a family-email user has no email of their own
    family_twins_rate: float = 0.0  # a family with two or more children has twins among them
    # Family email local parts that spell no given name (`thesmiths`, `home123`,
    # `familie.mueller`); the rest name two members (`anna.jan.devries`).
    opaque_family_email_share: float = 0.0
    family_email_use_rate: float = 0.4  # a sharer's noisy record gives the family email
    household_traps: bool = False  # list same_household and copied_birth_date trap pairs

    # --- birth dates ------------------------------------------------------------------------
    anchor_birth_rate: float = 1.0  # the clean anchor CRM record carries the birth date
    crm_birth_rate: float = 0.75  # a noisy CRM record carries a birth date
    loyalty_birth_rate: float = 0.8  # a loyalty card carries a birth date
    copied_birth_rate: float = 0.0  # a noisy birth date is another household member's

    # --- contact details ----------------------------------------------------------------------
    email_rate: float = 0.95  # a person has an email of their own
    mobile_rate: float = 0.92  # a person has a mobile
    crm_missing_email_rate: float = 0.06
    crm_missing_phone_rate: float = 0.1
    shop_phone_rate: float = 0.7  # a noisy shop account gives the mobile
    order_phone_rate: float = 0.6  # a noisy order gives the mobile
    loyalty_missing_email_rate: float = 0.1
    loyalty_missing_phone_rate: float = 0.15
    ticket_rate: float = 0.15  # a person files support tickets
    ticket_missing_email_rate: float = 0.1
    ticket_name_only_rate: float = 0.0  # a ticket gives a name and neither email nor phone

    # --- names and typing ------------------------------------------------------------------------
    nickname_rate: float = 0.08  # a noisy first name is a nickname (when one exists)
    first_typo_rate: float = 0.04  # a noisy first name has a typo
    last_typo_rate: float = 0.04  # a noisy last name has a typo
    email_typo_rate: float = 0.035  # a noisy email is misspelt
    crm_swap_names_rate: float = 0.02  # first and last name typed into each other's boxes
    shop_swap_names_rate: float = 0.0  # the same on shop accounts and orders
    initials_rate: float = 0.0  # a noisy CRM, shop or order first name is an initial (`J.`)
    name_pool: str = "default"  # names.POOLS key: the given names and surnames drawn
    # Country shares, in places.COUNTRY_CODES order; None keeps places.COUNTRY_WEIGHTS.
    country_weights: tuple[float, ...] | None = None

    def parameters(self) -> dict:
        """Every field, as the manifest's JSON holds it (tuples as lists)."""
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}


DEFAULT = Profile()

HOUSEHOLDS = replace(
    DEFAULT,
    name="households",
    description=(
        "large households (3-8: couples, children, adult siblings, three generations) sharing "
        "an address, landlines and family emails that name nobody; few and copied birth dates"
    ),
    twins_rate=0.015,
    family_email_couple_rate=0.03,
    landline_couple_rate=0.04,
    plain_couple_rate=0.1,
    couple_extra_landline_rate=0.6,
    family_rate=0.07,
    family_landline_rate=0.75,
    family_email_rate=0.6,
    only_family_email_rate=0.35,
    family_twins_rate=0.25,
    opaque_family_email_share=0.7,
    family_email_use_rate=0.55,
    household_traps=True,
    anchor_birth_rate=0.45,
    crm_birth_rate=0.35,
    loyalty_birth_rate=0.4,
    copied_birth_rate=0.3,
)

MESSY = replace(
    DEFAULT,
    name="messy",
    description=(
        "careless typing and thin records: many typos, nicknames, initials and swapped names, "
        "fewer emails and phones, many name-only support tickets"
    ),
    household_traps=True,
    crm_birth_rate=0.6,
    loyalty_birth_rate=0.6,
    email_rate=0.8,
    mobile_rate=0.75,
    crm_missing_email_rate=0.25,
    crm_missing_phone_rate=0.3,
    shop_phone_rate=0.4,
    order_phone_rate=0.35,
    loyalty_missing_email_rate=0.35,
    loyalty_missing_phone_rate=0.35,
    ticket_rate=0.3,
    ticket_missing_email_rate=0.3,
    ticket_name_only_rate=0.3,
    nickname_rate=0.2,
    first_typo_rate=0.12,
    last_typo_rate=0.12,
    email_typo_rate=0.1,
    crm_swap_names_rate=0.08,
    shop_swap_names_rate=0.04,
    initials_rate=0.1,
)

NAMES = replace(
    DEFAULT,
    name="names",
    description=(
        "another name pool: Dutch, German, Spanish and US names with compound surnames "
        "(van der Meer, García López, Meyer-Schulz), double given names and steeper frequencies"
    ),
    household_traps=True,
    name_pool="alt",
    # GB, DE, FR, NL, ES, IT, US
    country_weights=(0.04, 0.22, 0.03, 0.25, 0.23, 0.03, 0.2),
)

PROFILES: dict[str, Profile] = {p.name: p for p in (DEFAULT, HOUSEHOLDS, MESSY, NAMES)}


def get_profile(profile: str | Profile | None) -> Profile:
    """A profile by name (None is `default`); a Profile is returned as it is."""
    if profile is None:
        return DEFAULT
    if isinstance(profile, Profile):
        return profile
    try:
        return PROFILES[profile]
    except KeyError:
        raise ValueError(
            f"unknown profile {profile!r}; choose one of {', '.join(PROFILES)}"
        ) from None
