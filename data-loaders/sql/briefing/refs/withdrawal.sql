-- {withdrawals [cycle]}, {names withdrawals [cycle]} and {date withdrawal <ISO3>}: withdrawals that took effect
-- (table state_events), each with its day, the State's name, its source, and the cycle whose reporting period it
-- falls in.
SELECT
  e.iso3,
  st.name_en,
  e.event_date,
  e.source,
  c.cycle
FROM
  state_events e
  JOIN states st USING (iso3)
  LEFT JOIN cycles c ON e.event_date BETWEEN c.period_start AND c.period_end
WHERE
  e.event = 'withdrawal_effective'
ORDER BY
  e.event_date,
  e.iso3;
