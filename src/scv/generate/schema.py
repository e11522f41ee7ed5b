"""The raw contract's tables and vocabularies, as the generator writes them."""

TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "crm_contacts": (
        "contact_id", "first_name", "last_name", "email", "phone", "birth_date", "gender",
        "street", "city", "postal_code", "country", "created_at", "updated_at", "is_deleted",
    ),
    "shop_customers": (
        "customer_id", "email", "first_name", "last_name", "phone", "address_line1", "city",
        "zip", "country_code", "accepts_email_marketing", "created_at", "updated_at",
    ),
    "shop_orders": (
        "order_id", "customer_id", "email", "phone", "billing_first_name", "billing_last_name",
        "billing_address_line1", "billing_city", "billing_zip", "billing_country_code",
        "ordered_at", "currency", "total_amount", "status",
    ),
    "shop_order_lines": (
        "order_id", "line_number", "sku", "product_category", "quantity", "unit_price",
    ),
    "pos_transactions": (
        "transaction_id", "store_id", "loyalty_card_number", "payment_token", "transacted_at",
        "currency", "amount",
    ),
    "loyalty_members": (
        "card_number", "full_name", "email", "phone", "birth_date", "signup_store",
        "signup_date", "marketing_opt_in",
    ),
    "web_events": (
        "event_id", "occurred_at", "anonymous_id", "user_id", "device_id", "event_type",
        "email", "order_id", "page_url",
    ),
    "support_tickets": (
        "ticket_id", "requester_email", "requester_phone", "requester_name", "channel",
        "created_at", "solved_at", "status", "satisfaction",
    ),
    "consent_events": (
        "consent_event_id", "subject_type", "subject_value", "purpose", "status",
        "source_system", "captured_at", "policy_version",
    ),
    "erasure_requests": ("request_id", "subject_type", "subject_value", "requested_at"),
}  # fmt: skip

TABLES: tuple[str, ...] = tuple(TABLE_COLUMNS)

# The crosswalk's key per person-bearing table (customer_crosswalk in the contract).
PERSON_BEARING_KEYS: dict[str, str] = {
    "crm_contacts": "contact_id",
    "shop_customers": "customer_id",
    "shop_orders": "order_id",
    "pos_transactions": "transaction_id",
    "loyalty_members": "card_number",
    "support_tickets": "ticket_id",
    "web_events": "anonymous_id",
}

PURPOSES: tuple[str, ...] = (
    "email_marketing", "sms_marketing", "profiling", "third_party_sharing",
)  # fmt: skip
CONSENT_STATUSES: tuple[str, ...] = ("granted", "denied", "withdrawn")
# On a tie at the same instant the more restrictive status wins.
STATUS_RESTRICTIVENESS: dict[str, int] = {"granted": 0, "denied": 1, "withdrawn": 2}
CONSENT_SOURCES: tuple[str, ...] = (
    "preference_center", "shop_checkout", "crm", "loyalty_form", "support", "esp_unsubscribe",
)  # fmt: skip
ORDER_STATUSES: tuple[str, ...] = ("paid", "pending", "cancelled", "refunded")

TRAP_TYPES: tuple[str, ...] = (
    "shared_family_email", "shared_family_landline", "twins", "same_common_name",
    "shared_cookie", "placeholder_email", "placeholder_phone", "employee_email", "house_card",
)  # fmt: skip

# Written by profiles with `household_traps` (every profile but `default`, whose truth stays
# as it was): records of two members of one household (same address, often the same
# surname), and a record giving a household member's birth date with that member's records.
HOUSEHOLD_TRAP_TYPES: tuple[str, ...] = ("same_household", "copied_birth_date")

BAD_ROW_KINDS: tuple[str, ...] = (
    "malformed_date", "exact_duplicate", "repeated_key", "non_numeric_amount",
    "unknown_order_status", "unknown_consent_value", "dated_after_as_of",
    "erasure_unknown_subject", "empty_key",
)  # fmt: skip

PLACEHOLDER_EMAILS: tuple[str, ...] = ("none@none.com", "n/a", "noemail@example.com")
PLACEHOLDER_PHONES: tuple[str, ...] = ("0000000000", "1234567890")
