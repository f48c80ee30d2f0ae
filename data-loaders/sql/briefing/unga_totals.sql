-- Plenary votes on the annual CCM resolution, one row per year (view unga_resolution_votes); figures that were
-- not published stay NULL.
SELECT
  resolution_id,
  resolution,
  year,
  yes AS total_yes,
  "no" AS total_no,
  abstain AS total_abstentions,
  non_voting AS total_non_voting,
  member_states AS total_ms,
  has_country_votes,
  source,
  source_ref
FROM
  unga_resolution_votes v
  -- A briefing looks back from its cycle: the votes up to the cycle's own (mart cycle_vote_years).
  SEMI JOIN cycle_vote_years y ON y.year = v.year
  AND y.cycle IS NOT DISTINCT FROM $cycle
WHERE
  v.topic = 'CCM'
ORDER BY
  year,
  resolution_id;
