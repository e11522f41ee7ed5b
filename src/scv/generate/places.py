"""Countries: cities, postcodes, streets, phone numbering plans and email domains."""

from __future__ import annotations

import random
from dataclasses import dataclass

GB_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # inward codes never use C I K M O V


@dataclass(frozen=True)
class City:
    name: str  # canonical, local spelling
    variants: tuple[str, ...]  # other spellings seen in the wild
    postcode: tuple  # how to draw a postcode, see `draw_postcode`
    landline_area: str  # national significant number prefix of landlines


@dataclass(frozen=True)
class Country:
    code: str
    weight: float  # share of the population
    names: tuple[str, ...]  # how crm_contacts.country may spell it (besides the code)
    calling_code: str
    has_trunk_zero: bool  # national numbers are dialled with a leading 0
    currency: str
    utc_offsets: tuple[int, int]  # winter, summer offset in hours
    domains: tuple[tuple[str, int], ...]
    cities: tuple[City, ...]


def _c(name, variants, postcode, area):
    return City(name, tuple(variants.split("|")) if variants else (), postcode, area)


COUNTRIES: dict[str, Country] = {
    "GB": Country(
        "GB", 0.18, ("United Kingdom", "UK", "Great Britain"), "44", True, "GBP", (0, 1),
        (("gmail.com", 35), ("hotmail.co.uk", 12), ("yahoo.co.uk", 8), ("outlook.com", 10),
         ("btinternet.com", 6), ("icloud.com", 8), ("live.co.uk", 4), ("sky.com", 4)),
        (
            _c("London", "london|LONDON",
               ("gb", "SW1A SW3 SW11 EC1A EC2V N1 N7 E14 E2 W1D W2 SE1 SE15 NW1 NW3"), "20"),
            _c("Manchester", "manchester", ("gb", "M1 M4 M14 M20"), "161"),
            _c("Birmingham", "B'ham|birmingham", ("gb", "B1 B15 B29 B13"), "121"),
            _c("Leeds", "", ("gb", "LS1 LS6 LS8"), "113"),
            _c("Glasgow", "", ("gb", "G1 G12 G41"), "141"),
            _c("Edinburgh", "", ("gb", "EH1 EH3 EH10"), "131"),
            _c("Bristol", "", ("gb", "BS1 BS6 BS8"), "117"),
            _c("Liverpool", "", ("gb", "L1 L8 L17"), "151"),
        ),
    ),
    "DE": Country(
        "DE", 0.18, ("Germany",), "49", True, "EUR", (1, 2),
        (("gmail.com", 25), ("web.de", 20), ("gmx.de", 20), ("t-online.de", 10),
         ("outlook.de", 6), ("yahoo.de", 5), ("icloud.com", 5)),
        (
            _c("Berlin", "berlin", ("num", 10115, 14199), "30"),
            _c("Hamburg", "", ("num", 20095, 22769), "40"),
            _c("München", "Munich|Muenchen|Munchen", ("num", 80331, 81929), "89"),
            _c("Köln", "Cologne|Koeln|Koln", ("num", 50667, 51149), "221"),
            _c("Frankfurt am Main", "Frankfurt|Frankfurt a. M.", ("num", 60306, 60599), "69"),
            _c("Stuttgart", "", ("num", 70173, 70629), "711"),
            _c("Düsseldorf", "Duesseldorf|Dusseldorf", ("num", 40210, 40629), "211"),
            _c("Leipzig", "", ("num", 4103, 4357), "341"),
        ),
    ),
    "FR": Country(
        "FR", 0.15, ("France",), "33", True, "EUR", (1, 2),
        (("gmail.com", 35), ("orange.fr", 15), ("hotmail.fr", 12), ("free.fr", 8),
         ("yahoo.fr", 8), ("laposte.net", 6), ("sfr.fr", 5), ("outlook.fr", 4)),
        (
            _c("Paris", "PARIS|paris", ("num", 75001, 75020), "1"),
            _c("Lyon", "", ("num", 69001, 69009), "4"),
            _c("Marseille", "Marseilles", ("num", 13001, 13016), "4"),
            _c("Toulouse", "", ("num", 31000, 31500), "5"),
            _c("Nice", "", ("num", 6000, 6300), "4"),
            _c("Nantes", "", ("num", 44000, 44300), "2"),
            _c("Bordeaux", "", ("num", 33000, 33800), "5"),
            _c("Lille", "", ("num", 59000, 59800), "3"),
        ),
    ),
    "NL": Country(
        "NL", 0.10, ("Netherlands", "the Netherlands"), "31", True, "EUR", (1, 2),
        (("gmail.com", 35), ("hotmail.com", 15), ("outlook.com", 10), ("ziggo.nl", 10),
         ("kpnmail.nl", 8), ("live.nl", 6), ("icloud.com", 6), ("xs4all.nl", 3)),
        (
            _c("Amsterdam", "amsterdam", ("nl", 1011, 1109), "20"),
            _c("Rotterdam", "", ("nl", 3011, 3089), "10"),
            _c("Den Haag", "The Hague|'s-Gravenhage", ("nl", 2491, 2597), "70"),
            _c("Utrecht", "", ("nl", 3511, 3585), "30"),
            _c("Eindhoven", "", ("nl", 5611, 5658), "40"),
            _c("Groningen", "", ("nl", 9711, 9747), "50"),
        ),
    ),
    "ES": Country(
        "ES", 0.12, ("Spain",), "34", False, "EUR", (1, 2),
        (("gmail.com", 45), ("hotmail.com", 20), ("yahoo.es", 8), ("outlook.es", 8),
         ("telefonica.net", 4), ("icloud.com", 5)),
        (
            _c("Madrid", "madrid", ("num", 28001, 28080), "91"),
            _c("Barcelona", "", ("num", 8001, 8042), "93"),
            _c("Valencia", "València", ("num", 46001, 46026), "96"),
            _c("Sevilla", "Seville", ("num", 41001, 41020), "95"),
            _c("Zaragoza", "", ("num", 50001, 50022), "976"),
            _c("Málaga", "Malaga", ("num", 29001, 29018), "952"),
            _c("Bilbao", "", ("num", 48001, 48015), "94"),
        ),
    ),
    "IT": Country(
        "IT", 0.12, ("Italy",), "39", False, "EUR", (1, 2),
        (("gmail.com", 35), ("libero.it", 15), ("hotmail.it", 10), ("yahoo.it", 10),
         ("virgilio.it", 8), ("alice.it", 5), ("outlook.it", 5), ("tiscali.it", 3)),
        (
            _c("Roma", "Rome|ROMA", ("num", 118, 199), "06"),
            _c("Milano", "Milan", ("num", 20121, 20162), "02"),
            _c("Napoli", "Naples", ("num", 80121, 80147), "081"),
            _c("Torino", "Turin", ("num", 10121, 10156), "011"),
            _c("Palermo", "", ("num", 90121, 90151), "091"),
            _c("Bologna", "", ("num", 40121, 40141), "051"),
            _c("Firenze", "Florence", ("num", 50121, 50145), "055"),
        ),
    ),
    "US": Country(
        "US", 0.15, ("United States", "United States of America"), "1", False, "USD", (-5, -4),
        (("gmail.com", 45), ("yahoo.com", 15), ("hotmail.com", 8), ("outlook.com", 8),
         ("aol.com", 5), ("icloud.com", 10), ("comcast.net", 4)),
        (
            _c("New York", "NYC|New York City|new york", ("num", 10001, 10282),
               "212 646 718 917 347"),
            _c("Los Angeles", "LA|los angeles", ("num", 90001, 90089), "213 310 323 424 818"),
            _c("Chicago", "", ("num", 60601, 60661), "312 773 872"),
            _c("Houston", "", ("num", 77001, 77099), "713 281 832"),
            _c("Phoenix", "", ("num", 85001, 85055), "602 480"),
            _c("Philadelphia", "Philly", ("num", 19102, 19154), "215 267"),
            _c("Boston", "", ("num", 2108, 2137), "617 857"),
            _c("Seattle", "", ("num", 98101, 98199), "206 253"),
        ),
    ),
}  # fmt: skip

