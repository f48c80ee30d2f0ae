-- name_en comes from states so the page can show the UN short name next to the name as written in the report.
SELECT
  fs.*,
  s.name_en
FROM
  finding_states fs
  LEFT JOIN states s USING (iso3)
ORDER BY
  fs.finding_id,
  s.name_en;
