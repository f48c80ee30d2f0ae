-- indicator_trends: one row per LAP indicator and reporting cycle, with the movement since the previous
-- measured cycle and since the first cycle (10MSP), its direction, streak, record to date, share of a known
-- denominator and a judgement given the indicator's polarity.
-- A value that was not measured (N/A in the report, or no row) stays NULL: it is "not measured", never 0.
CREATE OR REPLACE VIEW indicator_trends AS
WITH
-- Only cycles for which the report gives at least one value: a future cycle (e.g. 3RC) listed in
-- `cycles` before its report exists would otherwise show every indicator as "not measured".
reported_cycles AS (
  SELECT c.cycle, c.ordinal, c.period_end,
         dense_rank() OVER (ORDER BY c.ordinal) AS position
  FROM cycles c
  WHERE EXISTS (SELECT 1 FROM indicator_values v WHERE v.cycle = c.cycle)
),
first_cycle AS (
  SELECT cycle FROM reported_cycles WHERE position = 1
),
-- States Parties on the last day of each cycle's reporting period, from the membership history. The count is
-- a denominator only if it is complete: when any State's status that day is 'unknown' (e.g. a party whose
-- ratification date is missing), the count is a lower bound, so the denominator is NULL, not a guess.
states_parties_on_period_end AS (
  SELECT rc.cycle,
         CASE WHEN count(DISTINCT s.iso3) FILTER (WHERE s.status = 'unknown') = 0
              -- NULL (unknown) rather than 0 when the membership history has no State Party that day
              THEN NULLIF(count(DISTINCT s.iso3) FILTER (WHERE s.status = 'state_party'), 0)
         END AS n
  FROM reported_cycles rc
  LEFT JOIN state_status s
    ON rc.period_end IS NOT NULL
   AND (s.valid_from IS NULL OR s.valid_from <= rc.period_end)
   AND (s.valid_to IS NULL OR s.valid_to > rc.period_end)
  GROUP BY rc.cycle
),
grid AS (
  SELECT i.indicator_id, i.action, i.seq, i.pillar_code, i.pillar, i.text, i.unit, i.scope, i.polarity,
         (i.unit = 'States Parties' AND i.scope IS NULL) AS all_states_parties,
         rc.cycle, rc.ordinal, rc.position,
         v.value, v.value_secondary, v.measure, v.secondary_measure, v.missing_reason, v.revised,
         v.footnote, v.as_printed, v.source_ref
  FROM indicators i
  CROSS JOIN reported_cycles rc
  LEFT JOIN indicator_values v ON v.indicator_id = i.indicator_id AND v.cycle = rc.cycle
),
with_previous AS (
  SELECT g.*,
         -- The previous *measured* cycle: a cycle without a value is skipped, not read as 0.
         last_value(CASE WHEN g.value IS NOT NULL THEN g.cycle END IGNORE NULLS) OVER w_before AS previous_cycle,
         last_value(g.value IGNORE NULLS) OVER w_before AS previous_value,
         last_value(CASE WHEN g.value IS NOT NULL THEN g.value_secondary END IGNORE NULLS) OVER w_before AS previous_value_secondary,
         max(CASE WHEN g.cycle = (SELECT cycle FROM first_cycle) THEN g.value END) OVER w_all AS first_value,
         max(g.value) OVER w_to_date AS max_to_date,
         min(g.value) OVER w_to_date AS min_to_date,
         count(g.value) OVER w_to_date AS measured_to_date
  FROM grid g
  WINDOW w_before AS (PARTITION BY g.indicator_id ORDER BY g.position ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING),
         w_to_date AS (PARTITION BY g.indicator_id ORDER BY g.position ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
         w_all AS (PARTITION BY g.indicator_id)
),
with_direction AS (
  SELECT p.*,
         CASE
           WHEN p.value IS NULL THEN 'not measured'
           WHEN p.previous_value IS NULL THEN 'first measured'
           WHEN p.value > p.previous_value THEN 'up'
           WHEN p.value < p.previous_value THEN 'down'
           ELSE 'flat'
         END AS direction,
         -- How many cycles up to this one had this same value: more than one at the top or bottom is a tie.
         count(p.value) OVER (PARTITION BY p.indicator_id, p.value ORDER BY p.position
                              ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS same_value_to_date
  FROM with_previous p
),
-- Gaps and islands: consecutive cycles with the same direction share (position - row number).
with_streak AS (
  SELECT d.*,
         d.position - row_number() OVER (PARTITION BY d.indicator_id, d.direction ORDER BY d.position) AS island
  FROM with_direction d
)
SELECT
  s.indicator_id, s.action, s.seq, s.pillar_code, s.pillar, s.text, s.unit, s.scope, s.polarity,
  s.cycle, s.ordinal,
  s.value, s.value_secondary, s.measure, s.secondary_measure, s.missing_reason, s.revised, s.footnote, s.as_printed,
  s.previous_cycle, s.previous_value,
  s.value - s.previous_value AS change_since_previous,
  s.value_secondary - s.previous_value_secondary AS secondary_change_since_previous,
  (SELECT cycle FROM first_cycle) AS first_cycle,
  s.first_value,
  s.value - s.first_value AS change_since_first,
  s.direction,
  CASE WHEN s.direction IN ('up', 'down', 'flat')
       THEN count(*) OVER (PARTITION BY s.indicator_id, s.direction, s.island ORDER BY s.position
                           ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
  END AS streak,
  s.measured_to_date,
  CASE
    WHEN s.value IS NULL OR s.measured_to_date < 2 THEN NULL
    WHEN s.max_to_date = s.min_to_date THEN 'all equal'
    WHEN s.value = s.max_to_date THEN CASE WHEN s.same_value_to_date > 1 THEN 'joint highest' ELSE 'highest' END
    WHEN s.value = s.min_to_date THEN CASE WHEN s.same_value_to_date > 1 THEN 'joint lowest' ELSE 'lowest' END
  END AS record_to_date,
  -- A denominator only where the data give one: an indicator counting States Parties with no qualifying
  -- scope (not "affected SPs", "donor SPs", …) counts among all States Parties, so it is divided by the
  -- number of States Parties on the last day of the cycle's reporting period (state_status).
  CASE WHEN s.all_states_parties THEN sp.n END AS denominator,
  CASE WHEN s.all_states_parties AND sp.n IS NOT NULL THEN 'States Parties on ' || strftime(rc.period_end, '%-d %B %Y') END AS denominator_basis,
  CASE WHEN s.all_states_parties AND sp.n IS NOT NULL AND s.value IS NOT NULL THEN round(s.value / sp.n, 4) END AS share,
  CASE
    WHEN s.direction NOT IN ('up', 'down', 'flat') THEN 'not comparable'
    WHEN s.direction = 'flat' THEN 'held'
    WHEN s.polarity = 'higher_is_better' THEN CASE s.direction WHEN 'up' THEN 'improved' ELSE 'declined' END
    WHEN s.polarity = 'lower_is_better' THEN CASE s.direction WHEN 'down' THEN 'improved' ELSE 'declined' END
    ELSE 'not comparable'
  END AS judgement,
  s.position = (SELECT max(position) FROM reported_cycles) AS is_latest,
  s.source_ref
FROM with_streak s
JOIN reported_cycles rc ON rc.cycle = s.cycle
LEFT JOIN states_parties_on_period_end sp ON sp.cycle = s.cycle
ORDER BY s.action, s.seq, s.ordinal;
