-- Every State with its CCM status today: its row of view status_on_dates for today (current_date when the views are
-- computed), so that an entry into force or a withdrawal the UN's table schedules for a later day is not yet today's
-- status (the open-ended period of state_status is the status from its first day on, which may be to come).
SELECT
  s.iso3,
  s.iso2,
  s.m49,
  s.name_en,
  s.region,
  s.subregion,
  s.un_member,
  s.un_status,
  t.status,
  t.status_label
FROM
  states s
  JOIN status_on_dates t ON t.iso3 = s.iso3
  AND t.kind = 'today'
ORDER BY
  s.name_en;
