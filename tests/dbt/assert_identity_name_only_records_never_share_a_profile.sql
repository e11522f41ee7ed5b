-- Records with a name alone are their own profiles: 500 tickets from 'John Smith' are no evidence
-- of one person, and records joined to one profile become one customer once it matches.
select
    profile_key,
    count(*) as record_count
from {{ ref('int_match_profile_records') }}
where is_name_only
group by profile_key
having count(*) > 1
