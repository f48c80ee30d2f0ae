-- The codes that columns hold and the words the pages show for them: CCM statuses (ccm_status_labels), votes
-- (vote_labels) and the judgements of indicator_trends. The SQL explorer lists them beside the editor.
SELECT
  'status' AS code_of,
  status AS code,
  label,
  sort_order
FROM
  ccm_status_labels
UNION ALL
SELECT
  'vote',
  vote,
  label,
  sort_order
FROM
  vote_labels
UNION ALL
SELECT
  'judgement',
  judgement,
  judgement,
  0
FROM
  (
    SELECT DISTINCT
      judgement
    FROM
      indicator_trends
    WHERE
      judgement IS NOT NULL
  )
ORDER BY
  code_of,
  sort_order,
  code;
