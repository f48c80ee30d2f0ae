-- The judgements and reasons of a cycle with their counts and words, per pillar and for all pillars (''), from
-- mart tally_terms in its order: the briefing's data ({tally}'s judgements are those in_tally) and {ids <term>}.
SELECT
  pillar_code AS pillar,
  term,
  kind,
  n::INTEGER AS n,
  phrase,
  said_when_none,
  in_tally,
  indicator_ids,
  contested_ids,
  contested_reasons,
  contested_overturned
FROM
  tally_terms
WHERE
  cycle = $cycle
ORDER BY
  pillar_code,
  sort_order;
