-- Every State's status on every counted day (view status_on_dates), with its map code, name and region.
SELECT
  d.as_of,
  d.iso3,
  s.m49,
  s.name_en,
  s.region,
  d.status,
  d.status_label,
  l.sort_order
FROM
  status_on_dates d
  JOIN states s USING (iso3)
  JOIN ccm_status_labels l USING (status)
ORDER BY
  d.as_of,
  s.name_en;
