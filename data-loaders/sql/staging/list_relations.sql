-- Reviewed relations between the lists of States of each report, keyed by report_id (rename and cast only).
CREATE TABLE report_list_relations AS
SELECT
  report_id,
  relation_id,
  cycle,
  subset,
  superset,
  paragraph,
  related,
  severity,
  reason
FROM
  raw.list_relations;
