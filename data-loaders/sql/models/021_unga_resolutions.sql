-- The CCM resolution and the related resolutions of the topic catalogue (sources/unga_topics.csv): one row per
-- resolution with per-country votes in the UNDL files, plus the years known only from published totals
-- (sources/unga_vote_totals.csv, plenary, resolution as a whole), which have has_country_votes = false.
CREATE TABLE unga_resolutions AS
SELECT
  resolution_id,
  resolution,
  undl_id,
  year,
  "session",
  vote_date,
  title,
  topic,
  total_yes,
  total_no,
  total_abstentions,
  total_non_voting,
  total_ms,
  counted_yes,
  counted_no,
  counted_abstentions,
  counted_non_voting,
  counted_ms,
  totals_match,
  TRUE AS has_country_votes,
  'UN Digital Library voting data' AS source,
  coalesce(undl_link, source_file) AS source_ref,
  source_file
FROM
  undl_resolutions
WHERE
  topic IS NOT NULL
UNION ALL
SELECT
  'UNGA-' || t.year || '-CCM' AS resolution_id,
  NULL AS resolution,
  NULL AS undl_id,
  t.year,
  CAST(t.year - 1945 AS VARCHAR) AS "session", -- the regular session that opens in September of that year
  NULL AS vote_date,
  'Implementation of the Convention on Cluster Munitions' AS title,
  'CCM' AS topic,
  t.yes,
  t."no",
  t.abstain,
  NULL,
  NULL, -- non-voting and membership are not published with these totals: unknown, not zero
  NULL,
  NULL,
  NULL,
  NULL,
  NULL,
  NULL,
  FALSE AS has_country_votes,
  t.source,
  coalesce(t.source_url, 'sources/unga_vote_totals.csv') AS source_ref,
  NULL AS source_file
FROM
  unga_vote_totals t
WHERE
  t.stage = 'General Assembly plenary'
  AND t.part = 'resolution as a whole'
  AND t.year NOT IN (
    SELECT
      year
    FROM
      undl_resolutions
    WHERE
      topic = 'CCM'
  );

ALTER TABLE unga_resolutions
ADD PRIMARY KEY (resolution_id);
