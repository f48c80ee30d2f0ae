-- highlights: the largest moves of each cycle that the briefing's summary and the site's overview name, by one rule:
-- for each judgement (improved, declined, completed), the three largest moves counted in States Parties (the unit most
-- indicators count), then the largest move of each other unit (13 women are not set beside 11 States Parties).
-- Moves of the same size keep report order (action, indicator); ranks are those of view largest_movements. A tie at
-- the cut is shown whole (rank, not place, decides): with 9.1, 38.1 and 40.1 all at -3 behind 39.2, the list names
-- the three, never two of them as if the third were smaller.
CREATE OR REPLACE VIEW highlights AS
WITH
  ranked AS (
    SELECT
      m.*,
      m.unit = 'States Parties' AS is_main_unit,
      row_number() OVER (
        PARTITION BY
          m.cycle,
          m.judgement,
          m.unit
        ORDER BY
          m.rank_in_unit,
          m.action,
          m.seq
      ) AS place_in_unit
    FROM
      largest_movements m
    WHERE
      m.judgement IN ('improved', 'declined', 'completed')
  )
SELECT
  cycle,
  ordinal,
  is_latest,
  judgement,
  unit,
  is_main_unit,
  place_in_unit,
  indicator_id,
  action,
  seq,
  pillar_code,
  text,
  polarity,
  previous_cycle,
  previous_value,
  value,
  change_since_previous,
  judgement_reason,
  rank_in_unit,
  source_ref
FROM
  ranked
WHERE
  rank_in_unit <= CASE
    WHEN is_main_unit THEN 3
    ELSE 1
  END
ORDER BY
  ordinal,
  NOT is_main_unit,
  unit,
  judgement DESC,
  place_in_unit;
