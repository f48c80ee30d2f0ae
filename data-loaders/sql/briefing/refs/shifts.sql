-- {shifts [voted_no|abstained|did_not_vote]} and {names shifts …}: States that voted yes on the CCM resolution in an
-- earlier year and later did not (view unga_vote_shifts), votes up to the briefing cycle's own (mart cycle_vote_years).
SELECT
  s.iso3,
  s.name_en,
  replace(s.shift, ' ', '_') AS shift,
  s.year
FROM
  unga_vote_shifts s
  SEMI JOIN cycle_vote_years y ON y.year = s.year
  AND y.cycle IS NOT DISTINCT FROM $cycle;
