{#-
    True when a national significant number looks like a mobile number in the
    countries the project meets: 6 or 7 (France, the Netherlands, Spain, the UK),
    15/16/17 (Germany), 3 (Italy). Everything else, US numbers included, is
    treated as possibly a household landline. Leading zeros are ignored (Italian
    landlines keep theirs). Used to keep unnamed records from joining a household
    through its landline.
-#}
{% macro phone_is_likely_mobile(national_number) -%}
    {{ regexp_is_match(regexp_replace_all(national_number, '^0+', ''), '^(6|7|1[5-7]|3)') }}
{%- endmacro %}
