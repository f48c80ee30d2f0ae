-- Since when each year's yes count is the lowest (view unga_lowest_since); gap years as text.
SELECT
  year,
  yes,
  last_as_low_year,
  earlier_years,
  lowest_since_series_start,
  series_start,
  array_to_string(years_without_data, ', ') AS years_without_data,
  source
FROM
  unga_lowest_since l
  -- A briefing looks back from its cycle: the votes up to the cycle's own (mart cycle_vote_years).
  SEMI JOIN cycle_vote_years y ON y.year = l.year
  AND y.cycle IS NOT DISTINCT FROM $cycle
ORDER BY
  year;
