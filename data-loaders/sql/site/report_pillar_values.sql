-- Every value of one pillar as each report prints it (report_indicator_values), for the pillar page's report
-- selector when the database holds more than one report: the cell, its revised mark and footnote, and, where the
-- next report prints the same cell differently, that printing (view indicator_revisions). change_since_first (the
-- cycle's value minus the indicator's first measured value in the same report) only sizes the chart's description.
SELECT
  v.report_id,
  r.is_latest AS report_is_latest,
  v.indicator_id,
  v.cycle,
  c.ordinal,
  v.value,
  v.missing_reason,
  v.revised,
  v.footnote,
  v.as_printed,
  v.source_ref,
  v.value - first_value (v.value IGNORE NULLS) OVER (
    PARTITION BY
      v.report_id,
      v.indicator_id
    ORDER BY
      c.ordinal ROWS BETWEEN UNBOUNDED PRECEDING
      AND UNBOUNDED FOLLOWING
  ) AS change_since_first,
  rev.later_report,
  rev.later_printed
FROM
  report_indicator_values v
  JOIN indicators i USING (indicator_id)
  JOIN reports r USING (report_id)
  JOIN cycles c USING (cycle)
  LEFT JOIN indicator_revisions rev ON rev.earlier_report = v.report_id
  AND rev.indicator_id = v.indicator_id
  AND rev.cycle = v.cycle
WHERE
  i.pillar_code = $pillar
ORDER BY
  r.ordinal,
  i.action,
  i.seq,
  c.ordinal;
