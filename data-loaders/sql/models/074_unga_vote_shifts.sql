-- States that voted yes on the CCM resolution in an earlier year and later abstained, voted no or did not vote.
-- Only years with per-country votes can show this; the view names the years it could not look at.
CREATE OR REPLACE VIEW unga_vote_shifts AS
SELECT
  later.iso3,
  later.name_en,
  (
    SELECT
      min(e.year)
    FROM
      unga_ccm_country_votes e
    WHERE
      e.iso3 = later.iso3
      AND e.vote = 'Y'
  ) AS first_yes_year,
  (
    SELECT
      max(e.year)
    FROM
      unga_ccm_country_votes e
    WHERE
      e.iso3 = later.iso3
      AND e.vote = 'Y'
      AND e.year < later.year
  ) AS last_yes_year,
  later.year,
  later.resolution_id,
  later.vote,
  CASE later.vote
    WHEN 'A' THEN 'abstained'
    WHEN 'N' THEN 'voted no'
    WHEN 'X' THEN 'did not vote'
  END AS shift,
  later.ccm_status,
  (
    SELECT
      list(
        year
        ORDER BY
          year
      )
    FROM
      unga_resolutions
    WHERE
      topic = 'CCM'
      AND NOT has_country_votes
  ) AS years_without_country_votes
FROM
  unga_ccm_country_votes later
WHERE
  later.vote <> 'Y'
  AND EXISTS (
    SELECT
      1
    FROM
      unga_ccm_country_votes e
    WHERE
      e.iso3 = later.iso3
      AND e.vote = 'Y'
      AND e.year < later.year
  )
ORDER BY
  later.iso3,
  later.year;
