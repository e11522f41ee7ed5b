"""The synthetic data generator: contract shape, determinism, and truth that matches the data.

The checks read the written CSV files back and recompute what they can independently of
the generator's internals, so a generator bug shows up as a disagreement here.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import unicodedata
from collections import Counter, defaultdict
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from scv.generate import generate
from scv.generate.cli import main
from scv.generate.fx import EMBEDDED_RATES, load_rates, seed_path
from scv.generate.people import CoreGenerator
from scv.generate.profiles import PROFILES, get_profile

AS_OF = date(2026, 6, 30)
REPO_ROOT = Path(__file__).resolve().parents[2]

# Copied from shared/CONTRACT.md on purpose: the generator must not be its own reference.
CONTRACT_COLUMNS = {
    "crm_contacts": "contact_id first_name last_name email phone birth_date gender street city "
    "postal_code country created_at updated_at is_deleted",
    "shop_customers": "customer_id email first_name last_name phone address_line1 city zip "
    "country_code accepts_email_marketing created_at updated_at",
    "shop_orders": "order_id customer_id email phone billing_first_name billing_last_name "
    "billing_address_line1 billing_city billing_zip billing_country_code ordered_at currency "
    "total_amount status",
    "shop_order_lines": "order_id line_number sku product_category quantity unit_price",
    "pos_transactions": "transaction_id store_id loyalty_card_number payment_token transacted_at "
    "currency amount",
    "loyalty_members": "card_number full_name email phone birth_date signup_store signup_date "
    "marketing_opt_in",
    "web_events": "event_id occurred_at anonymous_id user_id device_id event_type email order_id "
    "page_url",
    "support_tickets": "ticket_id requester_email requester_phone requester_name channel "
    "created_at solved_at status satisfaction",
    "consent_events": "consent_event_id subject_type subject_value purpose status source_system "
    "captured_at policy_version",
    "erasure_requests": "request_id subject_type subject_value requested_at",
}
TRUTH_COLUMNS = {
    "record_persons": "source_table source_record_id person_id",
    "persons": "person_id first_name last_name email phone birth_date street city postal_code "
    "country_code is_erased",
    "consent": "person_id purpose status",
    "rfm": "person_id as_of_date recency_days frequency monetary",
    "trap_pairs": "trap_type source_table_a source_record_id_a source_table_b source_record_id_b",
}
CROSSWALK_KEYS = {
    "crm_contacts": "contact_id",
    "shop_customers": "customer_id",
    "shop_orders": "order_id",
    "pos_transactions": "transaction_id",
    "loyalty_members": "card_number",
    "support_tickets": "ticket_id",
    "web_events": "anonymous_id",
}
TRAP_TYPES = {
    "shared_family_email", "shared_family_landline", "twins", "same_common_name",
    "shared_cookie", "placeholder_email", "placeholder_phone", "employee_email", "house_card",
}  # fmt: skip
HOUSEHOLD_TRAP_TYPES = {"same_household", "copied_birth_date"}
PROFILE_NAMES = ("default", "households", "messy", "names")
# sha256 of a 2,300-person seed-7 run's files (manifest without its profile keys), taken
# before profiles existed: `default` must keep writing exactly these bytes.
# The default profile's raw files are the bytes the generator wrote before profiles; its truth
# is that of contract reading 12 (a till sale paid by card is its payer's, token seen beside a
# loyalty card or not).
DEFAULT_RAW_DIGEST = "1246b31466f5713a60471ff1410b6b05d06ffc66e54efe1c9b5a8cfc3cfa9f0b"
DEFAULT_TRUTH_DIGEST = "93da557ca4a510914aa8cede11ce95d0be32dbf418bbc2419d81daf0cc65c918"
PURPOSES = {"email_marketing", "sms_marketing", "profiling", "third_party_sharing"}
DECIMAL = re.compile(r"^-?\d+\.\d+$")
PLACEHOLDER_EMAILS = {"none@none.com", "n/a", "noemail@example.com"}


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


def utc_date(text: str) -> date:
    """The contract's reading of its three ISO forms: no offset means UTC."""
    parsed = datetime.fromisoformat(text.strip())
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC)
    return parsed.date()


@pytest.fixture(scope="session")
def runs(tmp_path_factory) -> dict[str, Path]:
    """Three chunks of people per profile, so records, keys and trap groups cross chunks."""
    base = tmp_path_factory.mktemp("generate")
    for name in PROFILE_NAMES:
        generate(persons=2300, seed=7, out=base / name, as_of=AS_OF, workers=0, profile=name)
    return {name: base / name for name in PROFILE_NAMES}


