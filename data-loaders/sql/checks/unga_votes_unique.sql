-- unga_votes has one vote per resolution and State: a State listed twice in one voting record is a file error.
SELECT
  'unga_votes: ' || iso3 || ' voted ' || count(*) || ' times on ' || resolution_id || ' (' || any_value(source_file) || ' lines ' || string_agg(
    source_line::VARCHAR,
    ', '
    ORDER BY
      source_line
  ) || '); keep one row per State and voting record' AS problem
FROM
  unga_votes
GROUP BY
  resolution_id,
  iso3
HAVING
  count(*) > 1;
