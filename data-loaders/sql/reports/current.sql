-- With more than one report (data-loaders/steps/reports.ts): the indicator tables every trend view reads
-- become the current ones. Run before the models. The earlier printings stay in report_* for the revision
-- views. findings and finding_states stay the first report's (a later report's are in report_findings); the
-- consistency checks and per-State tables are computed for each report from its own datasets
-- (data-loaders/steps/report-checks.ts).

-- The current value of each indicator and cycle: the latest report printing that cycle.
CREATE OR REPLACE TABLE indicator_values AS
SELECT v.* EXCLUDE (report_id)
FROM report_indicator_values v
JOIN reports r USING (report_id)
QUALIFY row_number() OVER (PARTITION BY v.indicator_id, v.cycle ORDER BY r.ordinal DESC) = 1
ORDER BY v.report_line, v.indicator_id, v.cycle;

-- Every cycle any report prints, numbered by the latest report that prints it; a period only an earlier
-- report states is kept, with that report's source.
CREATE OR REPLACE TABLE cycles AS
WITH latest AS (
  SELECT c.*, r.ordinal AS report_ordinal
  FROM report_cycles c
  JOIN reports r USING (report_id)
  QUALIFY row_number() OVER (PARTITION BY c.cycle ORDER BY r.ordinal DESC) = 1
),
stated AS (
  SELECT c.cycle, c.period_start, c.period_end, c.source_ref, c.period_line
  FROM report_cycles c
  JOIN reports r USING (report_id)
  WHERE c.period_start IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY c.cycle ORDER BY r.ordinal DESC) = 1
)
SELECT
  l.cycle,
  l.ordinal,
  l.meeting,
  coalesce(l.period_start, s.period_start) AS period_start,
  coalesce(l.period_end, s.period_end) AS period_end,
  CASE WHEN l.period_start IS NULL AND s.period_start IS NOT NULL THEN s.source_ref ELSE l.source_ref END AS source_ref,
  CASE WHEN l.period_start IS NULL AND s.period_start IS NOT NULL THEN s.period_line ELSE l.period_line END AS period_line
FROM latest l
LEFT JOIN stated s USING (cycle)
ORDER BY l.ordinal;

-- The size of each scope group in each cycle, as the latest report stating it gives it: every report sizes its
-- own cycle (the denominators of the trends).
CREATE OR REPLACE TABLE scope_sizes AS
SELECT z.* EXCLUDE (report_id)
FROM report_scope_sizes z
JOIN reports r USING (report_id)
QUALIFY row_number() OVER (PARTITION BY z.scope_group, z.cycle ORDER BY r.ordinal DESC) = 1
ORDER BY z.cycle, z.scope_group;

-- The provenance of the replaced tables says what they now hold.
UPDATE datasets
SET title = title || ' (in this database: the current value of each cycle, printed by the latest of the reports '
            || (SELECT string_agg(report_id, ', ' ORDER BY ordinal) FROM reports)
            || '; each report''s own dataset is listed as <report>/' || name || ')'
WHERE name IN ('indicator_values', 'cycles');
UPDATE datasets
SET title = title || ' (in this database: the group sizes every report states, the latest report''s where two state one; each report''s own dataset is listed as <report>/scope_sizes)'
WHERE name = 'scope_sizes';
