-- Groups of States an indicator can count among, and where their size comes from (rename and cast only).
CREATE TABLE scope_groups AS
SELECT
  scope_group,
  label,
  sized_by,
  note
FROM
  raw.scope_groups;
