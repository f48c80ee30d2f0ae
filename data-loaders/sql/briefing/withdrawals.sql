-- Withdrawals that took effect within the briefing's reporting period.
SELECT
  e.iso3,
  st.name_en,
  e.event_date,
  e.source,
  e.note
FROM
  state_events e
  JOIN states st USING (iso3)
  JOIN cycles c ON c.cycle = $cycle
WHERE
  e.event = 'withdrawal_effective'
  AND e.event_date BETWEEN c.period_start AND c.period_end
ORDER BY
  e.event_date,
  e.iso3;
