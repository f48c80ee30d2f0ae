-- One row per voting record (undl_id) in the UNDL bulk files: the totals as published in the file and the
-- totals counted from its per-country rows. A record present in several files (e.g. the CCM extract and the
-- full official file) is taken from one file only: the one with the most rows, then the first by name.
CREATE TABLE undl_resolutions AS
WITH
  per_file AS MATERIALIZED (
    SELECT
      undl_id,
      source_file,
      any_value(resolution) AS resolution,
      min(vote_date) AS vote_date,
      any_value("session") AS "session",
      any_value(title) AS title,
      any_value(draft) AS draft,
      any_value(committee_report) AS committee_report,
      any_value(meeting) AS meeting,
      any_value(agenda_title) AS agenda_title,
      any_value(undl_link) AS undl_link,
      -- a file that repeats different totals within one record is itself inconsistent: keep both ends
      min(total_yes) AS total_yes,
      min(total_no) AS total_no,
      min(total_abstentions) AS total_abstentions,
      min(total_non_voting) AS total_non_voting,
      min(total_ms) AS total_ms,
      max(total_yes) <> min(total_yes)
      OR max(total_no) <> min(total_no)
      OR max(total_abstentions) <> min(total_abstentions)
      OR max(total_non_voting) <> min(total_non_voting)
      OR max(total_ms) <> min(total_ms) AS totals_vary_within_record,
      count(*) FILTER(
        WHERE
          ms_vote = 'Y'
      ) AS counted_yes,
      count(*) FILTER(
        WHERE
          ms_vote = 'N'
      ) AS counted_no,
      count(*) FILTER(
        WHERE
          ms_vote = 'A'
      ) AS counted_abstentions,
      count(*) FILTER(
        WHERE
          ms_vote = 'X'
      ) AS counted_non_voting,
      count(*) AS counted_ms
    FROM
      undl_votes
    GROUP BY
      undl_id,
      source_file
  ),
  chosen AS (
    SELECT
      *,
      count(*) OVER (
        PARTITION BY
          undl_id
      ) AS files_with_record,
      row_number() OVER (
        PARTITION BY
          undl_id
        ORDER BY
          counted_ms DESC,
          source_file
      ) AS pick
    FROM
      per_file
  ),
  one AS MATERIALIZED (
    SELECT
      * EXCLUDE (pick)
    FROM
      chosen
    WHERE
      pick = 1
  ),
  -- Topic patterns are matched once per distinct title (a few thousand in the full UNDL file), not per record.
  title_topics AS (
    SELECT DISTINCT
      t.title,
      p.topic,
      p.symbol_pattern
    FROM
      (
        SELECT DISTINCT
          title
        FROM
          one
        WHERE
          title IS NOT NULL
      ) t
      JOIN unga_topics p ON regexp_matches(t.title, p.title_pattern, 'i')
  ),
  matched AS (
    SELECT
      one.undl_id,
      min(tt.topic) AS topic,
      count(*) AS topics_matched
    FROM
      one
      JOIN title_topics tt ON tt.title = one.title
    WHERE
      tt.symbol_pattern IS NULL
      OR regexp_matches(coalesce(one.resolution, ''), tt.symbol_pattern)
    GROUP BY
      one.undl_id
  )
SELECT
  -- the symbol identifies a resolution; when one symbol has several voting records, the record id tells them apart
  CASE
    WHEN resolution IS NULL
    OR resolution = '' THEN 'undl:' || undl_id
    WHEN count(*) OVER (
      PARTITION BY
        resolution
    ) > 1 THEN resolution || ' [undl ' || undl_id || ']'
    ELSE resolution
  END AS resolution_id,
  resolution,
  undl_id,
  CAST(year(vote_date) AS INTEGER) AS year,
  "session",
  vote_date,
  title,
  draft,
  committee_report,
  meeting,
  agenda_title,
  undl_link,
  CAST(total_yes AS INTEGER) AS total_yes,
  CAST(total_no AS INTEGER) AS total_no,
  CAST(total_abstentions AS INTEGER) AS total_abstentions,
  CAST(total_non_voting AS INTEGER) AS total_non_voting,
  CAST(total_ms AS INTEGER) AS total_ms,
  CAST(counted_yes AS INTEGER) AS counted_yes,
  CAST(counted_no AS INTEGER) AS counted_no,
  CAST(counted_abstentions AS INTEGER) AS counted_abstentions,
  CAST(counted_non_voting AS INTEGER) AS counted_non_voting,
  CAST(counted_ms AS INTEGER) AS counted_ms,
  coalesce(
    total_yes = counted_yes
    AND total_no = counted_no
    AND total_abstentions = counted_abstentions
    AND total_non_voting = counted_non_voting
    AND total_ms = counted_ms
    AND NOT totals_vary_within_record,
    FALSE
  ) AS totals_match,
  source_file,
  CAST(files_with_record AS INTEGER) AS files_with_record,
  m.topic,
  coalesce(m.topics_matched, 0)::INTEGER AS topics_matched
FROM
  one
  LEFT JOIN matched m USING (undl_id);
