-- Votes per resolution by the voter's CCM status on the vote date (state_party, deposited, signatory, not_party,
-- withdrawn; 'unknown' for a code not in states). Totals-only years give what the source says: the yes votes of
-- States not party where published (2024: 31, para 67), everything else NULL.
CREATE OR REPLACE VIEW unga_yes_by_status AS
SELECT
  resolution_id, year, topic, ccm_status,
  count(*) FILTER (WHERE vote = 'Y')::INTEGER AS yes,
  count(*) FILTER (WHERE vote = 'N')::INTEGER AS "no",
  count(*) FILTER (WHERE vote = 'A')::INTEGER AS abstain,
  count(*) FILTER (WHERE vote = 'X')::INTEGER AS non_voting,
  count(*)::INTEGER AS states,
  true AS has_country_votes,
  'per-country votes (UNDL)' AS basis
FROM unga_state_votes
WHERE has_country_votes
GROUP BY ALL
UNION ALL
SELECT resolution_id, year, topic, 'not_party' AS ccm_status, yes_not_party AS yes, NULL, NULL, NULL, NULL, false, source
FROM unga_resolutions
WHERE NOT has_country_votes AND yes_not_party IS NOT NULL
ORDER BY topic, year, resolution_id, ccm_status;
