-- The UN Treaty Collection participation table dates every participant's every action to the day, so no State
-- may have an 'unknown' period or a status resting on a year-only or undated event. A row here means an event
-- lost its date (a manual row without one, or a participant missing from the table): restore the date.
SELECT
  format(
    'state_status: {} is "{}" from {} to {} ({}); every CCM event should be dated to the day by sources/raw/membership/untc-ccm-participants-2026-02-03.csv',
    iso3,
    status,
    coalesce(CAST(valid_from AS VARCHAR), 'the start'),
    coalesce(CAST(valid_to AS VARCHAR), 'now'),
    coalesce(from_precision, source)
  ) AS problem
FROM
  state_status
WHERE
  status = 'unknown'
  OR from_precision IN ('year', 'unknown')
ORDER BY
  iso3,
  valid_from;
