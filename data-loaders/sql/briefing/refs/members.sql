-- {members <status> <date>}: States with a CCM status on a day (table state_status, valid_from <= day < valid_to,
-- the same rule as view status_on_dates).
SELECT
  count(*)::INTEGER AS value
FROM
  state_status
WHERE
  status = $status
  AND (
    valid_from IS NULL
    OR valid_from <= CAST($date AS DATE)
  )
  AND (
    valid_to IS NULL
    OR CAST($date AS DATE) < valid_to
  );
