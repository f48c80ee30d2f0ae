-- tally_terms: the counts of a cycle's judgements (mart judgements), one row per judgement and per reason an
-- indicator cannot be compared (the terms of table judgement_labels, in their order), for each pillar and for all
-- pillars (pillar_code ''), zero counts included: the indicators counted, in report order, the words the prose says
-- after the count, and the counted indicators whose judgement rests on a contested figure (contested_judgements).
-- A not-comparable indicator counts under its judgement and under its reason. Mart tallies pivots these counts.
CREATE OR REPLACE VIEW tally_terms AS
WITH
  scopes AS (
    SELECT DISTINCT
      cycle,
      ordinal,
      is_latest,
      pillar_code,
      pillar
    FROM
      judgements
    UNION ALL
    SELECT DISTINCT
      cycle,
      ordinal,
      is_latest,
      '',
      'All pillars'
    FROM
      judgements
  ),
  termed AS (
    SELECT
      j.*,
      l.term
    FROM
      judgements j
      JOIN judgement_labels l ON l.term IN (j.judgement_key, j.basis_key)
  ),
  counted AS (
    SELECT
      s.cycle,
      s.ordinal,
      s.is_latest,
      s.pillar_code,
      s.pillar,
      l.term,
      l.kind,
      l.label,
      l.sort_order,
      l.said_when_none,
      l.in_tally,
      l.phrase_one,
      l.phrase_many,
      count(r.indicator_id) AS n,
      -- Each counted indicator in report order, with its contested judgement (NULL when none).
      coalesce(
        list(
          {
            'id': r.indicator_id,
            'contested': c.indicator_id IS NOT NULL,
            'reason': c.reason,
            'overturned': c.other_judgement IS DISTINCT FROM c.judgement
          }
          ORDER BY
            r.action,
            r.seq
        ) FILTER(
          WHERE
            r.indicator_id IS NOT NULL
        ),
        []
      ) AS counted
    FROM
      scopes s
      CROSS JOIN judgement_labels l
      LEFT JOIN termed r ON r.cycle = s.cycle
      AND r.term = l.term
      AND (
        s.pillar_code = ''
        OR r.pillar_code = s.pillar_code
      )
      LEFT JOIN contested_judgements c ON c.indicator_id = r.indicator_id
      AND c.cycle = r.cycle
    GROUP BY ALL
  )
SELECT
  * EXCLUDE (counted, phrase_one, phrase_many),
  CASE
    WHEN n = 1 THEN phrase_one
    ELSE phrase_many
  END AS phrase,
  list_transform(counted, x -> x.id) AS indicator_ids,
  len(list_filter(counted, x -> x.contested)) AS contested_n,
  list_transform(list_filter(counted, x -> x.contested), x -> x.id) AS contested_ids,
  list_transform(list_filter(counted, x -> x.contested), x -> x.reason) AS contested_reasons,
  -- The contested ones whose judgement the other figures would not give (NULL other judgement included).
  list_transform(
    list_filter(
      counted,
      x -> x.contested
      AND x.overturned
    ),
    x -> x.id
  ) AS contested_overturned
FROM
  counted
ORDER BY
  ordinal,
  pillar_code,
  sort_order;
