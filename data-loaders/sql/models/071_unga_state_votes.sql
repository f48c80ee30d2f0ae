-- Every State's record on the CCM and related resolutions, one row per State and resolution, with its CCM status
-- on the day of the vote (state_status). For years known only from totals the row exists with vote NULL and
-- has_country_votes = false: the vote is unknown, not missing or zero. A State's vote comes from a UN record or it
-- is unknown: a report's prose naming States that voted yes is compared with the record (report_record_checks),
-- never used as a vote.
CREATE OR REPLACE VIEW unga_state_votes AS
WITH
  recorded AS (
    SELECT
      v.iso3,
      v.ms_name,
      r.resolution_id,
      r.year,
      r.topic,
      v.vote_date,
      v.vote,
      TRUE AS has_country_votes,
      'UN Digital Library voting data' AS vote_source,
      v.source_file,
      v.source_line
    FROM
      unga_votes v
      JOIN unga_resolutions r USING (resolution_id)
  ),
  totals_only AS (
    SELECT
      s.iso3,
      NULL AS ms_name,
      r.resolution_id,
      r.year,
      r.topic,
      r.vote_date,
      NULL AS vote,
      FALSE AS has_country_votes,
      NULL AS vote_source,
      NULL AS source_file,
      NULL::INTEGER AS source_line
    FROM
      unga_resolutions r
      CROSS JOIN states s
    WHERE
      NOT r.has_country_votes
      AND s.un_member
  )
SELECT
  a.iso3,
  s.name_en,
  a.ms_name,
  a.resolution_id,
  a.year,
  a.topic,
  a.vote_date,
  a.vote,
  CASE a.vote
    WHEN 'Y' THEN 'yes'
    WHEN 'N' THEN 'no'
    WHEN 'A' THEN 'abstain'
    WHEN 'X' THEN 'non-voting'
    ELSE 'unknown (totals only)'
  END AS vote_label,
  a.has_country_votes,
  a.vote_source,
  -- status on the vote date; for totals-only years (no date) on 31 December of the vote year
  coalesce(
    st.status,
    CASE
      WHEN s.iso3 IS NULL THEN 'unknown'
      ELSE 'not_party'
    END
  ) AS ccm_status,
  a.source_file,
  a.source_line
FROM
  (
    SELECT
      *
    FROM
      recorded
    UNION ALL
    SELECT
      *
    FROM
      totals_only
  ) a
  LEFT JOIN states s ON s.iso3 = a.iso3
  LEFT JOIN state_status st ON st.iso3 = a.iso3
  AND (
    st.valid_from IS NULL
    OR st.valid_from <= coalesce(a.vote_date, make_date(a.year, 12, 31))
  )
  AND (
    st.valid_to IS NULL
    OR coalesce(a.vote_date, make_date(a.year, 12, 31)) < st.valid_to
  )
ORDER BY
  a.iso3,
  a.topic,
  a.year,
  a.resolution_id;

-- unga_ccm_country_votes: each State's vote on the CCM resolution in the years whose record names every country's
-- vote (years known from totals alone have none to compare): what the vote shifts and vote changes both read.
CREATE OR REPLACE VIEW unga_ccm_country_votes AS
SELECT
  iso3,
  name_en,
  year,
  resolution_id,
  vote,
  vote_label,
  ccm_status
FROM
  unga_state_votes
WHERE
  topic = 'CCM'
  AND has_country_votes;
