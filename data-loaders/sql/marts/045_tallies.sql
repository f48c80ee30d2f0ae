-- tallies: the counts of a cycle's judgements, for each pillar and for all pillars (pillar_code ''), one row each:
-- how many indicators, how many measured, and, pivoted from mart tally_terms (where each judgement is counted),
-- how many improved, declined, held, completed (fell because the group they follow is exhausted) or cannot be
-- compared and why not (not measured, first measured, no better direction); and how many rose or fell in every
-- change so far, and how many of the judgements rest on a contested figure. The briefing's pillar tables and the
-- site's overview read it.
CREATE OR REPLACE VIEW tallies AS
WITH
  counted AS (
    SELECT
      cycle,
      pillar_code,
      any_value(pillar) AS pillar,
      any_value(ordinal) AS ordinal,
      bool_or(is_latest) AS is_latest,
      sum(n) FILTER(
        WHERE
          term = 'improved'
      ) AS improved,
      sum(n) FILTER(
        WHERE
          term = 'declined'
      ) AS declined,
      sum(n) FILTER(
        WHERE
          term = 'held'
      ) AS held,
      sum(n) FILTER(
        WHERE
          term = 'not_comparable'
      ) AS not_comparable,
      sum(n) FILTER(
        WHERE
          term = 'completed'
      ) AS completed,
      sum(n) FILTER(
        WHERE
          term = 'not_measured'
      ) AS not_measured,
      sum(n) FILTER(
        WHERE
          term = 'first_measured'
      ) AS first_measured,
      sum(n) FILTER(
        WHERE
          term = 'no_better_direction'
      ) AS no_better_direction,
      sum(contested_n) FILTER(
        WHERE
          kind = 'judgement'
      ) AS contested
    FROM
      tally_terms
    GROUP BY
      cycle,
      pillar_code
  ),
  totals AS (
    SELECT
      j.cycle,
      coalesce(j.pillar_code, '') AS pillar_code,
      count(*) AS indicators,
      count(*) FILTER(
        WHERE
          j.measured
      ) AS measured,
      count(*) FILTER(
        WHERE
          j.steady = 'rose'
      ) AS rose_every_cycle,
      count(*) FILTER(
        WHERE
          j.steady = 'fell'
      ) AS fell_every_cycle
    FROM
      judgements j
    GROUP BY
      GROUPING SETS ((j.cycle, j.pillar_code), (j.cycle))
  )
SELECT
  c.pillar_code,
  c.pillar,
  c.cycle,
  c.ordinal,
  t.indicators,
  t.measured,
  c.improved::BIGINT AS improved,
  c.declined::BIGINT AS declined,
  c.held::BIGINT AS held,
  c.not_comparable::BIGINT AS not_comparable,
  c.completed::BIGINT AS completed,
  c.not_measured::BIGINT AS not_measured,
  c.first_measured::BIGINT AS first_measured,
  c.no_better_direction::BIGINT AS no_better_direction,
  t.rose_every_cycle,
  t.fell_every_cycle,
  c.contested::BIGINT AS contested,
  c.is_latest
FROM
  counted c
  JOIN totals t USING (cycle, pillar_code)
ORDER BY
  c.ordinal,
  c.pillar_code;
