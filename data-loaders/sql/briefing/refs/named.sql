-- {named <finding>}: how many States a narrative finding names (findings, finding_states), its paragraph, and the
-- report it comes from with that report's datasets as the datasets table names them (as in named_states.sql).
SELECT f.paragraph, f.cycle, count(fs.iso3)::INTEGER AS value, rf.report_id,
       coalesce((SELECT d.name FROM datasets d WHERE d.name = rf.report_id || '/findings'), 'findings') AS findings_dataset,
       coalesce((SELECT d.name FROM datasets d WHERE d.name = rf.report_id || '/finding_states'), 'finding_states') AS finding_states_dataset
FROM findings f
JOIN report_findings rf USING (finding_id)
LEFT JOIN finding_states fs USING (finding_id)
WHERE f.finding_id = $finding
GROUP BY f.paragraph, f.cycle, rf.report_id;
