-- pillar_trends: per pillar (A..K) and reporting cycle, how many indicators improved, declined, held, completed
-- (fell because the group they follow is exhausted) or cannot be compared (not measured, first measured, or no
-- better direction), from indicator_trends: the judgement is made there, once.
CREATE OR REPLACE VIEW pillar_trends AS
SELECT
  t.pillar_code,
  any_value(t.pillar) AS pillar,
  t.cycle,
  any_value(t.ordinal) AS ordinal,
  count(*) AS indicators,
  count(t.value) AS measured,
  count(*) FILTER(
    WHERE
      t.judgement = 'improved'
  ) AS improved,
  count(*) FILTER(
    WHERE
      t.judgement = 'declined'
  ) AS declined,
  count(*) FILTER(
    WHERE
      t.judgement = 'held'
  ) AS held,
  count(*) FILTER(
    WHERE
      t.judgement = 'not comparable'
  ) AS not_comparable,
  count(*) FILTER(
    WHERE
      t.judgement = 'completed'
  ) AS completed,
  bool_or(t.is_latest) AS is_latest
FROM
  indicator_trends t
GROUP BY
  t.pillar_code,
  t.cycle
ORDER BY
  t.pillar_code,
  ordinal;
