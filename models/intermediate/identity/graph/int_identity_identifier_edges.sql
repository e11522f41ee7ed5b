{#-
    The identity graph's edges from identifiers and steward decisions, every one
    explained (int_identity_edges adds the probabilistic matches; apart, these
    build beside the matching models). A record is joined to the
    identifier groups it carries (`identifier` edges); a household-shareable
    group (email, phone) in which two people conflict is split by signature
    (first name, last name, birth date) so that only compatible records meet;
    steward must-links join two records directly. Names are read in given-name
    order ('Fonto Maria' is Maria Fonto), and two different common given names
    are two people however alike. A record without a name does not join through
    a phone other than a mobile or a household email, nor one with only an
    initial (and no birth date) through either.
    Rejected edges stay, with the guard that rejected them, so "why not linked"
    is a query too.
-#}
with

-- Names in given-name order, so that 'Fonto Maria' and 'Fonto Simone' are Maria and Simone.
records as (

    select
        records.record_key,
        records.is_person_record,
        {{ given_order_name_signature_columns('records') }},
        records.birth_date,
        coalesce(records.is_mobile_phone, false) as is_mobile_phone,
        records.first_name_normalised is null and records.birth_date is null as is_attribute_less,
        coalesce(length(records.first_name_normalised) = 1, false) and records.birth_date is null as is_initial_only,
        records.is_given_first_name
    from {{ ref('int_source_records') }} as records

),

groups as (

    select * from {{ ref('int_identifier_groups_profiled') }}

),

overrides as (

    select
        decision,
        {{ record_key('left_source_table', 'left_source_record_id') }} as left_record_key,
        {{ record_key('right_source_table', 'right_source_record_id') }} as right_record_key,
        reason
    from {{ ref('identity_overrides') }}

),

cannot_links as (

    -- Both orders, so either side can be looked up.
    select
        left_record_key as record_key,
        right_record_key as other_record_key
    from overrides
    where decision = 'cannot_link'
    union all
    select
        right_record_key as record_key,
        left_record_key as other_record_key
    from overrides
    where decision = 'cannot_link'

),

memberships as (

    select
        identifiers.record_key,
        identifiers.identifier_key,
        identifiers.identifier_type,
        identifiers.identifier_value,
        identifiers.blocked_reason,
        groups.shared_reason,
        coalesce(groups.is_household_shareable, false) as is_household_shareable,
        groups.household_email_reason,
        records.is_attribute_less,
        records.is_initial_only,
        records.is_mobile_phone,
        records.is_given_first_name,
        {{ name_signature_columns('records') }},
        records.birth_date,
        {{ dbt.concat([
            'identifiers.identifier_key', "'|'",
            "coalesce(records.first_name_normalised, '~')", "'|'",
            "coalesce(records.last_name_normalised, '~')", "'|'",
            "coalesce(" ~ dbt.cast('records.birth_date', dbt.type_string()) ~ ", '~')"
        ]) }} as signature_key
    from {{ ref('int_identifiers_unioned') }} as identifiers
    inner join records
        on identifiers.record_key = records.record_key
    left join groups
        on identifiers.identifier_key = groups.identifier_key

),

usable as (

    select * from memberships
    where blocked_reason is null and shared_reason is null

),

-- Distinct attribute signatures per identifier group.
group_signatures as (

    select distinct
        identifier_key,
        is_household_shareable,
        signature_key,
        {{ name_signature_columns() }},
        birth_date,
        is_given_first_name
    from usable
    where not is_attribute_less

),

-- Each pair of signatures in a household-shareable group (l and r, as Splink names a pair's sides),
-- with their name relations selected once.
signature_pairs_related as (

    select
        l.identifier_key,
        l.signature_key as left_signature_key,
        r.signature_key as right_signature_key,
        l.is_given_first_name and r.is_given_first_name as are_both_given_names,
        l.first_name_normalised <> r.first_name_normalised
        and l.first_name_canonical <> r.first_name_canonical as are_names_different,
        -- Spellings of one name differ by one letter inside it (Jan and Jean, Ana and Anna).
        (
            {{ levenshtein('l.first_name_normalised', 'r.first_name_normalised') }}
            >= 2
            or substr(l.first_name_normalised, 1, 1)
            <> substr(r.first_name_normalised, 1, 1)
            or {{ dbt.right('l.first_name_normalised', '1') }}
            <> {{ dbt.right('r.first_name_normalised', '1') }}
        ) as are_not_one_spelling,
        {{ name_relation_columns('l', 'r') }}
    from group_signatures as l
    inner join group_signatures as r
        on
            l.identifier_key = r.identifier_key
            and l.signature_key < r.signature_key
    where l.is_household_shareable

),

signature_pairs as (

    select
        identifier_key,
        left_signature_key,
        right_signature_key,
        (
            {{ signatures_conflict_of(name_relations_of(), typos_need_compatible_surnames=true) }}
            -- Two different common given names are two people, however alike (Michael and Michelle).
            or (are_both_given_names and are_names_different and are_not_one_spelling)
        ) as is_conflict
    from signature_pairs_related

),

conflicted_groups as (

    select distinct identifier_key
    from signature_pairs
    where is_conflict

),

-- Both orders of every signature pair in a conflicted group.
conflicted_pairs as (

    select
        identifier_key,
        left_signature_key as signature_key,
        right_signature_key as other_signature_key,
        is_conflict
    from signature_pairs
    where identifier_key in (select identifier_key from conflicted_groups)
    union all
    select
        identifier_key,
        right_signature_key as signature_key,
        left_signature_key as other_signature_key,
        is_conflict
    from signature_pairs
    where identifier_key in (select identifier_key from conflicted_groups)

),

-- A signature compatible with two people who conflict cannot say which of them it is.
ambiguous_signatures as (

    select distinct first_compatible.signature_key
    from conflicted_pairs as first_compatible
    inner join conflicted_pairs as second_compatible
        on
            first_compatible.signature_key = second_compatible.signature_key
            and first_compatible.other_signature_key < second_compatible.other_signature_key
    inner join conflicted_pairs as between_them
        on
            first_compatible.other_signature_key = between_them.signature_key
            and second_compatible.other_signature_key = between_them.other_signature_key
    where
        not first_compatible.is_conflict
        and not second_compatible.is_conflict
        and between_them.is_conflict

),

-- The people an identifier group speaks for: the signatures of its attribute-bearing members.
node_signatures as (

    select
        identifier_key,
        signature_key,
        {{ name_signature_columns() }},
        birth_date
    from group_signatures
    where identifier_key not in (select identifier_key from conflicted_groups)

),

-- What a record without attributes of its own reaches through its identifiers, one hop.
attribute_less_reach as (

    select distinct
        usable.record_key,
        usable.identifier_key,
        node_signatures.signature_key,
        {{ dbt.concat([
            "coalesce(node_signatures.first_name_normalised, '~')", "'|'",
            "coalesce(node_signatures.first_name_canonical, '~')", "'|'",
            "coalesce(node_signatures.last_name_normalised, '~')", "'|'",
            "coalesce(" ~ dbt.cast('node_signatures.birth_date', dbt.type_string()) ~ ", '~')"
        ]) }} as person_key,
        {{ name_signature_columns('node_signatures') }},
        node_signatures.birth_date
    from usable
    inner join node_signatures
        on usable.identifier_key = node_signatures.identifier_key
    where usable.is_attribute_less

),

-- Two identifiers of one attribute-less record that reach two people.
record_reach_pairs as (

    select
        left_reach.record_key,
        least(left_reach.person_key, right_reach.person_key) as lower_person_key,
        greatest(left_reach.person_key, right_reach.person_key) as higher_person_key
    from attribute_less_reach as left_reach
    inner join attribute_less_reach as right_reach
        on
            left_reach.record_key = right_reach.record_key
            and left_reach.identifier_key < right_reach.identifier_key
    where left_reach.person_key <> right_reach.person_key

),

-- A group of attribute-less records (a payment card's receipts, a device's cookies) that reaches
-- conflicting people through its members is shared too: it would chain them together.
satellite_group_reach as (

    select distinct
        usable.identifier_key,
        attribute_less_reach.identifier_key as via_identifier_key,
        attribute_less_reach.signature_key,
        attribute_less_reach.person_key
    from usable
    inner join attribute_less_reach
        on
            usable.record_key = attribute_less_reach.record_key
            and usable.identifier_key <> attribute_less_reach.identifier_key
    where {{ identifier_type_has('usable.identifier_type', 'is_carried_by_anonymous_records') }}

),

-- Two members of one group that reach two people through their other identifiers.
group_reach_pairs as (

    select
        left_reach.identifier_key,
        least(left_reach.person_key, right_reach.person_key) as lower_person_key,
        greatest(left_reach.person_key, right_reach.person_key) as higher_person_key
    from satellite_group_reach as left_reach
    inner join satellite_group_reach as right_reach
        on
            left_reach.identifier_key = right_reach.identifier_key
            and left_reach.via_identifier_key < right_reach.via_identifier_key
    where left_reach.person_key <> right_reach.person_key

),

reached_people as (

    select distinct
        person_key,
        {{ name_signature_columns() }},
        birth_date
    from attribute_less_reach

),

-- Both kinds of reach: an attribute-less record (through its identifiers), a group (through its members).
reach_pairs as (

    select
        'record' as reached_through,
        record_key as reaching_key,
        lower_person_key,
        higher_person_key
    from record_reach_pairs
    union all
    select
        'group' as reached_through,
        identifier_key as reaching_key,
        lower_person_key,
        higher_person_key
    from group_reach_pairs

),

-- Every pair of people reached, judged once. Typo-tolerant: receipts paid by 'Lea Petit' and
-- 'La Petit' reach one person.
conflicting_reached_people as (

    select
        lower_person_key,
        higher_person_key
    from (
        select
            reached_pairs.lower_person_key,
            reached_pairs.higher_person_key,
            {{ name_relation_columns('l', 'r') }}
        from (
            select distinct
                lower_person_key,
                higher_person_key
            from reach_pairs
        ) as reached_pairs
        inner join reached_people as l
            on reached_pairs.lower_person_key = l.person_key
        inner join reached_people as r
            on reached_pairs.higher_person_key = r.person_key
    ) as related_pairs
    where {{ signatures_conflict_of(name_relations_of(), tolerate_typos=true, typos_need_compatible_surnames=true) }}

),

-- Records and groups that reach two people who conflict.
conflicting_reaches as (

    select distinct
        reach_pairs.reached_through,
        reach_pairs.reaching_key
    from reach_pairs
    inner join conflicting_reached_people
        on
            reach_pairs.lower_person_key = conflicting_reached_people.lower_person_key
            and reach_pairs.higher_person_key = conflicting_reached_people.higher_person_key

),

ambiguous_records as (

    select reaching_key as record_key
    from conflicting_reaches
    where reached_through = 'record'

),

chaining_groups as (

    select reaching_key as identifier_key
    from conflicting_reaches
    where reached_through = 'group'

),

-- Records a steward declared different from another record in the same group.
steward_separated as (

    select distinct
        usable.record_key,
        usable.identifier_key
    from usable
    inner join cannot_links
        on usable.record_key = cannot_links.record_key
    inner join usable as other
        on
            cannot_links.other_record_key = other.record_key
            and usable.identifier_key = other.identifier_key
    -- The larger key of the two steps out; the other keeps the identifier.
    where usable.record_key > other.record_key

),

membership_edges as (

    select
        memberships.record_key as left_node,
        case
            when memberships.identifier_key in (select identifier_key from conflicted_groups)
                then memberships.signature_key
            else memberships.identifier_key
        end as right_node,
        case
            when memberships.identifier_key in (select identifier_key from conflicted_groups)
                then 'identifier_signature'
            else 'identifier'
        end as edge_type,
        memberships.identifier_type,
        memberships.identifier_value,
        case
            when memberships.blocked_reason is not null
                then 'blocked_value'
            when memberships.shared_reason is not null
                then 'shared_identifier'
            when memberships.identifier_key in (select identifier_key from chaining_groups)
                then 'shared_identifier_chaining_people'
            when memberships.record_key in (select record_key from ambiguous_records)
                then 'ambiguous_reaching_conflicting_people'
            when
                memberships.is_attribute_less and memberships.identifier_type = 'phone'
                and not memberships.is_mobile_phone
                -- A landline is often a household's: alone it does not say which member an unnamed
                -- record is. A mobile reaches one person.
                then 'ambiguous_unnamed_on_landline'
            when
                memberships.is_initial_only and memberships.identifier_type = 'phone'
                and not memberships.is_mobile_phone
                -- Family members often share an initial and a surname (Samuel and Susan Westwood).
                then 'ambiguous_initial_on_landline'
            when memberships.is_attribute_less and memberships.household_email_reason is not null
                -- A family's address: alone it does not say which member an unnamed record is.
                then 'ambiguous_unnamed_on_household_email'
            when memberships.is_initial_only and memberships.household_email_reason is not null
                -- Nor which member 'J. Sutcroft' at thesutcrofts@ is (Joanne, or John).
                then 'ambiguous_initial_on_household_email'
            when
                memberships.identifier_key in (select identifier_key from conflicted_groups)
                and (
                    memberships.is_attribute_less
                    or memberships.signature_key in (select signature_key from ambiguous_signatures)
                )
                then 'ambiguous_compatible_with_conflicting_people'
            when
                exists (
                    select 1 from steward_separated
                    where
                        steward_separated.record_key = memberships.record_key
                        and steward_separated.identifier_key = memberships.identifier_key
                )
                then 'steward_cannot_link'
        end as rejection_code,
        -- What the reason names: which blocked value, which shared value's guard, which pattern.
        coalesce(memberships.blocked_reason, memberships.shared_reason, memberships.household_email_reason)
            as rejection_detail
    from memberships

),

-- Inside a conflicted group, signatures that are the same person (compatible, neither ambiguous) meet.
signature_edges as (

    select
        left_signature_key as left_node,
        right_signature_key as right_node,
        'signature_compatible' as edge_type,
        cast(null as {{ dbt.type_string() }}) as identifier_type,
        cast(null as {{ dbt.type_string() }}) as identifier_value,
        cast(null as {{ dbt.type_string() }}) as rejection_code,
        cast(null as {{ dbt.type_string() }}) as rejection_detail
    from signature_pairs
    where
        not is_conflict
        and identifier_key in (select identifier_key from conflicted_groups)
        and left_signature_key not in (select signature_key from ambiguous_signatures)
        and right_signature_key not in (select signature_key from ambiguous_signatures)

),

steward_edges as (

    select
        must_links.left_record_key as left_node,
        must_links.right_record_key as right_node,
        'steward_must_link' as edge_type,
        cast(null as {{ dbt.type_string() }}) as identifier_type,
        cast(null as {{ dbt.type_string() }}) as identifier_value,
        case
            when cannot_links.record_key is not null
                then 'steward_conflict'
        end as rejection_code,
        cast(null as {{ dbt.type_string() }}) as rejection_detail
    from overrides as must_links
    left join cannot_links
        on
            must_links.left_record_key = cannot_links.record_key
            and must_links.right_record_key = cannot_links.other_record_key
    where must_links.decision = 'must_link'

),

unioned as (

    select * from membership_edges
    union all
    select * from signature_edges
    union all
    select * from steward_edges

)

select
    left_node,
    right_node,
    edge_type,
    identifier_type,
    identifier_value,
    rejection_code is null as is_accepted,
    {{ rejection_reason_text('rejection_code', 'rejection_detail') }} as rejection_reason,
    rejection_code
from unioned
