-- For each indicator, the narrative finding of the briefing's cycle that names the States it counts (findings
-- linked to an indicator), with the names as the report writes them, in the report's order. A finding whose
-- list does not match its own stated count is left out (the annex reports it instead). Each row names the report
-- the finding comes from (a finding id begins with its report's id, as extracted) and that report's datasets as
-- the datasets table names them (findings for the first report, <report>/findings for a later one).
WITH named AS (
  SELECT f.indicator_id, f.finding_id, f.paragraph, f.stated_count,
         count(fs.iso3) AS named,
         string_agg(fs.name_as_written, '; ' ORDER BY fs.position, fs.name_as_written) AS names
  FROM findings f
  JOIN finding_states fs USING (finding_id)
  WHERE f.cycle = $cycle AND f.indicator_id IS NOT NULL
  GROUP BY f.indicator_id, f.finding_id, f.paragraph, f.stated_count
)
SELECT n.*, r.report_id,
       coalesce((SELECT d.name FROM datasets d WHERE d.name = r.report_id || '/findings'), 'findings') AS findings_dataset,
       coalesce((SELECT d.name FROM datasets d WHERE d.name = r.report_id || '/finding_states'), 'finding_states') AS finding_states_dataset
FROM named n, LATERAL (SELECT split_part(n.finding_id, '-', 1) AS report_id) r
WHERE n.stated_count IS NULL OR n.stated_count = n.named
ORDER BY n.indicator_id, n.finding_id;
