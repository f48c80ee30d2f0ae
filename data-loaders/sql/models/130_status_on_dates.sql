-- status_dates: the days on which CCM membership is counted for the site and the briefing: 31 December of every
-- year since the Convention opened for signature (2008) up to last year, the last day of each reporting
-- period that has passed, and the day the database is read ("today": current_date when queried).
CREATE OR REPLACE VIEW status_dates AS
SELECT
  make_date(y::INTEGER, 12, 31) AS as_of,
  'year_end' AS kind,
  NULL::VARCHAR AS cycle,
  '31 December ' || y AS label
FROM
  range(2008, year(current_date)) AS t (y)
UNION ALL
SELECT
  period_end,
  'period_end',
  cycle,
  'end of the ' || cycle || ' period (' || strftime(period_end, '%-d %B %Y') || ')'
FROM
  cycles
WHERE
  period_end IS NOT NULL
  AND period_end <= current_date
UNION ALL
SELECT
  current_date,
  'today',
  NULL,
  'today (' || strftime(current_date, '%-d %B %Y') || ')';

-- status_on_dates: every State's CCM status on each of those days, read from the state_status periods
-- (valid_from ≤ day < valid_to): the one place where "status on a date" is computed for a listing.
CREATE OR REPLACE VIEW status_on_dates AS
SELECT
  d.as_of,
  d.kind,
  d.cycle,
  s.iso3,
  coalesce(st.status, 'not_party') AS status,
  l.label AS status_label,
  st.source
FROM
  status_dates d
  CROSS JOIN states s
  LEFT JOIN state_status st ON st.iso3 = s.iso3
  AND (
    st.valid_from IS NULL
    OR st.valid_from <= d.as_of
  )
  AND (
    st.valid_to IS NULL
    OR d.as_of < st.valid_to
  )
  LEFT JOIN ccm_status_labels l ON l.status = coalesce(st.status, 'not_party')
ORDER BY
  d.as_of,
  d.kind,
  s.iso3;

-- membership_counts: how many States had each status on each of those days, one row per day and status (0
-- included), for the membership chart and counts of the site and the briefing's "States Parties on the last
-- day of the period".
CREATE OR REPLACE VIEW membership_counts AS
SELECT
  d.as_of,
  d.kind,
  d.cycle,
  d.label,
  l.status,
  l.label AS status_label,
  l.plural AS status_plural,
  l.sort_order,
  count(s.iso3)::INTEGER AS states
FROM
  status_dates d
  CROSS JOIN ccm_status_labels l
  -- The cycle too: two cycles may end on the same day (a report's period restated), and each is counted once.
  LEFT JOIN status_on_dates s ON s.as_of = d.as_of
  AND s.kind = d.kind
  AND s.cycle IS NOT DISTINCT FROM d.cycle
  AND s.status = l.status
GROUP BY ALL
ORDER BY
  d.as_of,
  d.kind,
  l.sort_order;
