SELECT
  v.resolution_id,
  v.iso3,
  v.vote,
  l.label AS vote_label,
  v.source_file,
  v.source_line
FROM
  unga_votes v
  LEFT JOIN vote_labels l USING (vote)
ORDER BY
  v.resolution_id,
  v.iso3;
