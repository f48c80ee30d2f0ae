-- {mentions <ISO3> [cycle]}: in how many narrative findings of a cycle the report names a State (findings, finding_states).
SELECT
  count(DISTINCT f.finding_id)::INTEGER AS value,
  min(s.name_en) AS name
FROM
  states s
  LEFT JOIN finding_states fs ON fs.iso3 = s.iso3
  LEFT JOIN findings f ON f.finding_id = fs.finding_id
  AND f.cycle = $cycle
WHERE
  s.iso3 = $iso3;
