-- States named in the narrative findings (rename and cast only).
CREATE TABLE finding_states AS
SELECT
  finding_id,
  iso3,
  name_as_written,
  detail,
  mark,
  CAST(position AS INTEGER) AS position
FROM raw.finding_states;
