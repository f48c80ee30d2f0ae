-- The yes votes on the CCM resolution year by year (plenary; per-country years and totals-only years alike) and,
-- for each year, since when it is the lowest: last_as_low_year is the latest earlier year with as few or fewer
-- yes votes; NULL means lower than every earlier year, i.e. the lowest since the series began (series_start).
CREATE OR REPLACE VIEW unga_lowest_since AS
WITH
  series AS (
    SELECT
      year,
      total_yes AS yes,
      has_country_votes,
      source
    FROM
      unga_resolutions
    WHERE
      topic = 'CCM'
      AND total_yes IS NOT NULL
  ),
  bounds AS (
    SELECT
      min(year) AS series_start,
      max(year) AS series_end
    FROM
      series
  ),
  compared AS (
    SELECT
      s.*,
      b.series_start,
      (
        SELECT
          max(e.year)
        FROM
          series e
        WHERE
          e.year < s.year
          AND e.yes <= s.yes
      ) AS last_as_low_year,
      (
        SELECT
          count(*)
        FROM
          series e
        WHERE
          e.year < s.year
      )::INTEGER AS earlier_years,
      -- years inside the series with no published total (e.g. 2022): the claim holds only for the years we have
      (
        SELECT
          list(
            y::INTEGER
            ORDER BY
              y
          )
        FROM
          range(b.series_start, s.year) t (y)
        WHERE
          y NOT IN (
            SELECT
              year
            FROM
              series
          )
      ) AS years_without_data
    FROM
      series s,
      bounds b
  )
SELECT
  year,
  yes,
  has_country_votes,
  source,
  series_start,
  last_as_low_year,
  earlier_years,
  years_without_data,
  earlier_years > 0
  AND last_as_low_year IS NULL AS lowest_since_series_start,
  CASE
    WHEN earlier_years = 0 THEN yes || ' yes in ' || year || ': first year of the series'
    WHEN last_as_low_year IS NULL THEN yes || ' yes in ' || year || ': the lowest since the series began in ' || series_start || CASE
      WHEN len(years_without_data) > 0 THEN ' (no total for ' || array_to_string(years_without_data, ', ') || ')'
      ELSE ''
    END
    WHEN last_as_low_year = year - 1 THEN yes || ' yes in ' || year || ': as low or lower in ' || last_as_low_year
    ELSE yes || ' yes in ' || year || ': the lowest since ' || last_as_low_year
  END AS statement
FROM
  compared
ORDER BY
  year;
