-- {votes <year> yes <status>}: yes votes on the CCM resolution by the voter's CCM status on the vote date (view
-- unga_yes_by_status).
SELECT
  y.yes,
  y.resolution_id,
  y.has_country_votes,
  y.basis
FROM
  unga_yes_by_status y
WHERE
  y.topic = 'CCM'
  AND y.year = $year
  AND y.ccm_status = $status
ORDER BY
  y.resolution_id
LIMIT
  1;
