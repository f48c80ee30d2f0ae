-- cycle_trends: per reporting cycle, how many indicators improved, declined, held, completed or cannot be compared
-- (the sum of pillar_trends over the pillars): the overview's headline count.
CREATE OR REPLACE VIEW cycle_trends AS
SELECT
  p.cycle,
  any_value(p.ordinal) AS ordinal,
  sum(p.indicators)::INTEGER AS indicators,
  sum(p.measured)::INTEGER AS measured,
  sum(p.improved)::INTEGER AS improved,
  sum(p.declined)::INTEGER AS declined,
  sum(p.held)::INTEGER AS held,
  sum(p.completed)::INTEGER AS completed,
  sum(p.not_comparable)::INTEGER AS not_comparable,
  bool_or(p.is_latest) AS is_latest
FROM
  pillar_trends p
GROUP BY
  p.cycle
ORDER BY
  ordinal;
