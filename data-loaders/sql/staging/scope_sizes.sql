-- Sizes of the groups the indicators count among, as each report states them, keyed by report_id (rename and cast only).
CREATE TABLE report_scope_sizes AS
SELECT
  report_id,
  scope_group,
  cycle,
  CAST(size AS INTEGER) AS size,
  paragraph,
  term,
  statement
FROM
  raw.scope_sizes;
