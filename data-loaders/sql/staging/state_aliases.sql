-- Spellings of State names mapped to ISO3 (rename and cast only).
CREATE TABLE state_aliases AS
SELECT
  alias,
  iso3,
  source,
  note
FROM
  raw.state_aliases;
