-- Macro is_gender_variant: one name the other's feminine form, in either order (Mario / Maria,
-- Martin / Martina, Francois / Francoise, Michel / Michelle, Giuseppe / Giuseppina), is a gender
-- variant, never NULL; two spellings of one name or two different names are not. The same with
-- the forms computed inline and with the precomputed masculine_forms columns the records carry.
{%- set cases = [
    ('maria', 'mario', true), ('mario', 'maria', true), ('giovanni', 'giovanna', true),
    ('martin', 'martina', true), ('paul', 'paula', true), ('christian', 'christina', true),
    ('francois', 'francoise', true), ('michel', 'michelle', true), ('stephane', 'stephanie', true),
    ('giuseppe', 'giuseppina', true), ('giuseppina', 'giuseppe', true),
    ('maria', 'marta', false), ('noemie', 'noemiie', false), ('claudi', 'claudia', false),
    ('william', 'wulliam', false), ('thomas', 'tomas', false), ('anna', 'hannah', false),
    ('maria', '', false),
] %}
with

cases as (

    {{ literal_rows(cases, [
        ('left_name', "nullif('%s', '')"),
        ('right_name', "nullif('%s', '')"),
        ('expected_to_be_gender_variant', "%s"),
    ]) }}

),

computed as (

    select
        *,
        {{ masculine_forms('left_name') }} as left_forms,
        {{ masculine_forms('right_name') }} as right_forms
    from cases

)

select * from computed
where
    {{ is_gender_variant('left_name', 'right_name') }} is distinct from expected_to_be_gender_variant
    or {{ is_gender_variant('left_name', 'right_name', 'left_forms', 'right_forms') }}
    is distinct from expected_to_be_gender_variant
