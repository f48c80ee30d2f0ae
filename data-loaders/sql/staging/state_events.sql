-- CCM treaty actions per State (rename and cast only).
CREATE TABLE state_events AS
SELECT
  iso3,
  event,
  CAST(event_date AS DATE) AS event_date,
  CAST(event_year AS INTEGER) AS event_year,
  precision,
  CAST(known_by AS DATE) AS known_by,
  source,
  note
FROM
  raw.state_events;
