-- state_status covers every State without gaps or overlaps: per State exactly one period open at the start
-- (valid_from NULL) and one open at the end (valid_to NULL), each period ends where the next begins, and no
-- period is empty.
WITH
  ordered AS (
    SELECT
      *,
      lead (valid_from) OVER (
        PARTITION BY
          iso3
        ORDER BY
          valid_from NULLS FIRST
      ) AS next_from,
      row_number() OVER (
        PARTITION BY
          iso3
        ORDER BY
          valid_from NULLS FIRST
      ) AS n,
      count(*) OVER (
        PARTITION BY
          iso3
      ) AS periods
    FROM
      state_status
  )
SELECT
  format(
    '{}: the period {} from {} to {} is followed by one starting {} (periods of a State must meet without overlap or gap)',
    iso3,
    status,
    valid_from,
    valid_to,
    next_from
  ) AS problem
FROM
  ordered
WHERE
  n < periods
  AND (
    valid_to IS NULL
    OR next_from IS NULL
    OR valid_to <> next_from
  )
UNION ALL
SELECT
  format(
    '{}: the period {} runs from {} to {}, which is empty or reversed',
    iso3,
    status,
    valid_from,
    valid_to
  )
FROM
  state_status
WHERE
  valid_from IS NOT NULL
  AND valid_to IS NOT NULL
  AND valid_to <= valid_from
UNION ALL
SELECT
  format(
    '{}: {} periods open at the start and {} open at the end (expected 1 and 1)',
    iso3,
    count(*) FILTER(
      WHERE
        valid_from IS NULL
    ),
    count(*) FILTER(
      WHERE
        valid_to IS NULL
    )
  )
FROM
  state_status
GROUP BY
  iso3
HAVING
  count(*) FILTER(
    WHERE
      valid_from IS NULL
  ) <> 1
  OR count(*) FILTER(
    WHERE
      valid_to IS NULL
  ) <> 1
UNION ALL
SELECT
  format('{} ({}) has no period in state_status', s.iso3, s.name_en)
FROM
  states s
  ANTI JOIN state_status st USING (iso3)
UNION ALL
SELECT
  format('state_status has periods for {}, which is not in states', st.iso3)
FROM
  (
    SELECT DISTINCT
      iso3
    FROM
      state_status
  ) st
  ANTI JOIN states s USING (iso3);
