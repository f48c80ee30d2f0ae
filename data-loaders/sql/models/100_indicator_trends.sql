-- reported_cycles: the cycles for which the report gives at least one indicator value, numbered from the first
-- (position). A future cycle (e.g. 3RC) listed in `cycles` before its report exists would otherwise show every
-- indicator as "not measured"; the trends, the contested figures and the briefing's cycles all read this one list.
CREATE OR REPLACE VIEW reported_cycles AS
SELECT
  c.cycle,
  c.ordinal,
  c.meeting,
  c.period_start,
  c.period_end,
  c.source_ref,
  dense_rank () OVER (
    ORDER BY
      c.ordinal
  ) AS position
FROM
  cycles c
WHERE
  EXISTS (
    SELECT
      1
    FROM
      indicator_values v
    WHERE
      v.cycle = c.cycle
  );

-- indicator_trends: one row per LAP indicator and reporting cycle, with the movement since the previous
-- measured cycle and since the first cycle (10MSP), its direction, streak, record to date (each measure of a
-- paired value on its own), its share of the group it counts among (indicator_scopes) when that group's size for
-- the cycle is known, and a judgement (improved, declined, held, completed, not comparable) with its reason.
-- A value that was not measured (N/A in the report, or no row) stays NULL: it is "not measured", never 0.
CREATE OR REPLACE VIEW indicator_trends AS
WITH
  first_cycle AS (
    SELECT
      cycle
    FROM
      reported_cycles
    WHERE
      position = 1
  ),
  -- States Parties during each cycle's reporting period: every State that was a State Party on at least one day
  -- of it, as the report counts them ("Out of 112 States Parties during the period under review", para 264). A
  -- numerator about the period (e.g. para 22's 70 contributors, Lithuania among them) then matches its
  -- denominator; a count on the last day alone would drop a State that withdrew during the period.
  -- The count is a denominator only if it is complete: without a period start or end, or when a State whose status
  -- is 'unknown' on some day of the period is not a State Party on any other day of it (it might have been one), it
  -- is NULL, not a guess. A State unknown for part of the period and a party later in it is counted either way.
  status_in_period AS (
    SELECT
      rc.cycle,
      s.iso3,
      bool_or(s.status = 'state_party') AS party_some_day,
      bool_or(s.status = 'unknown') AS unknown_some_day
    FROM
      reported_cycles rc
      JOIN state_status s ON rc.period_start IS NOT NULL
      AND rc.period_end IS NOT NULL
      AND (
        s.valid_from IS NULL
        OR s.valid_from <= rc.period_end
      )
      AND (
        s.valid_to IS NULL
        OR s.valid_to > rc.period_start
      )
    GROUP BY
      rc.cycle,
      s.iso3
  ),
  states_parties_in_period AS (
    SELECT
      rc.cycle,
      CASE
        WHEN rc.period_start IS NOT NULL
        AND rc.period_end IS NOT NULL
        AND count(*) FILTER(
          WHERE
            p.unknown_some_day
            AND NOT p.party_some_day
        ) = 0
        -- NULL (unknown) rather than 0 when the membership history has no State Party in the period
        THEN NULLIF(
          count(*) FILTER(
            WHERE
              p.party_some_day
          ),
          0
        )
      END AS n
    FROM
      reported_cycles rc
      LEFT JOIN status_in_period p ON p.cycle = rc.cycle
    GROUP BY
      rc.cycle,
      rc.period_start,
      rc.period_end
  ),
  -- The size of every scope group in every cycle: from membership, from the report (scope_sizes, reviewed by
  -- hand, with its paragraph), or unknown (NULL: no share is shown).
  group_sizes AS (
    SELECT
      g.scope_group,
      g.label,
      g.sized_by,
      rc.cycle,
      CASE g.sized_by
        WHEN 'membership' THEN sp.n
        WHEN 'report' THEN z.size
      END AS size,
      CASE
        WHEN g.sized_by = 'membership'
        AND sp.n IS NOT NULL THEN 'view state_status: States Parties on at least one day from ' || strftime(rc.period_start, '%-d %B %Y') || ' to ' || strftime(rc.period_end, '%-d %B %Y')
        WHEN g.sized_by = 'report'
        AND z.size IS NOT NULL THEN 'para ' || z.paragraph
      END AS size_source,
      z.paragraph
    FROM
      scope_groups g
      CROSS JOIN reported_cycles rc
      LEFT JOIN states_parties_in_period sp ON sp.cycle = rc.cycle
      LEFT JOIN scope_sizes z ON z.scope_group = g.scope_group
      AND z.cycle = rc.cycle
  ),
  grid AS (
    SELECT
      i.indicator_id,
      i.action,
      i.seq,
      i.pillar_code,
      i.pillar,
      i.text,
      i.unit,
      i.scope,
      i.polarity,
      i.polarity_note,
      sc.scope_group,
      sc.completion_group,
      sc.cycle_note,
      rc.cycle,
      rc.ordinal,
      rc.position,
      v.value,
      v.value_secondary,
      v.measure,
      v.secondary_measure,
      v.missing_reason,
      v.revised,
      v.footnote,
      v.as_printed,
      v.source_ref
    FROM
      indicators i
      CROSS JOIN reported_cycles rc
      LEFT JOIN indicator_values v ON v.indicator_id = i.indicator_id
      AND v.cycle = rc.cycle
      LEFT JOIN indicator_scopes sc ON sc.indicator_id = i.indicator_id
  ),
  with_previous AS (
    SELECT
      g.*,
      -- The previous *measured* cycle: a cycle without a value is skipped, not read as 0.
      last_value (
        CASE
          WHEN g.value IS NOT NULL THEN g.cycle
        END IGNORE NULLS
      ) OVER w_before AS previous_cycle,
      last_value (g.value IGNORE NULLS) OVER w_before AS previous_value,
      last_value (
        CASE
          WHEN g.value IS NOT NULL THEN g.value_secondary
        END IGNORE NULLS
      ) OVER w_before AS previous_value_secondary,
      max(
        CASE
          WHEN g.cycle = (
            SELECT
              cycle
            FROM
              first_cycle
          ) THEN g.value
        END
      ) OVER w_all AS first_value,
      max(g.value_secondary) OVER w_to_date AS secondary_max_to_date,
      min(g.value_secondary) OVER w_to_date AS secondary_min_to_date,
      max(g.value) OVER w_to_date AS max_to_date,
      min(g.value) OVER w_to_date AS min_to_date,
      count(g.value) OVER w_to_date AS measured_to_date
    FROM
      grid g
    WINDOW
      w_before AS (
        PARTITION BY
          g.indicator_id
        ORDER BY
          g.position ROWS BETWEEN UNBOUNDED PRECEDING
          AND 1 PRECEDING
      ),
      w_to_date AS (
        PARTITION BY
          g.indicator_id
        ORDER BY
          g.position ROWS BETWEEN UNBOUNDED PRECEDING
          AND CURRENT ROW
      ),
      w_all AS (
        PARTITION BY
          g.indicator_id
      )
  ),
  with_direction AS (
    SELECT
      p.*,
      CASE
        WHEN p.value IS NULL THEN 'not measured'
        WHEN p.previous_value IS NULL THEN 'first measured'
        WHEN p.value > p.previous_value THEN 'up'
        WHEN p.value < p.previous_value THEN 'down'
        ELSE 'flat'
      END AS direction,
      -- The second measure of a paired value has its own direction (17.2: munitions fell while submunitions rose).
      CASE
        WHEN p.value_secondary IS NULL THEN NULL
        WHEN p.previous_value_secondary IS NULL THEN 'first measured'
        WHEN p.value_secondary > p.previous_value_secondary THEN 'up'
        WHEN p.value_secondary < p.previous_value_secondary THEN 'down'
        ELSE 'flat'
      END AS secondary_direction,
      -- How many cycles up to this one had this same value: more than one at the top or bottom is a tie.
      count(p.value) OVER (
        PARTITION BY
          p.indicator_id,
          p.value
        ORDER BY
          p.position ROWS BETWEEN UNBOUNDED PRECEDING
          AND CURRENT ROW
      ) AS same_value_to_date
    FROM
      with_previous p
  ),
  -- Gaps and islands: consecutive cycles with the same direction share (position - row number).
  with_streak AS (
    SELECT
      d.*,
      d.position - row_number() OVER (
        PARTITION BY
          d.indicator_id,
          d.direction
        ORDER BY
          d.position
      ) AS island,
      d.position - row_number() OVER (
        PARTITION BY
          d.indicator_id,
          d.secondary_direction
        ORDER BY
          d.position
      ) AS secondary_island
    FROM
      with_direction d
  ),
  with_scope AS (
    SELECT
      s.*,
      gs.label AS scope_label,
      gs.sized_by AS scope_sized_by,
      gs.size AS group_size,
      gs.size_source,
      cg.size AS completion_group_size,
      cg.label AS completion_group_label,
      cg.paragraph AS completion_paragraph,
      CASE
        WHEN s.secondary_direction IN ('up', 'down', 'flat') THEN count(*) OVER (
          PARTITION BY
            s.indicator_id,
            s.secondary_direction,
            s.secondary_island
          ORDER BY
            s.position ROWS BETWEEN UNBOUNDED PRECEDING
            AND CURRENT ROW
        )
      END AS secondary_streak
    FROM
      with_streak s
      LEFT JOIN group_sizes gs ON gs.scope_group = s.scope_group
      AND gs.cycle = s.cycle
      LEFT JOIN group_sizes cg ON cg.scope_group = s.completion_group
      AND cg.cycle = s.cycle
  ),
  judged AS (
    SELECT
      w.*,
      CASE
        WHEN w.direction = 'not measured' THEN 'not measured'
        WHEN w.direction = 'first measured' THEN 'first measured'
        -- A fall because nobody is left to do it (the group the indicator follows is exhausted) is completion,
        -- and only when nobody did it in the cycle: a value above zero means someone still could (16.1, para 84).
        WHEN w.direction = 'down'
        AND w.completion_group_size = 0
        AND w.value = 0 THEN 'group exhausted'
        WHEN w.direction = 'flat' THEN 'unchanged'
        WHEN w.polarity IN ('higher_is_better', 'lower_is_better') THEN 'polarity'
        ELSE 'no better direction'
      END AS judgement_basis
    FROM
      with_scope w
  )
SELECT
  s.indicator_id,
  s.action,
  s.seq,
  s.pillar_code,
  s.pillar,
  s.text,
  s.unit,
  s.scope,
  s.polarity,
  s.cycle,
  s.ordinal,
  s.value,
  s.value_secondary,
  s.measure,
  s.secondary_measure,
  s.missing_reason,
  s.revised,
  s.footnote,
  s.as_printed,
  s.previous_cycle,
  s.previous_value,
  s.value - s.previous_value AS change_since_previous,
  s.value_secondary - s.previous_value_secondary AS secondary_change_since_previous,
  s.secondary_direction,
  s.secondary_streak,
  CASE
    WHEN s.value_secondary IS NULL
    OR s.measured_to_date < 2 THEN NULL
    WHEN s.secondary_max_to_date = s.secondary_min_to_date THEN 'all equal'
    WHEN s.value_secondary = s.secondary_max_to_date THEN 'highest'
    WHEN s.value_secondary = s.secondary_min_to_date THEN 'lowest'
  END AS secondary_record_to_date,
  (
    SELECT
      cycle
    FROM
      first_cycle
  ) AS first_cycle,
  s.first_value,
  s.value - s.first_value AS change_since_first,
  s.direction,
  CASE
    WHEN s.direction IN ('up', 'down', 'flat') THEN count(*) OVER (
      PARTITION BY
        s.indicator_id,
        s.direction,
        s.island
      ORDER BY
        s.position ROWS BETWEEN UNBOUNDED PRECEDING
        AND CURRENT ROW
    )
  END AS streak,
  s.measured_to_date,
  CASE
    WHEN s.value IS NULL
    OR s.measured_to_date < 2 THEN NULL
    WHEN s.max_to_date = s.min_to_date THEN 'all equal'
    WHEN s.value = s.max_to_date THEN CASE
      WHEN s.same_value_to_date > 1 THEN 'joint highest'
      ELSE 'highest'
    END
    WHEN s.value = s.min_to_date THEN CASE
      WHEN s.same_value_to_date > 1 THEN 'joint lowest'
      ELSE 'lowest'
    END
  END AS record_to_date,
  s.scope_group,
  s.scope_label,
  -- A denominator only where the data give one: the size of the group the indicator counts among (its scope,
  -- indicator_scopes) in this cycle, from the membership of the cycle's period or from the report's own count.
  -- A group of size 0 is no denominator (nothing to take a share of).
  NULLIF(s.group_size, 0) AS denominator,
  CASE
    WHEN s.group_size > 0 THEN s.scope_label
  END AS denominator_basis,
  CASE
    WHEN s.group_size > 0 THEN s.size_source
  END AS denominator_source,
  -- No share when the States the report names behind the value lie outside the group (share_scope_mismatches).
  CASE
    WHEN s.group_size > 0
    AND s.value IS NOT NULL
    AND sm.reason IS NULL THEN round(s.value / s.group_size, 4)
  END AS share,
  sm.reason AS share_withheld_reason,
  s.completion_group,
  s.completion_group_size,
  s.completion_group_label,
  CASE
    WHEN s.completion_group_size IS NOT NULL THEN 'para ' || s.completion_paragraph
  END AS completion_source,
  s.cycle_note,
  CASE s.judgement_basis
    WHEN 'not measured' THEN 'not comparable'
    WHEN 'first measured' THEN 'not comparable'
    WHEN 'group exhausted' THEN 'completed'
    WHEN 'unchanged' THEN 'held'
    WHEN 'no better direction' THEN 'not comparable'
    ELSE judge_change (s.polarity, s.value - s.previous_value)
  END AS judgement,
  s.judgement_basis,
  CASE s.judgement_basis
    WHEN 'not measured' THEN 'Not measured in the ' || s.cycle || ' cycle, so there is no movement to judge.'
    WHEN 'first measured' THEN 'First measured in the ' || s.cycle || ' cycle: there is no earlier value to compare with.'
    WHEN 'group exhausted' THEN 'Fell from ' || s.previous_value || ' to ' || s.value || ' because the group it follows is exhausted: no ' || s.completion_group_label || ' are left (para ' || s.completion_paragraph || '). A fall here is completion, not decline.'
    WHEN 'unchanged' THEN 'The same value (' || s.value || ') as in the ' || s.previous_cycle || ' cycle.'
    WHEN 'no better direction' THEN (
      CASE s.direction
        WHEN 'up' THEN 'Rose'
        ELSE 'Fell'
      END
    ) || ' from ' || s.previous_value || ' to ' || s.value || ', but neither direction is better: ' || s.polarity_note
    ELSE (
      CASE s.direction
        WHEN 'up' THEN 'Rose'
        ELSE 'Fell'
      END
    ) || ' from ' || s.previous_value || ' to ' || s.value || (
      CASE s.polarity
        WHEN 'higher_is_better' THEN ' (higher is better): '
        ELSE ' (lower is better): '
      END
    ) || s.polarity_note
  END AS judgement_reason,
  s.position = (
    SELECT
      max(position)
    FROM
      reported_cycles
  ) AS is_latest,
  s.source_ref
FROM
  judged s
  JOIN reported_cycles rc ON rc.cycle = s.cycle
  LEFT JOIN (
    SELECT
      indicator_id,
      cycle,
      string_agg(
        reason,
        ' '
        ORDER BY
          finding_id
      ) AS reason
    FROM
      share_scope_mismatches
    GROUP BY ALL
  ) sm ON sm.indicator_id = s.indicator_id
  AND sm.cycle = s.cycle
ORDER BY
  s.action,
  s.seq,
  s.ordinal;
