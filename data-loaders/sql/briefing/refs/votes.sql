-- {votes <year> <yes|no|abstain|non_voting>}: totals of the plenary vote on the annual CCM resolution
-- (view unga_resolution_votes); a total that was not published is NULL.
SELECT
  resolution,
  yes,
  "no",
  abstain,
  non_voting,
  source_ref
FROM
  unga_resolution_votes
WHERE
  topic = 'CCM'
  AND year = $year
ORDER BY
  resolution_id
LIMIT
  1;
