-- For each indicator, the narrative finding of the briefing's cycle that names the States it counts (findings
-- linked to an indicator), with the names as the report writes them, in the report's order. A finding whose
-- list does not match its own stated count is left out (the annex reports it instead).
WITH named AS (
  SELECT f.indicator_id, f.finding_id, f.paragraph, f.stated_count,
         count(fs.iso3) AS named,
         string_agg(fs.name_as_written, '; ' ORDER BY fs.position, fs.name_as_written) AS names
  FROM findings f
  JOIN finding_states fs USING (finding_id)
  WHERE f.cycle = $cycle AND f.indicator_id IS NOT NULL
  GROUP BY f.indicator_id, f.finding_id, f.paragraph, f.stated_count
)
SELECT * FROM named
WHERE stated_count IS NULL OR stated_count = named
ORDER BY indicator_id, finding_id;
