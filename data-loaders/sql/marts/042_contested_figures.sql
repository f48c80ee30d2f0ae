-- contested_figures: the contested figures with both sources: each indicator value the report (or the UN's records)
-- contradicts, the other figure and where it is given (as a reader finds it: "para 47", "summary item II.C.2"), and
-- the numbered annex row that lists the point (consistency_annex or records_annex; NULL when no annex row lists it).
CREATE OR REPLACE VIEW contested_figures AS
SELECT
  c.indicator_id,
  c.cycle,
  c.against,
  c.other_figure,
  c.kind,
  c.paragraph,
  c.related,
  c.expected,
  c.found,
  CASE
    WHEN c.paragraph IS NULL THEN 'the report'
    WHEN regexp_matches(c.paragraph, '^\d') THEN 'para ' || c.paragraph
    WHEN regexp_matches(c.paragraph, '^[IVX]+\.[A-Z]\.\d') THEN 'summary item ' || c.paragraph
    WHEN regexp_matches(c.paragraph, '^VI\.[A-Z] table') THEN 'the indicator''s own text in the table'
    ELSE c.paragraph
  END AS place,
  CASE c.against
    WHEN 'report' THEN (
      SELECT
        min(a.item)
      FROM
        consistency_annex a
      WHERE
        a.kind = c.kind
        AND a.paragraph IS NOT DISTINCT FROM c.paragraph
        AND a.related IS NOT DISTINCT FROM c.related
        AND a.expected IS NOT DISTINCT FROM c.expected
        AND a.found IS NOT DISTINCT FROM c.found
    )
    ELSE (
      SELECT
        min(a.item)
      FROM
        records_annex a
      WHERE
        a.paragraph IS NOT DISTINCT FROM c.paragraph
        AND a.report_says IS NOT DISTINCT FROM c.expected
        AND a.record_says IS NOT DISTINCT FROM c.found
    )
  END AS annex_item,
  -- The verdict of view figure_doubts (models/131_figure_doubts.sql): contested or a named warning, why, and
  -- the record-based change where the UN's records give the figure.
  d.doubt,
  d.warning_kind,
  d.doubt_reason,
  d.previous_cycle,
  d.record_value,
  d.record_previous_value,
  d.record_change
FROM
  indicator_contested c
  LEFT JOIN figure_doubts d ON d.indicator_id = c.indicator_id
  AND d.cycle = c.cycle
  AND d.against = c.against
  AND d.kind = c.kind
  AND d.paragraph IS NOT DISTINCT FROM c.paragraph
  AND d.expected IS NOT DISTINCT FROM c.expected
  AND d.found IS NOT DISTINCT FROM c.found
ORDER BY
  c.indicator_id,
  c.cycle,
  c.against,
  c.kind,
  c.paragraph;
