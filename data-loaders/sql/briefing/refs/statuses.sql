-- The statuses a source may name.
SELECT DISTINCT
  status AS name
FROM
  state_status
ORDER BY
  name;
