-- Per State, year and topic: how often its vote agreed with the majority vote of the CCM States Parties (status
-- state_party on the vote date) on the same resolution. Only yes, no and abstain count as votes; non-voting is
-- counted apart. A tie among the States Parties' votes gives no majority and the resolution is left out.
CREATE OR REPLACE VIEW unga_sp_majority AS
WITH
  tally AS (
    SELECT
      resolution_id,
      year,
      topic,
      vote,
      count(*) AS n
    FROM
      unga_state_votes
    WHERE
      has_country_votes
      AND ccm_status = 'state_party'
      AND vote IN ('Y', 'N', 'A')
    GROUP BY ALL
  ),
  ranked AS (
    SELECT
      *,
      row_number() OVER (
        PARTITION BY
          resolution_id
        ORDER BY
          n DESC
      ) AS rk,
      count(*) OVER (
        PARTITION BY
          resolution_id,
          n
      ) AS tied,
      sum(n) OVER (
        PARTITION BY
          resolution_id
      ) AS sp_votes
    FROM
      tally
  )
SELECT
  resolution_id,
  year,
  topic,
  vote AS majority_vote,
  n::INTEGER AS majority_votes,
  sp_votes::INTEGER AS sp_votes
FROM
  ranked
WHERE
  rk = 1
  AND tied = 1;

CREATE OR REPLACE VIEW unga_majority_agreement AS
SELECT
  v.iso3,
  v.name_en,
  v.year,
  v.topic,
  count(DISTINCT v.resolution_id)::INTEGER AS resolutions,
  count(*) FILTER(
    WHERE
      v.vote IN ('Y', 'N', 'A')
  )::INTEGER AS votes_cast,
  count(*) FILTER(
    WHERE
      v.vote = m.majority_vote
  )::INTEGER AS agreed,
  count(*) FILTER(
    WHERE
      v.vote = 'X'
  )::INTEGER AS non_voting,
  round(
    count(*) FILTER(
      WHERE
        v.vote = m.majority_vote
    ) / nullif(
      count(*) FILTER(
        WHERE
          v.vote IN ('Y', 'N', 'A')
      ),
      0
    ),
    3
  ) AS agreement,
  string_agg(DISTINCT m.majority_vote, ',') AS sp_majority_votes,
  any_value(v.ccm_status) AS ccm_status
FROM
  unga_state_votes v
  JOIN unga_sp_majority m USING (resolution_id)
WHERE
  v.has_country_votes
GROUP BY
  v.iso3,
  v.name_en,
  v.year,
  v.topic
ORDER BY
  v.topic,
  v.year,
  v.iso3;
