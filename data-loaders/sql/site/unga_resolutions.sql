SELECT
  *
FROM
  unga_resolutions
ORDER BY
  year,
  resolution_id;
