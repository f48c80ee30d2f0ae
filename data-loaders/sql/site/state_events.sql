SELECT
  *
FROM
  state_events
ORDER BY
  iso3,
  event_date NULLS LAST,
  event_year;