COUNTRY_CODES: tuple[str, ...] = tuple(COUNTRIES)
COUNTRY_WEIGHTS: tuple[float, ...] = tuple(c.weight for c in COUNTRIES.values())

# Street name parts per country, and the abbreviations clerks type.
STREETS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "GB": (
        tuple(
            "High|Church|Station|Victoria|Green|Manor|Park|Queens|Kings|Mill|New|School|"
            "London|North|Albert|George|York|Springfield|Grange|Windsor|Chestnut|Oak|Elm|"
            "Willow|Meadow".split("|")
        ),
        ("Street", "Road", "Lane", "Avenue", "Close", "Drive", "Gardens", "Way", "Crescent"),
    ),
    "US": (
        tuple(
            "Main|Oak|Maple|Cedar|Pine|Elm|Washington|Lake|Hill|Park|Sunset|Lincoln|"
            "Jefferson|Madison|Walnut|Highland|Forest|River|Spring|Church|Center|Franklin|"
            "Jackson|Ridge".split("|")
        ),
        ("Street", "Avenue", "Road", "Drive", "Boulevard", "Lane", "Court", "Place"),
    ),
    "DE": (
        tuple(
            "Haupt|Bahnhof|Schul|Garten|Berg|Kirch|Wald|Ring|Linden|Goethe|Schiller|Mozart|"
            "Dorf|Wiesen|Birken|Rosen|Feld|Sonnen|Mühlen|Friedrich|Kaiser|Markt".split("|")
        ),
        ("straße", "straße", "straße", "weg", "allee", "platz", "gasse"),
    ),
    "NL": (
        tuple(
            "Kerk|Dorp|School|Molen|Stations|Nieuwe|Heren|Keizers|Prinsen|Linden|Eiken|"
            "Beuken|Wilhelmina|Oranje|Hoog|Markt|Zand|Water|Julianan|Beatrix".split("|")
        ),
        ("straat", "straat", "straat", "weg", "laan", "plein", "gracht", "kade", "singel"),
    ),
    "FR": (
        tuple(
            "de la Paix|Victor Hugo|du Général de Gaulle|Jean Jaurès|de la République|"
            "des Lilas|Pasteur|Voltaire|de l'Église|du Moulin|Gambetta|Émile Zola|des Écoles|"
            "Saint-Michel|de la Gare|Nationale|du Château|Molière|Carnot|Foch".split("|")
        ),
        ("rue", "rue", "rue", "avenue", "boulevard", "place", "impasse", "allée", "chemin"),
    ),
    "ES": (
        tuple(
            "Mayor|de Alcalá|Gran Vía|de la Constitución|del Sol|Real|de Cervantes|Nueva|"
            "de San Juan|de Andalucía|de la Paz|de Goya|del Prado|de Colón|de Serrano|"
            "de Velázquez".split("|")
        ),
        ("Calle", "Calle", "Calle", "Avenida", "Paseo", "Plaza", "Camino", "Ronda"),
    ),
    "IT": (
        tuple(
            "Roma|Garibaldi|Giuseppe Mazzini|Cavour|Vittorio Emanuele II|Dante|Giuseppe Verdi|"
            "Guglielmo Marconi|XX Settembre|della Repubblica|Matteotti|San Francesco|dei Mille|"
            "Alessandro Manzoni|Giacomo Leopardi|Antonio Gramsci|Nazionale".split("|")
        ),
        ("Via", "Via", "Via", "Viale", "Corso", "Piazza", "Vicolo", "Largo"),
    ),
}

