-- Macro salted_hash: md5('<salt>|<value>'), here with a fixed salt against a known digest.
with

actual as (

    select {{ salted_hash("'email:ana@example.com'", salt='test-salt') }} as value_hash

)

select value_hash
from actual
where value_hash <> 'd6cd24904e57b0ab6d41e46c42b33ac5'
