-- The briefing's "What changed since last year": the values its report prints differently from the report
-- before it (view indicator_revisions), in table order.
SELECT
  r.indicator_id,
  r.cycle,
  r.earlier_report,
  r.later_report,
  r.earlier_printed,
  r.later_printed,
  r.change,
  r.kind,
  r.footnote,
  r.earlier_source,
  r.later_source
FROM
  indicator_revisions r
  JOIN indicators i USING (indicator_id)
WHERE
  r.later_report = $cycle
ORDER BY
  i.action,
  i.seq,
  r.cycle;