# Abbreviations as clerks type them: (full word, short forms).
STREET_ABBREVIATIONS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "GB": (("Street", ("St", "St.")), ("Road", ("Rd", "Rd.")), ("Avenue", ("Ave",)),
           ("Lane", ("Ln",)), ("Drive", ("Dr",)), ("Crescent", ("Cres",))),
    "US": (("Street", ("St", "St.")), ("Avenue", ("Ave", "Ave.")), ("Road", ("Rd",)),
           ("Drive", ("Dr",)), ("Boulevard", ("Blvd",)), ("Lane", ("Ln",)), ("Court", ("Ct",))),
    "DE": (("straße", ("str.", "strasse", "Str.")),),
    "NL": (("straat", ("str.", "str")),),
    "FR": (("avenue", ("av.", "ave")), ("boulevard", ("bd", "bld")), ("rue", ("r.",))),
    "ES": (("Calle", ("C/", "c/")), ("Avenida", ("Avda.", "Av.")), ("Plaza", ("Pza.",)),
           ("Paseo", ("Pº",))),
    "IT": (("Via", ("V.",)), ("Piazza", ("P.za", "P.zza")), ("Corso", ("C.so",)),
           ("Viale", ("V.le",))),
}  # fmt: skip


def draw_postcode(rng: random.Random, city: City) -> str:
    """A postcode in the country's canonical format for a city."""
    kind = city.postcode[0]
    if kind == "gb":
        outward = rng.choice(city.postcode[1].split())
        inward = str(rng.randint(0, 9)) + "".join(rng.choices(GB_INWARD_LETTERS, k=2))
        return f"{outward} {inward}"
    if kind == "nl":
        letters = "".join(rng.choices("ABCDEGHJKLMNPRSTVWXZ", k=2))
        return f"{rng.randint(city.postcode[1], city.postcode[2])} {letters}"
    return f"{rng.randint(city.postcode[1], city.postcode[2]):05d}"


