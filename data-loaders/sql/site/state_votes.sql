-- Recorded per-State votes (view unga_state_votes, which gives each State's CCM status on the vote date), with
-- region and words for the vote and the status: the rows of the vote explorer.
SELECT
  v.resolution_id,
  v.year,
  v.iso3,
  coalesce(v.name_en, v.iso3) AS name_en,
  coalesce(s.region, 'Unknown') AS region,
  v.vote,
  vl.label AS vote_label,
  vl.sort_order AS vote_order,
  v.ccm_status,
  coalesce(sl.label, v.ccm_status) AS status_label,
  v.source_file,
  v.source_line
FROM
  unga_state_votes v
  LEFT JOIN states s USING (iso3)
  JOIN vote_labels vl USING (vote)
  LEFT JOIN ccm_status_labels sl ON sl.status = v.ccm_status
WHERE
  v.has_country_votes
ORDER BY
  v.year,
  v.resolution_id,
  name_en;
