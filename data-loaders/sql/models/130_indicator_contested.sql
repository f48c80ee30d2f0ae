-- indicator_contested: indicator values that the report itself, or the UN's records, contradict. A consistency
-- issue whose paragraph or related side names "indicator <id>" is about the value that indicator's table prints in
-- the latest reported cycle (the report being checked is that cycle's report); a report_record_issues row with
-- check_id 'indicator-<id>:<cycle>' is about that cycle's value. The briefing and the site point from the value to
-- the issue, so a contested figure is never given without saying so.
CREATE OR REPLACE VIEW indicator_contested AS
WITH
  latest AS (
    SELECT
      cycle
    FROM
      reported_cycles
    ORDER BY
      ordinal DESC
    LIMIT
      1
  ),
  -- The figure one side of an issue gives: the total after '=' ("22 + 4 = 26"), else its leading number ("25 (para 239)").
  figures AS (
    SELECT
      i.*,
      TRY_CAST (
        coalesce(
          nullif(regexp_extract(i.expected, '= ([0-9]+)\s*$', 1), ''),
          nullif(regexp_extract(i.expected, '^([0-9]+)', 1), '')
        ) AS INTEGER
      ) AS expected_figure,
      TRY_CAST (
        coalesce(
          nullif(regexp_extract(i.found, '= ([0-9]+)\s*$', 1), ''),
          nullif(regexp_extract(i.found, '^([0-9]+)', 1), '')
        ) AS INTEGER
      ) AS found_figure
    FROM
      consistency_issues i
  ),
  internal AS (
    SELECT
      f.*,
      unnest(
        regexp_extract_all(coalesce(f.paragraph, '') || ' ' || coalesce(f.related, ''), 'indicator ([0-9]+\.[0-9]+)', 1)
      ) AS indicator_id,
      (
        SELECT
          cycle
        FROM
          latest
      ) AS cycle
    FROM
      figures f
  ),
  against_report AS (
    SELECT
      m.indicator_id,
      m.cycle,
      'report' AS against,
      v.value,
      -- The other figure the report gives for the same quantity: the side of the issue that is not the table's value.
      CASE
        WHEN m.expected_figure = v.value THEN m.found_figure
        WHEN m.found_figure = v.value THEN m.expected_figure
      END AS other_figure,
      m.kind,
      m.severity,
      m.paragraph,
      m.related,
      m.expected,
      m.found,
      m.explanation
    FROM
      internal m
      LEFT JOIN indicator_values v ON v.indicator_id = m.indicator_id
      AND v.cycle = m.cycle
  ),
  against_records AS (
    SELECT
      split_part(split_part(r.check_id, ':', 1), '-', 2) AS indicator_id,
      split_part(r.check_id, ':', 2) AS cycle,
      'records' AS against,
      v.value,
      -- The record's figure: the leading number of what the record says ("25 States not party voted yes …").
      TRY_CAST (nullif(regexp_extract(r.record_says, '^([0-9]+)', 1), '') AS INTEGER) AS other_figure,
      r.topic AS kind,
      r.severity,
      r.paragraph,
      NULL AS related,
      r.report_says AS expected,
      r.record_says AS found,
      r.explanation
    FROM
      report_record_issues r
      LEFT JOIN indicator_values v ON v.indicator_id = split_part(split_part(r.check_id, ':', 1), '-', 2)
      AND v.cycle = split_part(r.check_id, ':', 2)
    WHERE
      r.check_id LIKE 'indicator-%:%'
  )
SELECT DISTINCT
  c.*
FROM
  (
    SELECT
      *
    FROM
      against_report
    UNION ALL
    SELECT
      *
    FROM
      against_records
  ) c
  JOIN indicators ind ON ind.indicator_id = c.indicator_id
ORDER BY
  c.indicator_id,
  c.cycle,
  c.against,
  c.kind,
  c.paragraph;
