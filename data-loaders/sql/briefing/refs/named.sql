-- {named <finding>} and {names <finding>}: how many States a narrative finding names and which, as the report writes
-- them and in its order (findings, finding_states), its paragraph, and the report it comes from with that report's
-- datasets as the datasets table names them (as in named_states.sql).
WITH named AS (
  SELECT f.paragraph, f.cycle, count(fs.iso3)::INTEGER AS value, split_part(f.finding_id, '-', 1) AS report_id,
         string_agg(fs.name_as_written, '; ' ORDER BY fs.position, fs.name_as_written) AS names
  FROM findings f
  LEFT JOIN finding_states fs USING (finding_id)
  WHERE f.finding_id = $finding
  GROUP BY f.paragraph, f.cycle, f.finding_id
)
SELECT n.*,
       coalesce((SELECT d.name FROM datasets d WHERE d.name = n.report_id || '/findings'), 'findings') AS findings_dataset,
       coalesce((SELECT d.name FROM datasets d WHERE d.name = n.report_id || '/finding_states'), 'finding_states') AS finding_states_dataset
FROM named n;
