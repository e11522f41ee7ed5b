-- Macro masculine_forms: the masculine names a name is the feminine form of, and none for a name
-- that is no feminine form ('mario', 'noemiie', a short 'ana').
{%- set cases = [
    ('maria', '|mario|marie|marii|marius|maries|'),
    ('daniela', '|danielo|daniele|danieli|danielus|danieles|daniel|'),
    ('sandra', '|sandro|sandre|sandri|sandrus|sandres|sander|sandr|'),
    ('christina', '|christino|christine|christini|christinus|christines|christian|christin|chr*|chri*|chris*|christ*|'),
    ('louise', '|louis|'),
    ('danielle', '|daniell|daniel|'),
    ('stephanie', '|stephane|'),
    ('noemiie', '|'),
    ('giuseppina', '|giuseppino|giuseppine|giuseppini|giuseppinus|giuseppines|giuseppian|giuseppin|giu*|gius*|giuse*|giusep*|giusepp*|'),
    ('johanna', '|johanno|johanne|johanni|johannus|johannes|johanan|johann|'),
    ('mario', '|'),
    ('ana', '|ano|ane|ani|'),
] %}
with

cases as (

    {{ literal_rows(cases, [
        ('given_name', "'%s'"),
        ('expected_forms', "'%s'"),
    ]) }}

),

computed as (

    select
        given_name,
        expected_forms,
        {{ masculine_forms('given_name') }} as computed_forms
    from cases

)

select * from computed
where computed_forms is distinct from expected_forms
