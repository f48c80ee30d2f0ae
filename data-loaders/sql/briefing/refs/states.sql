-- The States a source may name, by ISO 3166 alpha-3 code.
SELECT
  iso3 AS name
FROM
  states
ORDER BY
  name;
