-- One page per State known to the database (UN members, observers and the non-member States Parties).
SELECT
  iso3
FROM
  states
ORDER BY
  iso3;
