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
  unga_resolution_votes
WHERE
  topic = 'CCM'
  -- A briefing looks back from its cycle: the votes up to the cycle's own (mart cycle_votes), so the 12MSP briefing
  -- does not report the 2024 vote.
  AND year <= coalesce(
    (
      SELECT
        vote_year
      FROM
        cycle_votes
      WHERE
        cycle = $cycle
    ),
    year
  )
ORDER BY
  year,
  resolution_id;
