-- Figures a report prints differently from the report before it (view indicator_revisions), in table order.
SELECT
  r.later_report,
  r.earlier_report,
  r.indicator_id,
  r.cycle,
  r.earlier_printed,
  r.later_printed,
  r.change,
  r.kind,
  r.footnote,
  r.earlier_source,
  r.later_source,
  r.explanation
FROM
  indicator_revisions r
  JOIN indicators i USING (indicator_id)
ORDER BY
  r.later_report,
  i.action,
  i.seq,
  r.cycle;
