-- {shifts [voted_no|abstained|did_not_vote]}: States that voted yes on the CCM resolution in an earlier year and later
-- did not (view unga_vote_shifts), votes up to the briefing cycle's own (mart cycle_votes).
SELECT
  iso3,
  replace(shift, ' ', '_') AS shift,
  year
FROM
  unga_vote_shifts
WHERE
  year <= coalesce(
    (
      SELECT
        vote_year
      FROM
        cycle_votes
      WHERE
        cycle = $cycle
    ),
    year
  );
