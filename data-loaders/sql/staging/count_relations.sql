-- Reviewed arithmetic relations between each report's figures, keyed by report_id (rename and cast only).
CREATE TABLE report_count_relations AS
SELECT
  report_id,
  relation_id,
  cycle,
  kind,
  whole,
  parts,
  paragraph,
  related,
  severity,
  reason
FROM
  raw.count_relations;
