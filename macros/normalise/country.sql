{#-
    Country reference data, in one place: ISO 3166-1 alpha-2 and alpha-3 codes,
    the English name and common aliases (in matching form: lower case, no dots;
    spelt with and without accents), the ITU calling code and the national
    trunk prefix ('' where numbers are dialled the same at home and abroad).
    Country and phone normalisation generate their CASE expressions from it, so
    staging never joins a reference table. Add a country here and every model
    that reads countries or phones picks it up on the next build.
-#}
{% macro country_reference() %}
    {{ return([
        {'iso2': 'AD', 'iso3': 'AND', 'name': 'andorra', 'aliases': [], 'calling_code': '376', 'trunk_prefix': ''},
        {'iso2': 'AE', 'iso3': 'ARE', 'name': 'united arab emirates', 'aliases': ['uae', 'emirates', 'the united arab emirates'], 'calling_code': '971', 'trunk_prefix': '0'},
        {'iso2': 'AL', 'iso3': 'ALB', 'name': 'albania', 'aliases': [], 'calling_code': '355', 'trunk_prefix': '0'},
        {'iso2': 'AR', 'iso3': 'ARG', 'name': 'argentina', 'aliases': [], 'calling_code': '54', 'trunk_prefix': '0'},
        {'iso2': 'AT', 'iso3': 'AUT', 'name': 'austria', 'aliases': ['österreich', 'osterreich', 'oesterreich'], 'calling_code': '43', 'trunk_prefix': '0'},
        {'iso2': 'AU', 'iso3': 'AUS', 'name': 'australia', 'aliases': [], 'calling_code': '61', 'trunk_prefix': '0'},
        {'iso2': 'BA', 'iso3': 'BIH', 'name': 'bosnia and herzegovina', 'aliases': ['bosnia', 'bosnia-herzegovina'], 'calling_code': '387', 'trunk_prefix': '0'},
        {'iso2': 'BE', 'iso3': 'BEL', 'name': 'belgium', 'aliases': ['belgië', 'belgie', 'belgique', 'belgien'], 'calling_code': '32', 'trunk_prefix': '0'},
        {'iso2': 'BG', 'iso3': 'BGR', 'name': 'bulgaria', 'aliases': [], 'calling_code': '359', 'trunk_prefix': '0'},
        {'iso2': 'BR', 'iso3': 'BRA', 'name': 'brazil', 'aliases': ['brasil'], 'calling_code': '55', 'trunk_prefix': '0'},
        {'iso2': 'BY', 'iso3': 'BLR', 'name': 'belarus', 'aliases': [], 'calling_code': '375', 'trunk_prefix': '8'},
        {'iso2': 'CA', 'iso3': 'CAN', 'name': 'canada', 'aliases': [], 'calling_code': '1', 'trunk_prefix': '1'},
        {'iso2': 'CH', 'iso3': 'CHE', 'name': 'switzerland', 'aliases': ['schweiz', 'suisse', 'svizzera'], 'calling_code': '41', 'trunk_prefix': '0'},
        {'iso2': 'CL', 'iso3': 'CHL', 'name': 'chile', 'aliases': [], 'calling_code': '56', 'trunk_prefix': ''},
        {'iso2': 'CN', 'iso3': 'CHN', 'name': 'china', 'aliases': ['peoples republic of china', 'prc'], 'calling_code': '86', 'trunk_prefix': '0'},
        {'iso2': 'CO', 'iso3': 'COL', 'name': 'colombia', 'aliases': [], 'calling_code': '57', 'trunk_prefix': ''},
        {'iso2': 'CY', 'iso3': 'CYP', 'name': 'cyprus', 'aliases': [], 'calling_code': '357', 'trunk_prefix': ''},
        {'iso2': 'CZ', 'iso3': 'CZE', 'name': 'czechia', 'aliases': ['czech republic', 'the czech republic'], 'calling_code': '420', 'trunk_prefix': ''},
        {'iso2': 'DE', 'iso3': 'DEU', 'name': 'germany', 'aliases': ['deutschland', 'allemagne', 'alemania', 'germania', 'duitsland'], 'calling_code': '49', 'trunk_prefix': '0'},
        {'iso2': 'DK', 'iso3': 'DNK', 'name': 'denmark', 'aliases': ['danmark'], 'calling_code': '45', 'trunk_prefix': ''},
        {'iso2': 'DZ', 'iso3': 'DZA', 'name': 'algeria', 'aliases': [], 'calling_code': '213', 'trunk_prefix': '0'},
        {'iso2': 'EE', 'iso3': 'EST', 'name': 'estonia', 'aliases': [], 'calling_code': '372', 'trunk_prefix': ''},
        {'iso2': 'EG', 'iso3': 'EGY', 'name': 'egypt', 'aliases': [], 'calling_code': '20', 'trunk_prefix': '0'},
        {'iso2': 'ES', 'iso3': 'ESP', 'name': 'spain', 'aliases': ['españa', 'espana', 'espagne', 'spanien', 'spagna', 'spanje'], 'calling_code': '34', 'trunk_prefix': ''},
        {'iso2': 'FI', 'iso3': 'FIN', 'name': 'finland', 'aliases': ['suomi'], 'calling_code': '358', 'trunk_prefix': '0'},
        {'iso2': 'FR', 'iso3': 'FRA', 'name': 'france', 'aliases': ['frankreich', 'francia', 'frankrijk'], 'calling_code': '33', 'trunk_prefix': '0'},
        {'iso2': 'GB', 'iso3': 'GBR', 'name': 'united kingdom', 'aliases': ['uk', 'u k', 'the united kingdom', 'great britain', 'britain', 'england', 'scotland', 'wales', 'northern ireland', 'united kingdom of great britain and northern ireland'], 'calling_code': '44', 'trunk_prefix': '0'},
        {'iso2': 'GR', 'iso3': 'GRC', 'name': 'greece', 'aliases': ['el', 'hellas'], 'calling_code': '30', 'trunk_prefix': ''},
        {'iso2': 'HK', 'iso3': 'HKG', 'name': 'hong kong', 'aliases': [], 'calling_code': '852', 'trunk_prefix': ''},
        {'iso2': 'HR', 'iso3': 'HRV', 'name': 'croatia', 'aliases': ['hrvatska'], 'calling_code': '385', 'trunk_prefix': '0'},
        {'iso2': 'HU', 'iso3': 'HUN', 'name': 'hungary', 'aliases': ['magyarország', 'magyarorszag'], 'calling_code': '36', 'trunk_prefix': '06'},
        {'iso2': 'IE', 'iso3': 'IRL', 'name': 'ireland', 'aliases': ['republic of ireland', 'eire'], 'calling_code': '353', 'trunk_prefix': '0'},
        {'iso2': 'IL', 'iso3': 'ISR', 'name': 'israel', 'aliases': [], 'calling_code': '972', 'trunk_prefix': '0'},
        {'iso2': 'IN', 'iso3': 'IND', 'name': 'india', 'aliases': [], 'calling_code': '91', 'trunk_prefix': '0'},
        {'iso2': 'IS', 'iso3': 'ISL', 'name': 'iceland', 'aliases': [], 'calling_code': '354', 'trunk_prefix': ''},
        {'iso2': 'IT', 'iso3': 'ITA', 'name': 'italy', 'aliases': ['italia', 'italie', 'italien'], 'calling_code': '39', 'trunk_prefix': ''},
        {'iso2': 'JP', 'iso3': 'JPN', 'name': 'japan', 'aliases': [], 'calling_code': '81', 'trunk_prefix': '0'},
        {'iso2': 'KR', 'iso3': 'KOR', 'name': 'south korea', 'aliases': ['korea', 'republic of korea'], 'calling_code': '82', 'trunk_prefix': '0'},
        {'iso2': 'LI', 'iso3': 'LIE', 'name': 'liechtenstein', 'aliases': [], 'calling_code': '423', 'trunk_prefix': ''},
        {'iso2': 'LT', 'iso3': 'LTU', 'name': 'lithuania', 'aliases': [], 'calling_code': '370', 'trunk_prefix': '8'},
        {'iso2': 'LU', 'iso3': 'LUX', 'name': 'luxembourg', 'aliases': ['luxemburg'], 'calling_code': '352', 'trunk_prefix': ''},
        {'iso2': 'LV', 'iso3': 'LVA', 'name': 'latvia', 'aliases': [], 'calling_code': '371', 'trunk_prefix': ''},
        {'iso2': 'MA', 'iso3': 'MAR', 'name': 'morocco', 'aliases': ['maroc'], 'calling_code': '212', 'trunk_prefix': '0'},
        {'iso2': 'MC', 'iso3': 'MCO', 'name': 'monaco', 'aliases': [], 'calling_code': '377', 'trunk_prefix': ''},
        {'iso2': 'MD', 'iso3': 'MDA', 'name': 'moldova', 'aliases': [], 'calling_code': '373', 'trunk_prefix': '0'},
        {'iso2': 'ME', 'iso3': 'MNE', 'name': 'montenegro', 'aliases': [], 'calling_code': '382', 'trunk_prefix': '0'},
        {'iso2': 'MK', 'iso3': 'MKD', 'name': 'north macedonia', 'aliases': ['macedonia'], 'calling_code': '389', 'trunk_prefix': '0'},
        {'iso2': 'MT', 'iso3': 'MLT', 'name': 'malta', 'aliases': [], 'calling_code': '356', 'trunk_prefix': ''},
        {'iso2': 'MX', 'iso3': 'MEX', 'name': 'mexico', 'aliases': ['méxico'], 'calling_code': '52', 'trunk_prefix': ''},
        {'iso2': 'NL', 'iso3': 'NLD', 'name': 'netherlands', 'aliases': ['holland', 'nederland', 'the netherlands', 'pays-bas', 'pays bas', 'niederlande', 'paises bajos'], 'calling_code': '31', 'trunk_prefix': '0'},
        {'iso2': 'NO', 'iso3': 'NOR', 'name': 'norway', 'aliases': ['norge'], 'calling_code': '47', 'trunk_prefix': ''},
        {'iso2': 'NZ', 'iso3': 'NZL', 'name': 'new zealand', 'aliases': [], 'calling_code': '64', 'trunk_prefix': '0'},
        {'iso2': 'PE', 'iso3': 'PER', 'name': 'peru', 'aliases': ['perú'], 'calling_code': '51', 'trunk_prefix': '0'},
        {'iso2': 'PL', 'iso3': 'POL', 'name': 'poland', 'aliases': ['polska'], 'calling_code': '48', 'trunk_prefix': ''},
        {'iso2': 'PT', 'iso3': 'PRT', 'name': 'portugal', 'aliases': [], 'calling_code': '351', 'trunk_prefix': ''},
        {'iso2': 'RO', 'iso3': 'ROU', 'name': 'romania', 'aliases': [], 'calling_code': '40', 'trunk_prefix': '0'},
        {'iso2': 'RS', 'iso3': 'SRB', 'name': 'serbia', 'aliases': [], 'calling_code': '381', 'trunk_prefix': '0'},
        {'iso2': 'RU', 'iso3': 'RUS', 'name': 'russia', 'aliases': ['russian federation'], 'calling_code': '7', 'trunk_prefix': '8'},
        {'iso2': 'SA', 'iso3': 'SAU', 'name': 'saudi arabia', 'aliases': [], 'calling_code': '966', 'trunk_prefix': '0'},
        {'iso2': 'SE', 'iso3': 'SWE', 'name': 'sweden', 'aliases': ['sverige'], 'calling_code': '46', 'trunk_prefix': '0'},
        {'iso2': 'SG', 'iso3': 'SGP', 'name': 'singapore', 'aliases': [], 'calling_code': '65', 'trunk_prefix': ''},
        {'iso2': 'SI', 'iso3': 'SVN', 'name': 'slovenia', 'aliases': [], 'calling_code': '386', 'trunk_prefix': '0'},
        {'iso2': 'SK', 'iso3': 'SVK', 'name': 'slovakia', 'aliases': ['slovak republic'], 'calling_code': '421', 'trunk_prefix': '0'},
        {'iso2': 'SM', 'iso3': 'SMR', 'name': 'san marino', 'aliases': [], 'calling_code': '378', 'trunk_prefix': ''},
        {'iso2': 'TN', 'iso3': 'TUN', 'name': 'tunisia', 'aliases': [], 'calling_code': '216', 'trunk_prefix': ''},
        {'iso2': 'TR', 'iso3': 'TUR', 'name': 'turkey', 'aliases': ['türkiye', 'turkiye'], 'calling_code': '90', 'trunk_prefix': '0'},
        {'iso2': 'UA', 'iso3': 'UKR', 'name': 'ukraine', 'aliases': [], 'calling_code': '380', 'trunk_prefix': '0'},
        {'iso2': 'US', 'iso3': 'USA', 'name': 'united states', 'aliases': ['usa', 'us', 'the united states', 'united states of america', 'the united states of america', 'america', 'u s a', 'u s'], 'calling_code': '1', 'trunk_prefix': '1'},
        {'iso2': 'ZA', 'iso3': 'ZAF', 'name': 'south africa', 'aliases': [], 'calling_code': '27', 'trunk_prefix': '0'},
    ]) }}
{% endmacro %}


{#-
    The text a country name or code is matched on: trimmed, lower case, dots
    dropped ('U.K.' -> 'uk'). Deliberately cheap: the CASE that maps it repeats
    it once per alias, and engines plan a long expression repeated 250 times
    slowly, so accents and 'the' are spelt out in the aliases instead.
-#}
{% macro country_match_form(expression) -%}
    {{ return(adapter.dispatch('country_match_form', 'single_customer_view')(expression)) }}
{%- endmacro %}

{% macro default__country_match_form(expression) -%}
    replace(lower(trim({{ expression }})), '.', '')
{%- endmacro %}


{#-
    A country name or code as ISO 3166-1 alpha-2: known codes, alpha-3 codes,
    English names and aliases ('UK', 'Holland', 'the Netherlands', 'USA') map to
    their code; any other two-letter code is kept upper-cased (it is already
    alpha-2 shaped); anything else is NULL.
-#}
{% macro normalise_country_code(expression) -%}
    {{ return(adapter.dispatch('normalise_country_code', 'single_customer_view')(expression)) }}
{%- endmacro %}

{% macro default__normalise_country_code(expression) -%}
    {%- set match_form = country_match_form(expression) -%}
    case {{ match_form }}
        {%- for country in country_reference() %}
        when '{{ country.iso2 | lower }}' then '{{ country.iso2 }}'
        {%- endfor %}
        {%- for country in country_reference() %}
        {%- for alias in [country.iso3 | lower, country.name] + country.aliases if alias != (country.iso2 | lower) %}
        when '{{ alias }}' then '{{ country.iso2 }}'
        {%- endfor %}
        {%- endfor %}
        else case when {{ regexp_is_match(match_form, '^[a-z]{2}$') }} then upper({{ match_form }}) end
    end
{%- endmacro %}


{#- The ITU calling code ('31') of an ISO alpha-2 country code; NULL when the country is NULL or not in the reference. -#}
{% macro country_calling_code(country_code) -%}
    {{ return(adapter.dispatch('country_calling_code', 'single_customer_view')(country_code)) }}
{%- endmacro %}

{% macro default__country_calling_code(country_code) -%}
    case {{ country_code }}
        {%- for country in country_reference() %}
        when '{{ country.iso2 }}' then '{{ country.calling_code }}'
        {%- endfor %}
    end
{%- endmacro %}


{#- The national trunk prefix ('0') of an ISO alpha-2 country code; '' when it has none; NULL when the country is not in the reference. -#}
{% macro country_trunk_prefix(country_code) -%}
    {{ return(adapter.dispatch('country_trunk_prefix', 'single_customer_view')(country_code)) }}
{%- endmacro %}

{% macro default__country_trunk_prefix(country_code) -%}
    case {{ country_code }}
        {%- for country in country_reference() %}
        when '{{ country.iso2 }}' then '{{ country.trunk_prefix }}'
        {%- endfor %}
    end
{%- endmacro %}


{#-
    The calling code an international number's digits (without '+' or '00')
    start with, longest code first; NULL when it starts with no code in the
    reference. Calling codes are prefix-free, so the first hit is the code.
-#}
{% macro calling_code_of_international_digits(digits) -%}
    {{ return(adapter.dispatch('calling_code_of_international_digits', 'single_customer_view')(digits)) }}
{%- endmacro %}

{% macro default__calling_code_of_international_digits(digits) -%}
    {%- set codes = [] -%}
    {%- for country in country_reference() if country.calling_code not in codes -%}
        {%- do codes.append(country.calling_code) -%}
    {%- endfor -%}
    case
        {%- for code_length in [3, 2, 1] %}
        {%- for code in codes if code | length == code_length %}
        when {{ digits }} like '{{ code }}%' then '{{ code }}'
        {%- endfor %}
        {%- endfor %}
    end
{%- endmacro %}