@pytest.fixture(scope="session", params=PROFILE_NAMES)
def run(request, runs) -> Path:
    """Each profile's run: every check of the truth against the data holds for each."""
    return runs[request.param]


def profile_of(run: Path) -> str:
    return json.loads((run / "truth" / "manifest.json").read_text())["profile"]


def trap_types_of(run: Path) -> set[str]:
    profile = get_profile(profile_of(run))
    if not profile.household_traps:
        return TRAP_TYPES
    return TRAP_TYPES | {"same_household"} | ({"copied_birth_date"} if profile.copied_birth_rate
                                               else set())  # fmt: skip


@pytest.fixture(scope="session")
def raw(run) -> dict[str, list[dict[str, str]]]:
    return {table: read(run / "raw" / f"{table}.csv") for table in CONTRACT_COLUMNS}


@pytest.fixture(scope="session")
def truth(run) -> dict[str, list[dict[str, str]]]:
    return {name: read(run / "truth" / f"{name}.csv") for name in TRUTH_COLUMNS}


@pytest.fixture(scope="session")
def person_of(truth) -> dict[tuple[str, str], str]:
    return {
        (r["source_table"], r["source_record_id"]): r["person_id"] for r in truth["record_persons"]
    }


def files(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*.*"))}


def test_same_seed_gives_identical_bytes_whatever_the_worker_count(run, tmp_path):
    again = tmp_path / "again"
    generate(persons=2300, seed=7, out=again, as_of=AS_OF, workers=2, profile=profile_of(run))
    assert files(again) == files(run)


def test_different_seed_gives_different_data(run, tmp_path):
    other = tmp_path / "other"
    generate(persons=2300, seed=8, out=other, as_of=AS_OF, workers=0, profile=profile_of(run))
    mine, theirs = files(run), files(other)
    assert mine.keys() == theirs.keys()
    assert mine["raw/crm_contacts.csv"] != theirs["raw/crm_contacts.csv"]
    assert mine["truth/persons.csv"] != theirs["truth/persons.csv"]


def test_raw_tables_have_exactly_the_contract_columns(run):
    for table, columns in CONTRACT_COLUMNS.items():
        assert header(run / "raw" / f"{table}.csv") == columns.split(), table


def test_truth_files_have_the_documented_columns(run):
    for name, columns in TRUTH_COLUMNS.items():
        assert header(run / "truth" / f"{name}.csv") == columns.split(), name
    manifest = json.loads((run / "truth" / "manifest.json").read_text())
    for key in ("seed", "persons", "as_of_date", "base_currency", "generated_at", "row_counts"):
        assert key in manifest
    assert manifest["as_of_date"] == AS_OF.isoformat() and manifest["base_currency"] == "EUR"
    assert set(manifest["trap_counts"]) == TRAP_TYPES | (
        HOUSEHOLD_TRAP_TYPES if manifest["profile"] != "default" else set()
    )
    assert manifest["profile_parameters"] == get_profile(manifest["profile"]).parameters()


def test_files_are_utf8_with_unix_line_ends(run):
    for path in (run / "raw").glob("*.csv"):
        data = path.read_bytes()
        data.decode("utf-8")
        assert b"\r\n" not in data, path.name


def test_manifest_row_counts_match_the_files(run, raw):
    manifest = json.loads((run / "truth" / "manifest.json").read_text())
    assert manifest["row_counts"] == {t: len(rows) for t, rows in raw.items()}


def test_every_usable_record_key_is_in_record_persons_exactly_once(raw, truth):
    listed = Counter((r["source_table"], r["source_record_id"]) for r in truth["record_persons"])
    assert max(listed.values()) == 1
    for table, key in CROSSWALK_KEYS.items():
        in_raw = {row[key] for row in raw[table] if row[key] != ""}
        in_truth = {k for (t, k) in listed if t == table}
        assert in_raw == in_truth, table


def test_persons_are_exactly_those_with_a_record(truth):
    with_records = {r["person_id"] for r in truth["record_persons"] if r["person_id"]}
    assert {p["person_id"] for p in truth["persons"]} == with_records


def test_consent_has_all_four_purposes_for_every_person(truth):
    by_person = defaultdict(set)
    for row in truth["consent"]:
        assert row["status"] in {"granted", "denied", "withdrawn", "unknown"}
        by_person[row["person_id"]].add(row["purpose"])
    assert len(truth["consent"]) == 4 * len(truth["persons"])
    assert all(purposes == PURPOSES for purposes in by_person.values())
    assert by_person.keys() == {p["person_id"] for p in truth["persons"]}


def test_erased_persons_are_never_granted(truth):
    erased = {p["person_id"] for p in truth["persons"] if p["is_erased"] == "true"}
    assert erased
    for row in truth["consent"]:
        if row["person_id"] in erased:
            assert row["status"] == "withdrawn"


def test_erasure_requests_name_the_erased_persons_identifiers(raw, truth):
    """A request on or before as_of names an email or phone of exactly the erased people."""
    subjects = {
        r["subject_value"].strip().lower()
        for r in raw["erasure_requests"]
        if utc_date(r["requested_at"]) <= AS_OF and r["subject_type"] == "email"
    }
    erased = [p for p in truth["persons"] if p["is_erased"] == "true"]
    by_email = [p for p in erased if p["email"] and p["email"] in subjects]
    assert by_email, "some erasure should be by the person's current email"
    for p in truth["persons"]:
        if p["email"] in subjects and p["is_erased"] != "true":
            pytest.fail(f"{p['person_id']} holds an erased email but is not erased")


def _recompute_rfm(raw, person_of, rates) -> dict[str, tuple[str, int, Decimal]]:
    purchases = defaultdict(list)  # person -> (day, eur, is_purchase)

    def book(person, day, currency, amount):
        if person and day <= AS_OF and DECIMAL.match(amount):
            purchases[person].append((day, Decimal(amount) * rates[currency]))

    for order in {r["order_id"]: r for r in raw["shop_orders"] if r["order_id"]}.values():
        if order["status"] == "paid":
            book(person_of[("shop_orders", order["order_id"])], utc_date(order["ordered_at"]),
                 order["currency"], order["total_amount"])  # fmt: skip
    for sale in {r["transaction_id"]: r for r in raw["pos_transactions"]
                 if r["transaction_id"]}.values():  # fmt: skip
        book(person_of[("pos_transactions", sale["transaction_id"])],
             utc_date(sale["transacted_at"]), sale["currency"], sale["amount"])  # fmt: skip
    start = date.fromordinal(AS_OF.toordinal() - 364)
    result = {}
    for person, rows in purchases.items():
        bought = [day for day, eur in rows if eur > 0]
        recency = str((AS_OF - max(bought)).days) if bought else ""
        in_window = [(day, eur) for day, eur in rows if start <= day <= AS_OF]
        frequency = sum(1 for _, eur in in_window if eur > 0)
        monetary = sum((eur for _, eur in in_window), Decimal(0))
        result[person] = (recency, frequency, monetary.quantize(Decimal("0.01"), ROUND_HALF_UP))
    return result


def test_rfm_matches_a_recomputation_from_the_raw_rows(raw, truth, person_of):
    expected = _recompute_rfm(raw, person_of, load_rates(seed_path()))
    checked = 0
    for row in truth["rfm"]:
        assert row["as_of_date"] == AS_OF.isoformat()
        recency, frequency, monetary = expected.get(row["person_id"], ("", 0, Decimal("0.00")))
        got = (row["recency_days"], int(row["frequency"]), Decimal(row["monetary"]))
        assert got == (recency, frequency, monetary), row["person_id"]
        checked += frequency > 0
    assert checked > 100  # the check must have had purchases to compare


def test_rfm_has_one_row_per_person(truth):
    assert [r["person_id"] for r in truth["rfm"]] == [p["person_id"] for p in truth["persons"]]


def test_every_trap_kind_is_present_and_pairs_two_different_people(run, truth, person_of):
    kinds = Counter(r["trap_type"] for r in truth["trap_pairs"])
    assert set(kinds) == trap_types_of(run)
    for row in truth["trap_pairs"]:
        a = person_of[(row["source_table_a"], row["source_record_id_a"])]
        b = person_of[(row["source_table_b"], row["source_record_id_b"])]
        assert a and b and a != b, row


def test_shared_family_cookie_belongs_to_nobody(raw, person_of):
    users = defaultdict(set)
    for event in raw["web_events"]:
        if event["user_id"]:
            users[event["anonymous_id"]].add(event["user_id"])
    shared = [cookie for cookie, accounts in users.items() if len(accounts) > 1]
    assert shared
    for cookie in shared:
        assert person_of[("web_events", cookie)] == ""


def test_house_card_sales_belong_to_their_payment_cards_holder(raw, person_of):
    """A sale on the store's house card is its payer's when paid by card (reading 12), and
    nobody's in cash; where that card also paid with the payer's own loyalty card, the payer
    is that card's member."""
    uses = Counter(r["loyalty_card_number"] for r in raw["pos_transactions"])
    house = {card for card, n in uses.items() if card and n >= 10 and
             len({r["store_id"] for r in raw["pos_transactions"]
                  if r["loyalty_card_number"] == card}) == 1 and
             card.startswith("6300")}  # fmt: skip
    assert house, "a house card scanned at least ten times"
    token_owner = {}
    for sale in raw["pos_transactions"]:
        if sale["loyalty_card_number"] not in house and sale["loyalty_card_number"]:
            person = person_of.get(("loyalty_members", sale["loyalty_card_number"]))
            if sale["payment_token"] and sale["transaction_id"]:
                token_owner[sale["payment_token"]] = person
    identified = checked = 0
    for sale in raw["pos_transactions"]:
        if sale["loyalty_card_number"] in house and sale["transaction_id"]:
            got = person_of[("pos_transactions", sale["transaction_id"])]
            assert bool(got) == bool(sale["payment_token"]), sale
            if sale["payment_token"] in token_owner:
                assert got == token_owner[sale["payment_token"]], sale
                checked += 1
            identified += bool(got)
    assert identified and checked


def test_identifiers_are_only_shared_by_design(raw, person_of, truth):
    """Two people share an email only as a family, a placeholder or a clerk's own email."""
    holders = defaultdict(set)
    for table, column in (("crm_contacts", "email"), ("shop_customers", "email"),
                          ("shop_orders", "email"), ("loyalty_members", "email"),
                          ("support_tickets", "requester_email")):  # fmt: skip
        key = CROSSWALK_KEYS[table]
        for row in raw[table]:
            person = person_of.get((table, row[key]))
            value = row[column].strip().lower()
            if person and value:
                holders[value].add(person)
    by_design = {(r["source_table_a"], r["source_record_id_a"]) for r in truth["trap_pairs"]} | {
        (r["source_table_b"], r["source_record_id_b"]) for r in truth["trap_pairs"]
    }
    shared = {value for value, people in holders.items() if len(people) > 1}
    assert shared & PLACEHOLDER_EMAILS
    staff_emails = {r["email"].strip().lower() for r in raw["loyalty_members"]
                    if r["card_number"].startswith("6300")}  # fmt: skip
    family = shared - PLACEHOLDER_EMAILS - staff_emails
    assert family, "shared family emails exist"
    for value in family:
        records = [(t, row[CROSSWALK_KEYS[t]]) for t in ("crm_contacts", "loyalty_members",
                   "shop_orders", "support_tickets", "shop_customers")
                   for row in raw[t] if row.get("email", row.get("requester_email", "")).strip()
                   .lower() == value]  # fmt: skip
        assert any(r in by_design for r in records), value


def fold(text: str) -> str:
    """Casefolded, accents stripped, spaces collapsed: how names and streets are scored."""
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join(
        "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split()
    )


def test_current_attributes_are_recoverable_from_the_raw_data(raw, truth):
    emails, last_names, streets, phones_seen = set(), set(), set(), 0
    for table in ("crm_contacts", "shop_customers", "shop_orders"):
        for row in raw[table]:
            emails.add(row["email"].strip().lower())
            last_names.add(row.get("last_name") or row.get("billing_last_name"))
            street = (
                row.get("street")
                or row.get("address_line1")
                or row.get("billing_address_line1", "")
            )
            streets.add(fold(street))
    emails |= {r["email"].strip().lower() for r in raw["loyalty_members"]}
    emails |= {r["requester_email"].strip().lower() for r in raw["support_tickets"]}
    for p in truth["persons"]:
        assert not p["email"] or p["email"] in emails, p
        assert not p["street"] or fold(p["street"]) in streets, p
        assert not p["phone"] or re.fullmatch(r"\+\d{8,15}", p["phone"]), p
        phones_seen += bool(p["phone"])
    with_surname = [p for p in truth["persons"] if p["last_name"]]
    assert sum(p["last_name"] in last_names for p in with_surname) > 0.9 * len(with_surname)
    assert phones_seen > 0.5 * len(truth["persons"])


def test_every_bad_row_kind_is_present(raw):
    def malformed(value: str) -> bool:
        for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d %B %Y"):
            try:
                datetime.strptime(value, fmt)
                return False
            except ValueError:
                pass
        return bool(value)

    assert any(malformed(r["birth_date"]) for r in raw["crm_contacts"])
    assert any(malformed(r["birth_date"]) for r in raw["loyalty_members"])
    lines = Counter(tuple(r.values()) for t in raw for r in raw[t])
    assert max(lines.values()) > 1, "an exact duplicate row"
    for table, key in (("crm_contacts", "contact_id"), ("shop_customers", "customer_id")):
        versions = defaultdict(set)
        for row in raw[table]:
            versions[row[key]].add(row["updated_at"])
        assert any(len(v) > 1 for v in versions.values()), f"repeated key in {table}"
    for table, column in (("pos_transactions", "amount"), ("shop_orders", "total_amount"),
                          ("shop_order_lines", "unit_price")):  # fmt: skip
        assert any(not DECIMAL.match(r[column]) for r in raw[table]), table
    assert {r["status"] for r in raw["shop_orders"]} - {"paid", "pending", "cancelled", "refunded"}
    assert any(r["purpose"] not in PURPOSES or r["status"] not in {"granted", "denied", "withdrawn"}
               for r in raw["consent_events"])  # fmt: skip
    for table, column in (("consent_events", "captured_at"), ("shop_orders", "ordered_at"),
                          ("erasure_requests", "requested_at")):  # fmt: skip
        assert any(utc_date(r[column]) > AS_OF for r in raw[table]), f"{table} after as_of"
    known = {r["email"].strip().lower() for t in ("crm_contacts", "shop_customers", "shop_orders",
             "loyalty_members") for r in raw[t]}  # fmt: skip
    assert any(r["subject_type"] == "email" and r["subject_value"].strip().lower() not in known
               for r in raw["erasure_requests"])  # fmt: skip
    for table in ("crm_contacts", "shop_orders", "pos_transactions", "support_tickets"):
        assert any(r[CROSSWALK_KEYS[table]] == "" for r in raw[table]), f"empty key in {table}"


def test_names_are_realistic_and_common_names_repeat(truth):
    names = Counter((p["first_name"], p["last_name"]) for p in truth["persons"] if p["last_name"])
    assert names.most_common(1)[0][1] >= 3
    assert any(ch in "".join(n for pair in names for n in pair) for ch in "éüçñ")


def test_fx_rates_are_read_from_the_seed_and_match_the_embedded_copy():
    path = REPO_ROOT / "seeds" / "reference" / "fx_rates.csv"
    assert seed_path() == path
    rates = load_rates()
    assert rates == {code: Decimal(rate) for code, rate in EMBEDDED_RATES.items()}
    assert rates["EUR"] == 1 and {"GBP", "USD"} <= rates.keys()


def test_every_generated_currency_has_a_rate(raw):
    rates = load_rates()
    currencies = {r["currency"] for t in ("shop_orders", "pos_transactions") for r in raw[t]}
    assert currencies <= rates.keys()


def test_cli_writes_every_raw_table_and_truth_file(tmp_path):
    assert main(["--persons", "120", "--seed", "3", "--out", str(tmp_path), "--quiet"]) == 0
    assert {p.name for p in (tmp_path / "raw").iterdir()} == {f"{t}.csv" for t in CONTRACT_COLUMNS}
    expected = {f"{n}.csv" for n in TRUTH_COLUMNS} | {"manifest.json"}
    assert {p.name for p in (tmp_path / "truth").iterdir()} == expected


def test_bundled_demo_is_current_and_small():
    demo = REPO_ROOT / "data" / "demo"
    manifest = json.loads((demo / "truth" / "manifest.json").read_text())
    assert manifest["persons"] == 400 and manifest["seed"] == 42
    assert all(count > 0 for count in manifest["trap_counts"].values())
    assert sum(p.stat().st_size for p in demo.rglob("*") if p.is_file()) < 2_000_000


def _instant(text: str) -> datetime:
    parsed = datetime.fromisoformat(text.strip())
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _loyalty_date(text: str) -> date | None:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d %B %Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    day, month, yy = (int(x) for x in text.split("/"))
    candidate = date(2000 + yy, month, day)
    return candidate if candidate <= AS_OF else date(1900 + yy, month, day)


def _latest_versions(rows: list[dict[str, str]], key: str) -> list[dict[str, str]]:
    latest: dict[str, dict[str, str]] = {}
    for row in rows:
        if row[key] and (
            row[key] not in latest
            or _instant(row["updated_at"]) > _instant(latest[row[key]]["updated_at"])
        ):
            latest[row[key]] = row
    return list(latest.values())


def test_consent_matches_a_recomputation_from_the_raw_rows(raw, truth, person_of):
    """Latest signal per person and purpose from every identifier they hold; ties restrictive.

    People whose phones a phone-subject event might name are skipped: resolving national
    phone formats is the project's job, not this test's.
    """
    holders: dict[tuple[str, str], set[str]] = defaultdict(set)
    phone_digits: dict[str, set[str]] = defaultdict(set)
    sources = {
        "crm_contacts": (_latest_versions(raw["crm_contacts"], "contact_id"), "email", "phone"),
        "shop_customers": (
            _latest_versions(raw["shop_customers"], "customer_id"),
            "email",
            "phone",
        ),
        "shop_orders": (raw["shop_orders"], "email", "phone"),
        "loyalty_members": (raw["loyalty_members"], "email", "phone"),
        "support_tickets": (raw["support_tickets"], "requester_email", "requester_phone"),
    }
    id_types = {
        "crm_contacts": "crm_contact_id",
        "shop_customers": "shop_customer_id",
        "loyalty_members": "loyalty_card_number",
    }
    for table, (rows, email_column, phone_column) in sources.items():
        for row in rows:
            person = person_of.get((table, row[CROSSWALK_KEYS[table]]))
            if not person:
                continue
            email = row[email_column].strip().lower()
            if email and email not in PLACEHOLDER_EMAILS:
                holders["email", email].add(person)
            digits = re.sub(r"\D", "", row[phone_column].replace("(0)", "")).lstrip("0")
            if len(digits) >= 6:
                phone_digits[person].add(digits)
            if table in id_types:
                holders[id_types[table], row[CROSSWALK_KEYS[table]]].add(person)

    signals: dict[tuple[str, str], list[tuple[datetime, int, str]]] = defaultdict(list)
    rank = {"granted": 0, "denied": 1, "withdrawn": 2}
    phone_subjects: list[str] = []
    for event in {r["consent_event_id"]: r for r in raw["consent_events"]}.values():
        if event["purpose"] not in PURPOSES or event["status"] not in rank:
            continue
        when = _instant(event["captured_at"])
        if event["subject_type"] == "phone":
            number = event["subject_value"].replace("(0)", "")  # +44 (0)7700 … form
            phone_subjects.append(re.sub(r"\D", "", number).lstrip("0"))
            continue
        value = event["subject_value"].strip()
        value = value.lower() if event["subject_type"] == "email" else value
        for person in holders.get((event["subject_type"], value), ()):
            signals[person, event["purpose"]].append((when, rank[event["status"]], event["status"]))
    for row in _latest_versions(raw["shop_customers"], "customer_id"):
        status = "granted" if row["accepts_email_marketing"] == "true" else "denied"
        person = person_of[("shop_customers", row["customer_id"])]
        signals[person, "email_marketing"].append(
            (_instant(row["updated_at"]), rank[status], status)
        )
    opt_ins = {"Y": "granted", "yes": "granted", "1": "granted", "x": "granted",
               "N": "denied", "no": "denied", "0": "denied"}  # fmt: skip
    for row in raw["loyalty_members"]:
        status = opt_ins.get(row["marketing_opt_in"])
        person = person_of.get(("loyalty_members", row["card_number"]))
        if status and person:
            day = _loyalty_date(row["signup_date"])
            when = datetime(day.year, day.month, day.day, tzinfo=UTC)
            for purpose in ("email_marketing", "sms_marketing"):
                signals[person, purpose].append((when, rank[status], status))

    erased = {p["person_id"] for p in truth["persons"] if p["is_erased"] == "true"}
    touched_by_phone = {
        person
        for person, numbers in phone_digits.items()
        for subject in phone_subjects
        for digits in numbers
        if subject.endswith(digits) or digits.endswith(subject)
    }
    checked = Counter()
    for row in truth["consent"]:
        person, purpose = row["person_id"], row["purpose"]
        if person in touched_by_phone:
            continue
        valid = [s for s in signals.get((person, purpose), []) if s[0].date() <= AS_OF]
        expected = "withdrawn" if person in erased else max(valid)[2] if valid else "unknown"
        assert row["status"] == expected, (person, purpose)
        checked[expected] += 1
    assert min(checked.values()) > 20 and len(checked) == 4


def test_bundled_demo_is_exactly_what_the_generator_writes(tmp_path):
    """data/demo must be regenerated whenever the generator changes."""
    fresh = tmp_path / "demo"
    generate(persons=400, seed=42, out=fresh, as_of=AS_OF, workers=0)
    assert files(fresh) == files(REPO_ROOT / "data" / "demo")


def test_bundled_demo_holds_every_trap_in_useful_numbers():
    demo = REPO_ROOT / "data" / "demo"
    manifest = json.loads((demo / "truth" / "manifest.json").read_text())
    groups = manifest["trap_groups"]
    assert groups["twins"] >= 2 and groups["shared_family_email"] >= 2
    assert groups["shared_family_landline"] >= 2 and groups["shared_cookie"] >= 1
    assert all(count > 0 for count in manifest["bad_row_counts"].values())
    loyalty = read(demo / "raw" / "loyalty_members.csv")
    sales = read(demo / "raw" / "pos_transactions.csv")
    house = {r["card_number"] for r in loyalty if r["card_number"].startswith("6300")}
    assert max(sum(s["loyalty_card_number"] == card for s in sales) for card in house) >= 10
    form_emails = Counter(r["email"].strip().lower() for r in loyalty if r["email"])
    clerk_email, forms = max(
        ((e, n) for e, n in form_emails.items() if e not in PLACEHOLDER_EMAILS),
        key=lambda item: item[1],
    )
    assert forms >= 5, clerk_email  # one clerk's email on many customers' forms
    placeholders = sum(
        r[c].strip().lower() in PLACEHOLDER_EMAILS | {"0000000000", "1234567890"}
        for t in ("crm_contacts", "loyalty_members", "shop_orders")
        for r in read(demo / "raw" / f"{t}.csv")
        for c in ("email", "phone")
    )
    assert placeholders >= 5


# --- noise profiles ---------------------------------------------------------------------


def digest(directory: Path, folder: str) -> str:
    """sha256 of a run's files in `folder`; the manifest without the keys profiles added."""
    h = hashlib.sha256()
    for path in sorted((directory / folder).rglob("*.*")):
        data = path.read_bytes()
        if path.name == "manifest.json":
            manifest = json.loads(data)
            manifest.pop("profile"), manifest.pop("profile_parameters")
            data = (json.dumps(manifest, indent=2) + "\n").encode()
        h.update(str(path.relative_to(directory)).encode() + b"\0" + data + b"\0")
    return h.hexdigest()


def test_default_profile_writes_the_bytes_it_wrote_before_profiles(runs):
    assert digest(runs["default"], "raw") == DEFAULT_RAW_DIGEST
    assert digest(runs["default"], "truth") == DEFAULT_TRUTH_DIGEST


def test_each_profile_writes_different_data(runs):
    crm = {name: (run / "raw" / "crm_contacts.csv").read_bytes() for name, run in runs.items()}
    assert len(set(crm.values())) == len(PROFILE_NAMES)


def test_manifest_and_cli_name_the_profile(runs, tmp_path):
    for name, run in runs.items():
        assert profile_of(run) == name
    out = tmp_path / "cli"
    assert main(["--persons", "60", "--seed", "3", "--out", str(out), "--profile", "messy",
                 "--quiet"]) == 0  # fmt: skip
    assert profile_of(out) == "messy"
    with pytest.raises(SystemExit):
        main(["--persons", "60", "--out", str(out), "--profile", "nope", "--quiet"])
    with pytest.raises(ValueError, match="unknown profile"):
        get_profile("nope")


def test_profiles_are_small_documented_data_with_default_rates_unchanged():
    assert set(PROFILES) == set(PROFILE_NAMES)
    assert PROFILES["default"].parameters() == get_profile(None).parameters()
    for profile in PROFILES.values():
        json.dumps(profile.parameters())
        assert profile.description


def _people(profile: str, persons: int = 3000) -> list:
    core = CoreGenerator(7, persons, AS_OF, profile)
    core.build_world()
    return [p for index in range(persons // 1000) for p in core.chunk(index)]


def test_households_profile_has_larger_households_sharing_more_landlines_and_emails():
    stats = {}
    for profile in ("default", "households"):
        people = _people(profile)
        sizes = Counter(p.household for p in people)
        stats[profile] = {
            "mean_size": len(people) / len(sizes),
            "largest": max(sizes.values()),
            "landline": sum(p.shares_landline for p in people) / len(people),
            "family_email": sum(bool(p.family_email) for p in people) / len(people),
        }
        # Households never span chunks: a chunk's people are whole households.
        for index in range(3):
            chunk = {p.household for p in people[index * 1000 : (index + 1) * 1000]}
            rest = {p.household for p in people[: index * 1000] + people[(index + 1) * 1000 :]}
            assert not chunk & rest
    default, households = stats["default"], stats["households"]
    assert default["largest"] == 2 and 1.1 < default["mean_size"] < 1.2
    assert households["largest"] == 8 and households["mean_size"] > 1.6
    assert households["landline"] > 4 * default["landline"]
    assert households["family_email"] > 4 * default["family_email"]


def test_households_profile_family_emails_often_name_no_member():
    people = _people("households")
    members = defaultdict(list)
    for p in people:
        members[p.household].append(p)
    emails = {p.family_email: members[p.household] for p in people if p.family_email}

    def named(email: str, member) -> bool:
        return fold(member.first).replace(" ", "").replace("-", "") in email

    anonymous = [e for e, ms in emails.items() if not any(named(e, m) for m in ms)]
    assert len(anonymous) > 0.5 * len(emails)
    assert any(e.startswith(("home", "ourhome")) for e in anonymous)


def _birth(text: str) -> date | None:
    try:
        return _loyalty_date(text.strip())
    except ValueError:
        return None


def test_households_profile_copies_birth_dates_and_the_truth_keeps_the_own_one(runs):
    run = runs["households"]
    truth_birth = {p["person_id"]: p["birth_date"] for p in read(run / "truth" / "persons.csv")}
    person_of = {(r["source_table"], r["source_record_id"]): r["person_id"]
                 for r in read(run / "truth" / "record_persons.csv")}  # fmt: skip
    shown = defaultdict(set)
    for table, key, column in (("crm_contacts", "contact_id", "birth_date"),
                               ("loyalty_members", "card_number", "birth_date")):  # fmt: skip
        for row in read(run / "raw" / f"{table}.csv"):
            person = person_of.get((table, row[key]))
            day = _birth(row[column]) if row[column] else None
            if person and day:
                shown[person].add(day.isoformat())
    for person, birth in truth_birth.items():
        assert not birth or birth in shown[person], person
    pairs = [r for r in read(run / "truth" / "trap_pairs.csv")
             if r["trap_type"] == "copied_birth_date"]  # fmt: skip
    assert len(pairs) >= 20

    # Fewer records carry a birth date at all than by default.
    def birth_share(name: str) -> float:
        rows = read(runs[name] / "raw" / "crm_contacts.csv")
        return sum(bool(r["birth_date"]) for r in rows) / len(rows)

    assert birth_share("households") < 0.7 * birth_share("default")


def test_messy_profile_has_more_typos_nicknames_and_name_only_tickets(runs):
    def noisy_first_share(name: str) -> float:
        run = runs[name]
        first = {p["person_id"]: p["first_name"] for p in read(run / "truth" / "persons.csv")}
        person_of = {r["source_record_id"]: r["person_id"]
                     for r in read(run / "truth" / "record_persons.csv")
                     if r["source_table"] == "crm_contacts"}  # fmt: skip
        rows = [r for r in read(run / "raw" / "crm_contacts.csv")
                if first.get(person_of.get(r["contact_id"], ""))]  # fmt: skip
        return sum(fold(r["first_name"]) != fold(first[person_of[r["contact_id"]]])
                   for r in rows) / len(rows)  # fmt: skip

    def name_only_share(name: str) -> float:
        rows = read(runs[name] / "raw" / "support_tickets.csv")
        return sum(not r["requester_email"] and not r["requester_phone"] and
                   bool(r["requester_name"]) for r in rows) / len(rows)  # fmt: skip

    assert noisy_first_share("messy") > 1.8 * noisy_first_share("default")
    assert name_only_share("messy") > 3 * name_only_share("default")


def test_names_profile_draws_from_its_own_pool(runs):
    def names_of(name: str) -> tuple[Counter, Counter]:
        persons = read(runs[name] / "truth" / "persons.csv")
        return (Counter(p["first_name"] for p in persons if p["first_name"]),
                Counter(p["last_name"] for p in persons if p["last_name"]))  # fmt: skip

    default_first, default_last = names_of("default")
    first, last = names_of("names")
    assert {"José Luis", "Jan-Willem", "Hans-Peter"} <= first.keys()
    assert not {"José Luis", "Jan-Willem", "Hans-Peter"} & default_first.keys()
    assert "van der Meer" in last or "van 't Zand" in last
    compound = sum(n for name, n in last.items() if " " in name or "-" in name) / last.total()
    default_compound = sum(n for name, n in default_last.items()
                           if " " in name or "-" in name) / default_last.total()  # fmt: skip
    assert compound > 1.5 * default_compound
