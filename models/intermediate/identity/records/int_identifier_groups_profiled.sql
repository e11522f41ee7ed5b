{#-
    One row per identifier value (an identifier group: the records that carry
    it), profiled for the over-merge guards. A group over its limit is
    `is_shared`: it is evidence of a household, a till, a placeholder or a
    data-entry habit, not of one person, and it links nothing. An email whose
    local part names a household (two given names, a family word:
    int_email_local_parts_read) is flagged `household_email_reason`: records
    without a name cannot join through it.
-#}
with

identifiers as (

    select * from {{ ref('int_identifiers_unioned') }}
    where not is_blocked

),

records as (

    select
        record_key,
        is_person_record,
        {{ name_signature_columns() }},
        birth_date
    from {{ ref('int_source_records') }}

),

members as (

    select
        identifiers.identifier_key,
        identifiers.identifier_type,
        identifiers.identifier_value,
        records.is_person_record,
        records.first_name_canonical,
        records.birth_date
    from identifiers
    inner join records
        on identifiers.record_key = records.record_key

),

card_payments as (

    select distinct
        cards.identifier_key as card_key,
        tokens.identifier_key as token_key
    from identifiers as cards
    inner join identifiers as tokens
        on cards.record_key = tokens.record_key
    where
        cards.identifier_type = 'loyalty_card_number'
        and tokens.identifier_type = 'payment_token'

),

payment_cards_per_loyalty_card as (

    select
        card_key as identifier_key,
        count(*) as distinct_payment_cards
    from card_payments
    group by card_key

),

card_owners as (

    select
        identifiers.identifier_key as card_key,
        {{ name_signature_columns('records') }},
        records.birth_date
    from identifiers
    inner join records
        on identifiers.record_key = records.record_key
    where identifiers.identifier_type = 'loyalty_card_number' and records.is_person_record

),

-- A house card is scanned for walk-in customers, whose payment cards also pay with their
-- own loyalty cards: payment cards that pay for the card's owner and for someone else.
-- (A person's two loyalty cards share payment cards too, but their owners agree.) A house card
-- already known by its many payment cards is not another person: a member whose own payment
-- cards were also used with the till's card when they forgot theirs keeps their card.
payment_cards_lent_to_other_people as (

    select
        identifier_key,
        count(distinct token_key) as payment_cards_of_other_people
    from (
        -- The two owners (l and r) of each pair of cards paid with one payment card, with their
        -- name relations selected once.
        select
            own.card_key as identifier_key,
            own.token_key,
            {{ name_relation_columns('l', 'r') }}
        from card_payments as own
        inner join card_payments as other
            on own.token_key = other.token_key and own.card_key <> other.card_key
        inner join payment_cards_per_loyalty_card as other_cards
            on other.card_key = other_cards.identifier_key
        inner join card_owners as l
            on own.card_key = l.card_key
        inner join card_owners as r
            on other.card_key = r.card_key
        where other_cards.distinct_payment_cards <= {{ var('identity_max_payment_cards_per_loyalty_card') }}
    ) as owner_pairs
    -- Typo-tolerant: one member's two cards, signed 'Tim Hagee' and 'Tm Hageer', are one owner.
    where {{ signatures_conflict_of(
        name_relations_of(), tolerate_typos=true, typos_need_compatible_surnames=true
    ) }}
    group by identifier_key

),

loyalty_cards_per_payment_card as (

    select
        tokens.identifier_key,
        count(distinct cards.identifier_value) as distinct_loyalty_cards
    from identifiers as tokens
    inner join identifiers as cards
        on tokens.record_key = cards.record_key
    where
        tokens.identifier_type = 'payment_token'
        and cards.identifier_type = 'loyalty_card_number'
    group by tokens.identifier_key

),

household_email_reasons as (

    select
        identifier_key,
        household_email_reason
    from {{ ref('int_email_local_parts_read') }}

),

profiled as (

    select
        identifier_key,
        identifier_type,
        identifier_value,
        count(*) as record_count,
        sum(case when is_person_record then 1 else 0 end) as person_record_count,
        count(distinct first_name_canonical) as distinct_first_names,
        count(distinct birth_date) as distinct_birth_dates
    from members
    group by identifier_key, identifier_type, identifier_value

),

final as (

    select
        profiled.identifier_key,
        profiled.identifier_type,
        profiled.identifier_value,
        profiled.record_count,
        profiled.person_record_count,
        profiled.distinct_first_names,
        profiled.distinct_birth_dates,
        coalesce(payment_cards_per_loyalty_card.distinct_payment_cards, 0) as distinct_payment_cards,
        coalesce(payment_cards_lent_to_other_people.payment_cards_of_other_people, 0)
            as payment_cards_of_other_people,
        coalesce(loyalty_cards_per_payment_card.distinct_loyalty_cards, 0) as distinct_loyalty_cards,
        {{ identifier_type_has('profiled.identifier_type', 'is_household_shareable') }} as is_household_shareable,
        household_email_reasons.household_email_reason,
        case
            when profiled.record_count > {{ var('identity_max_records_per_identifier') }}
                then 'carried by more than {{ var("identity_max_records_per_identifier") }} records'
            {{- identifier_first_name_limit_branches('profiled.identifier_type', 'profiled.distinct_first_names') }}
            when profiled.identifier_type = 'loyalty_card_number'
                and payment_cards_per_loyalty_card.distinct_payment_cards
                > {{ var('identity_max_payment_cards_per_loyalty_card') }}
                then 'house card: scanned with more than {{ var("identity_max_payment_cards_per_loyalty_card") }} payment cards'  -- message text -- noqa: LT05
            when profiled.identifier_type = 'loyalty_card_number'
                and payment_cards_lent_to_other_people.payment_cards_of_other_people
                > {{ var('identity_max_other_peoples_payment_cards_per_loyalty_card') }}
                then 'house card: scanned with payment cards of more than {{ var("identity_max_other_peoples_payment_cards_per_loyalty_card") }} other people'  -- message text -- noqa: LT05
            when profiled.identifier_type = 'payment_token'
                and loyalty_cards_per_payment_card.distinct_loyalty_cards
                > {{ var('identity_max_loyalty_cards_per_payment_card') }}
                then 'payment card used with more than {{ var("identity_max_loyalty_cards_per_payment_card") }} loyalty cards'  -- message text -- noqa: LT05
        end as shared_reason
    from profiled
    left join payment_cards_per_loyalty_card
        on profiled.identifier_key = payment_cards_per_loyalty_card.identifier_key
    left join loyalty_cards_per_payment_card
        on profiled.identifier_key = loyalty_cards_per_payment_card.identifier_key
    left join payment_cards_lent_to_other_people
        on profiled.identifier_key = payment_cards_lent_to_other_people.identifier_key
    left join household_email_reasons
        on profiled.identifier_key = household_email_reasons.identifier_key

)

select
    *,
    shared_reason is not null as is_shared
from final
