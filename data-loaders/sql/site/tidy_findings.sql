-- Tidy download: each finding of the progress report with each State it names (tables findings,
-- finding_states, states), the State's English name beside its code; findings naming no State have one row.
SELECT
  f.cycle,
  f.paragraph,
  f.pillar_code,
  f.finding_id,
  f.statement,
  f.indicator_id,
  f.stated_count,
  fs.iso3,
  s.name_en AS state_name,
  fs.name_as_written,
  fs.detail
FROM
  findings f
  LEFT JOIN finding_states fs USING (finding_id)
  LEFT JOIN states s ON s.iso3 = fs.iso3
ORDER BY
  f.cycle,
  f.finding_id,
  fs.position
