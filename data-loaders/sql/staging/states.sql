-- States with UN names, M49 regions and UN membership (rename and cast only).
CREATE TABLE states AS
SELECT
  iso3,
  iso2,
  m49,
  name_en,
  name_fr,
  name_es,
  name_ru,
  name_zh,
  name_ar,
  formal_name_en,
  region,
  subregion,
  intermediate_region,
  CAST(un_member AS BOOLEAN) AS un_member,
  un_status,
  name_source
FROM
  raw.states;
