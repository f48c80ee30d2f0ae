-- Votes per resolution by the voter's CCM status on the vote date (state_party, deposited, signatory, not_party,
-- withdrawn; 'unknown' for a code not in states), from the per-country records only: a year known only from
-- published totals has no row here (what a report says about such a vote is compared in report_record_checks).
CREATE OR REPLACE VIEW unga_yes_by_status AS
SELECT
  resolution_id,
  year,
  topic,
  ccm_status,
  count(*) FILTER(
    WHERE
      vote = 'Y'
  )::INTEGER AS yes,
  count(*) FILTER(
    WHERE
      vote = 'N'
  )::INTEGER AS "no",
  count(*) FILTER(
    WHERE
      vote = 'A'
  )::INTEGER AS abstain,
  count(*) FILTER(
    WHERE
      vote = 'X'
  )::INTEGER AS non_voting,
  count(*)::INTEGER AS states,
  TRUE AS has_country_votes,
  'per-country votes (UNDL)' AS basis
FROM
  unga_state_votes
WHERE
  has_country_votes
GROUP BY ALL
ORDER BY
  topic,
  year,
  resolution_id,
  ccm_status;
