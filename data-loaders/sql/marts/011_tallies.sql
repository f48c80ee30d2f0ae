-- tallies: the counts of a cycle's judgements (mart judgements), for each pillar and for all pillars (pillar_code ''):
-- how many indicators, how many measured, improved, declined, held, completed (fell because the group they follow is
-- exhausted) or cannot be compared, why not (not measured, first measured, no better direction), and how many rose or
-- fell in every change so far. The briefing's {count} and {tally}, its pillar tables and the site's overview read them.
CREATE OR REPLACE VIEW tallies AS
SELECT
  coalesce(j.pillar_code, '') AS pillar_code,
  CASE
    WHEN j.pillar_code IS NULL THEN 'All pillars'
    ELSE any_value(j.pillar)
  END AS pillar,
  j.cycle,
  any_value(j.ordinal) AS ordinal,
  count(*) AS indicators,
  count(*) FILTER(
    WHERE
      j.measured
  ) AS measured,
  count(*) FILTER(
    WHERE
      j.judgement = 'improved'
  ) AS improved,
  count(*) FILTER(
    WHERE
      j.judgement = 'declined'
  ) AS declined,
  count(*) FILTER(
    WHERE
      j.judgement = 'held'
  ) AS held,
  count(*) FILTER(
    WHERE
      j.judgement = 'not comparable'
  ) AS not_comparable,
  count(*) FILTER(
    WHERE
      j.judgement = 'completed'
  ) AS completed,
  count(*) FILTER(
    WHERE
      j.judgement = 'not comparable'
      AND j.basis_key = 'not_measured'
  ) AS not_measured,
  count(*) FILTER(
    WHERE
      j.judgement = 'not comparable'
      AND j.basis_key = 'first_measured'
  ) AS first_measured,
  count(*) FILTER(
    WHERE
      j.judgement = 'not comparable'
      AND j.basis_key = 'no_better_direction'
  ) AS no_better_direction,
  count(*) FILTER(
    WHERE
      j.steady = 'rose'
  ) AS rose_every_cycle,
  count(*) FILTER(
    WHERE
      j.steady = 'fell'
  ) AS fell_every_cycle,
  bool_or(j.is_latest) AS is_latest
FROM
  judgements j
GROUP BY
  GROUPING SETS ((j.cycle, j.pillar_code), (j.cycle))
ORDER BY
  ordinal,
  pillar_code;
