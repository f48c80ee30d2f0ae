-- The edition of the membership data as the pages cite it: who publishes it (the producer's name, before its
-- parenthesis) and the day its status was taken (datasets.date of state_events, from sources/state_events.meta.json),
-- so no page writes "status as at <date>" itself; and the day a status "today" is taken on (view status_dates, as
-- the views were computed: current_date then).
SELECT
  name,
  trim(regexp_extract(producer, '^[^(;]+')) AS producer_name,
  date AS status_as_at,
  (
    SELECT
      as_of::VARCHAR
    FROM
      status_dates
    WHERE
      kind = 'today'
  ) AS read_on
FROM
  datasets
WHERE
  name = 'state_events';
