-- With more than one report (data-loaders/steps/reports.ts): the tables every trend view, the site and the
-- briefing read become the current ones. Run before the models. Every report's own rows stay in report_* for
-- the revision views. indicator_values and cycles hold the latest printing of each cycle; findings and
-- finding_states the latest report's statements and the States they name (its finding ids and paragraph
-- numbers), with the reviewed hand datasets naming them (count_relations, list_relations, report_facts,
-- report_figures), so that the pipeline's own run of the checks reads one report's rows throughout: those six
-- are copied from report_<name> by the step (LATEST_REPORT_TABLES), this file says so in their provenance. The
-- checks and per-State tables of every report are computed from its own rows (data-loaders/steps/report-checks.ts).

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
UPDATE datasets
SET title = title || ' (in this database: the latest report''s, '
            || (SELECT report_id FROM reports WHERE is_latest)
            || '; the file named here is the first report''s, each later report''s own dataset is listed as <report>/' || name || ')'
WHERE name IN ('findings', 'finding_states', 'count_relations', 'list_relations', 'report_facts', 'report_figures');