def draw_street(rng: random.Random, country: str) -> str:
    """A plausible street line in the country's usual order."""
    names, kinds = STREETS[country]
    name, kind = rng.choice(names), rng.choice(kinds)
    if country in ("GB", "US"):
        number = rng.randint(1, 240) if country == "GB" else rng.randint(1, 9899)
        line = f"{number} {name} {kind}"
        if rng.random() < 0.12:
            line = (f"Flat {rng.randint(1, 24)}, " if country == "GB" else "") + line
            if country == "US":
                line += f", Apt {rng.randint(1, 30)}{rng.choice('ABCD')}"
        return line
    number = rng.randint(1, 180)
    if country == "DE":
        return f"{name}{kind} {number}"
    if country == "NL":
        suffix = rng.choice(("", "", "", "", "a", "b", "-1", " hs", "-II"))
        return f"{name}{kind} {number}{suffix}"
    if country == "FR":
        bis = rng.choice(("", "", "", "", "", " bis"))
        return f"{number}{bis} {kind} {name}"
    if country == "ES":
        floor = f", {rng.randint(1, 9)}º {rng.choice('ABCD')}" if rng.random() < 0.4 else ""
        return f"{kind} {name}, {number}{floor}"
    return f"{kind} {name}, {number}"  # IT


# --- phones ----------------------------------------------------------------

_GB_MOBILE = (
    "700 701 712 723 734 745 756 767 778 789 800 812 825 831 846 852 864 877 889 900".split()
)
_DE_MOBILE = "151 152 157 159 160 162 163 170 171 172 173 174 175 176 177 178 179".split()


def draw_mobile_nsn(rng: random.Random, country: str, city: City) -> str:
    """A mobile number's national significant number (no trunk 0, no country code)."""
    digits = rng.randint
    if country == "GB":
        return "7" + rng.choice(_GB_MOBILE) + f"{digits(0, 999999):06d}"
    if country == "DE":
        return rng.choice(_DE_MOBILE) + f"{digits(0, 9999999):07d}"
    if country in ("FR", "ES"):
        return rng.choice("67") + f"{digits(0, 99999999):08d}"
    if country == "NL":
        return "6" + f"{digits(10000000, 99999999):08d}"
    if country == "IT":
        return "3" + f"{digits(20, 99):02d}" + f"{digits(0, 9999999):07d}"
    return rng.choice(city.landline_area.split()) + "555" + f"{digits(0, 9999):04d}"  # US


