-- The years with a CCM resolution vote.
SELECT DISTINCT
  CAST(year AS VARCHAR) AS name
FROM
  unga_resolution_votes
WHERE
  topic = 'CCM'
ORDER BY
  name;
