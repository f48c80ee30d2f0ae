-- States that voted yes in an earlier year and later abstained, voted no or did not vote (view unga_vote_shifts),
-- and the years that could not be looked at because only totals exist.
SELECT
  iso3,
  name_en,
  year,
  shift,
  ccm_status,
  array_to_string(years_without_country_votes, ', ') AS years_without_country_votes
FROM
  unga_vote_shifts s
  -- A briefing looks back from its cycle: the votes up to the cycle's own (mart cycle_vote_years).
  SEMI JOIN cycle_vote_years y ON y.year = s.year
  AND y.cycle IS NOT DISTINCT FROM $cycle
ORDER BY
  name_en,
  year;
