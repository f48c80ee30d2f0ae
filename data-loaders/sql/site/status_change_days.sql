-- Every State's status on each day on which some State's status changed (the first day of a state_status
-- period), from the first signature to today, by macro ccm_status (valid_from ≤ day < valid_to, as view
-- status_on_dates reads the periods). A status holds until the next such day, so these days answer "status on
-- any day" for the Universalization map's date control, which shows a day as the last of them on or before it.
-- One row per day and status (none for a status no State had), with the States and their number.
WITH
  days AS (
    SELECT DISTINCT
      valid_from AS as_of
    FROM
      state_status
    WHERE
      valid_from IS NOT NULL
      AND valid_from <= current_date
  ),
  on_days AS (
    -- (not aliased s: the macro's own alias)
    SELECT
      d.as_of,
      x.iso3,
      coalesce(ccm_status (x.iso3, d.as_of), 'not_party') AS status
    FROM
      days d
      CROSS JOIN states x
  )
SELECT
  o.as_of,
  o.status,
  count(*)::INTEGER AS states,
  list(
    o.iso3
    ORDER BY
      o.iso3
  ) AS iso3s
FROM
  on_days o
  JOIN ccm_status_labels l USING (status)
GROUP BY
  o.as_of,
  o.status,
  l.sort_order
ORDER BY
  o.as_of,
  l.sort_order;
