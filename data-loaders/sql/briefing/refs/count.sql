-- {count <name> [pillar] [cycle]}: every count of mart tallies for a cycle (all pillars: pillar ''; or one
-- pillar's), one row per column, so a count the mart gains is a name a source can use with no change here; and how
-- many datasets the briefing reads (mart cited_datasets).
SELECT
  pillar_code AS pillar,
  name,
  value::INTEGER AS value
FROM
  (
    UNPIVOT (
      SELECT
        * EXCLUDE (pillar, cycle, ordinal, is_latest)
      FROM
        tallies
      WHERE
        cycle = $cycle
    ) ON COLUMNS (* EXCLUDE (pillar_code)) INTO NAME name VALUE value
  )
UNION ALL
SELECT
  '',
  'datasets',
  count(*)::INTEGER
FROM
  cited_datasets
ORDER BY
  pillar,
  name;
