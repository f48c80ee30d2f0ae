-- For each indicator, the narrative finding of the briefing's cycle that names the States it counts (mart
-- named_states), when its list agrees with the count it states (else the annex reports it instead).
SELECT
  indicator_id,
  finding_id,
  paragraph,
  stated_count,
  named,
  names,
  report_id,
  findings_dataset,
  finding_states_dataset
FROM
  named_states
WHERE
  cycle = $cycle
  AND indicator_id IS NOT NULL
  AND named > 0
  AND list_matches_count
ORDER BY
  indicator_id,
  finding_id;
