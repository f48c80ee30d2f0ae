-- Per resolution (CCM and related topics): yes / no / abstain / non-voting as published, and whether per-country
-- votes exist. Years known only from published totals keep NULL where a figure is not published: unknown, never 0.
CREATE OR REPLACE VIEW unga_resolution_votes AS
SELECT
  resolution_id,
  resolution,
  year,
  topic,
  vote_date,
  title,
  total_yes AS yes,
  total_no AS "no",
  total_abstentions AS abstain,
  total_non_voting AS non_voting,
  total_ms AS member_states,
  has_country_votes,
  totals_match,
  source,
  source_ref
FROM
  unga_resolutions
ORDER BY
  topic,
  year,
  resolution_id;

-- Published totals that disagree with the per-country rows of the same file: recorded here, not fatal,
-- because the official UNDL file carries a few such records and the rows are the better evidence.
CREATE OR REPLACE VIEW unga_total_mismatches AS
SELECT
  resolution_id,
  undl_id,
  year,
  topic,
  source_file,
  total_yes,
  counted_yes,
  total_no,
  counted_no,
  total_abstentions,
  counted_abstentions,
  total_non_voting,
  counted_non_voting,
  total_ms,
  counted_ms
FROM
  undl_resolutions
WHERE
  NOT totals_match
ORDER BY
  topic NULLS LAST,
  year,
  resolution_id;

-- The same vote from two sources: plenary totals in sources/unga_vote_totals.csv against the UNDL file.
CREATE OR REPLACE VIEW unga_totals_crosscheck AS
SELECT
  t.year,
  r.resolution_id,
  t.yes AS published_yes,
  r.total_yes AS undl_yes,
  t."no" AS published_no,
  r.total_no AS undl_no,
  t.abstain AS published_abstain,
  r.total_abstentions AS undl_abstain,
  (
    t.yes IS NOT DISTINCT FROM r.total_yes
    AND t."no" IS NOT DISTINCT FROM r.total_no
    AND t.abstain IS NOT DISTINCT FROM r.total_abstentions
  ) AS agree,
  t.source,
  t.source_url
FROM
  unga_vote_totals t
  JOIN undl_resolutions r ON r.topic = 'CCM'
  AND r.year = t.year
WHERE
  t.stage = 'General Assembly plenary'
  AND t.part = 'resolution as a whole'
ORDER BY
  t.year;