def draw_landline_nsn(rng: random.Random, country: str, city: City) -> tuple[str, int]:
    """A household landline's national significant number and its area code's length."""
    if country == "US":
        nsn = draw_mobile_nsn(rng, country, city)
        return nsn, 3
    area = rng.choice(city.landline_area.split())
    total = {"GB": 10, "DE": 10, "FR": 9, "NL": 9, "ES": 9, "IT": 10}[country]
    rest = total - len(area)
    first = rng.randint(2, 9)  # subscriber numbers never start with 0 or 1
    return area + str(first) + f"{rng.randint(0, 10 ** (rest - 1) - 1):0{rest - 1}d}", len(area)


@dataclass(frozen=True)
class Phone:
    country: str
    nsn: str  # national significant number: no trunk 0, no country code
    is_mobile: bool
    area_len: int = 0  # landlines: digits of the area code within nsn

    @property
    def e164(self) -> str:
        return f"+{COUNTRIES[self.country].calling_code}{self.nsn}"


def _national_groups(phone: Phone, national: str) -> list[int]:
    """How the national form of a number is usually grouped (lengths of digit groups)."""
    country, n = phone.country, len(national)
    trunk = 1 if COUNTRIES[country].has_trunk_zero else 0
    if country == "FR":
        return [2, 2, 2, 2, 2]
    if country == "US":
        return [3, 3, 4]
    if phone.is_mobile:
        return {"GB": [5, n - 5], "DE": [4, n - 4], "NL": [2, n - 2], "ES": [3, 3, 3],
                "IT": [3, 3, n - 6]}[country]  # fmt: skip
    head = phone.area_len + trunk
    if country == "GB":
        return [3, 4, n - 7] if national.startswith("02") else [head, 3, n - head - 3]
    if country == "ES":
        return [head, 3, 2, n - head - 5]
    return [head, n - head]


def _group(digits: str, groups: list[int], sep: str) -> str:
    out, i = [], 0
    for size in groups:
        if size <= 0:
            continue
        out.append(digits[i : i + size])
        i += size
    if i < len(digits):
        out.append(digits[i:])
    return sep.join(out)


def format_phone(rng: random.Random, phone: Phone, style: str) -> str:
    """Render a number as people write it.

    style: 'national' (trunk 0 / local form, spaces, dashes, dots or parentheses),
    'international' (+CC or 00CC with spacing) or 'e164'.
    """
    country, nsn = phone.country, phone.nsn
    spec = COUNTRIES[country]
    if style == "e164":
        return phone.e164
    national = ("0" + nsn) if spec.has_trunk_zero else nsn
    groups = _national_groups(phone, national)
    if style == "national":
        if country == "US":
            return rng.choice(
                (f"({nsn[:3]}) {nsn[3:6]}-{nsn[6:]}", f"{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}",
                 f"{nsn[:3]}.{nsn[3:6]}.{nsn[6:]}", f"({nsn[:3]}) {nsn[3:6]} {nsn[6:]}", nsn)
            )  # fmt: skip
        sep = rng.choice((" ", " ", " ", "-", "", "." if country == "FR" else " "))
        if country == "DE" and rng.random() < 0.3:
            return national[: groups[0]] + "/" + national[groups[0] :]
        if country == "GB" and not phone.is_mobile and rng.random() < 0.2:
            return f"({national[: groups[0]]}) " + _group(national[groups[0] :], groups[1:], " ")
        return _group(national, groups, sep)
    if spec.has_trunk_zero:  # the trunk 0 is dropped after a country code
        groups = [groups[0] - 1] + groups[1:]
    body = _group(nsn, groups, rng.choice((" ", " ", "", "-")))
    if country == "GB" and rng.random() < 0.15:
        return f"+44 (0){body}"
    if country == "US" and rng.random() < 0.3:
        return rng.choice(
            (f"+1 ({nsn[:3]}) {nsn[3:6]}-{nsn[6:]}", f"1-{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}")
        )
    prefix = rng.choice((f"+{spec.calling_code} ", f"+{spec.calling_code} ",
                         f"00{spec.calling_code} ", f"+{spec.calling_code}"))  # fmt: skip
    return prefix + body
