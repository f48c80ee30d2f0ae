-- The edition of the membership data as the pages cite it: who publishes it (the producer's name, before its
-- parenthesis) and the day its status was taken (datasets.date of state_events, from sources/state_events.meta.json),
-- so no page writes "status as at <date>" itself.
SELECT
  name,
  trim(regexp_extract(producer, '^[^(;]+')) AS producer_name,
  date AS status_as_at
FROM
  datasets
WHERE
  name = 'state_events';
