-- Every value of one pillar as each report prints it (report_indicator_values), for the pillar page's
-- comparison of the reports when the database holds more than one.
SELECT v.indicator_id, v.cycle, v.report_id, v.as_printed, v.source_ref
FROM report_indicator_values v
JOIN indicators i USING (indicator_id)
JOIN reports r USING (report_id)
LEFT JOIN cycles c USING (cycle)
WHERE i.pillar_code = $pillar
ORDER BY i.action, i.seq, c.ordinal, r.ordinal;
