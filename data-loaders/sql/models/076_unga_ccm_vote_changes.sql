-- States whose vote on the CCM resolution changed from one year with per-country votes to the next such year
-- (2021 → next known year when 2022–2024 have totals only: gap_years says which years lie in between unseen).
CREATE OR REPLACE VIEW unga_ccm_vote_changes AS
WITH
  paired AS (
    SELECT
      *,
      lag (year) OVER w AS from_year,
      lag (vote) OVER w AS from_vote,
      lag (vote_label) OVER w AS from_label,
      lag (resolution_id) OVER w AS from_resolution_id
    FROM
      unga_ccm_country_votes
    WINDOW
      w AS (
        PARTITION BY
          iso3
        ORDER BY
          year
      )
  )
SELECT
  iso3,
  name_en,
  from_year,
  from_resolution_id,
  from_vote,
  year AS to_year,
  resolution_id AS to_resolution_id,
  vote AS to_vote,
  from_label || ' → ' || vote_label AS change,
  ccm_status AS ccm_status_at_to_year,
  CASE
    WHEN year - from_year > 1 THEN CAST(range(from_year + 1, year) AS INTEGER[])
  END AS gap_years
FROM
  paired
WHERE
  from_vote IS NOT NULL
  AND from_vote <> vote
ORDER BY
  iso3,
  to_year;
