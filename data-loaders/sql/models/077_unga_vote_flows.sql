-- unga_vote_flows: where the votes went from one year's CCM resolution to the next, by the voter's CCM status on
-- each vote date, with the States named. One row per pair of consecutive years with per-country votes, status
-- group (the status on the later vote date; status_before on the earlier one) and pair of votes (yes → non-voting,
-- …), including the States whose vote did not change, so that each year's totals by status (unga_yes_by_status)
-- are the sums of its rows: the yes votes of a status in the later year are the rows with vote_after = 'yes'.
-- 2023 → 2024: the yes votes fell by 27 (148 → 121); the rows say which States Parties stopped voting yes and how
-- (did not vote, abstained), which signatories and States not party did, and who joined.
-- A State with no row in one of the two years (not a Member State then) is 'not a member' on that side.
CREATE OR REPLACE VIEW unga_vote_flows AS
WITH
  years AS (
    SELECT
      year,
      lag (year) OVER (
        ORDER BY
          year
      ) AS previous_year
    FROM
      (
        SELECT DISTINCT
          year
        FROM
          unga_state_votes
        WHERE
          topic = 'CCM'
          AND has_country_votes
      )
  ),
  keys AS (
    SELECT DISTINCT
      y.previous_year,
      y.year,
      v.iso3
    FROM
      years y
      JOIN unga_state_votes v ON v.topic = 'CCM'
      AND v.has_country_votes
      AND v.year IN (y.previous_year, y.year)
    WHERE
      y.previous_year IS NOT NULL
  ),
  pairs AS (
    SELECT
      k.previous_year,
      k.year,
      k.iso3,
      coalesce(b.name_en, a.name_en, b.ms_name, a.ms_name) AS state_name,
      coalesce(a.vote_label, 'not a member') AS vote_before,
      coalesce(b.vote_label, 'not a member') AS vote_after,
      a.ccm_status AS status_before,
      b.ccm_status AS status_after
    FROM
      keys k
      LEFT JOIN unga_state_votes a ON a.iso3 = k.iso3
      AND a.year = k.previous_year
      AND a.topic = 'CCM'
      AND a.has_country_votes
      LEFT JOIN unga_state_votes b ON b.iso3 = k.iso3
      AND b.year = k.year
      AND b.topic = 'CCM'
      AND b.has_country_votes
  )
SELECT
  previous_year,
  year,
  coalesce(status_after, status_before) AS ccm_status,
  status_before,
  vote_before,
  vote_after,
  vote_before <> vote_after AS changed,
  count(*)::INTEGER AS states,
  string_agg(
    state_name,
    ', '
    ORDER BY
      state_name
  ) AS state_names,
  string_agg(
    iso3,
    ', '
    ORDER BY
      state_name
  ) AS iso3s
FROM
  pairs
GROUP BY ALL
ORDER BY
  year,
  ccm_status,
  status_before,
  vote_before,
  vote_after;
