-- named_states: the States behind a count: each narrative finding with the States it names (as the report writes
-- them, in its order), how many, the count it states, whether the two agree, the indicator it speaks to, its
-- paragraph, and the report it comes from (a finding id begins with its report's id, as extracted) with that
-- report's datasets as the datasets table names them (findings for the first report, <report>/findings for a later).
CREATE OR REPLACE VIEW named_states AS
WITH
  named AS (
    SELECT
      f.finding_id,
      f.cycle,
      f.indicator_id,
      f.paragraph,
      f.stated_count,
      count(fs.iso3)::INTEGER AS named,
      string_agg(
        fs.name_as_written,
        '; '
        ORDER BY
          fs.position,
          fs.name_as_written
      ) AS names,
      split_part(f.finding_id, '-', 1) AS report_id
    FROM
      findings f
      LEFT JOIN finding_states fs USING (finding_id)
    GROUP BY
      f.finding_id,
      f.cycle,
      f.indicator_id,
      f.paragraph,
      f.stated_count
  )
SELECT
  n.*,
  n.stated_count IS NULL
  OR n.stated_count = n.named AS list_matches_count,
  coalesce(
    (
      SELECT
        d.name
      FROM
        datasets d
      WHERE
        d.name = n.report_id || '/findings'
    ),
    'findings'
  ) AS findings_dataset,
  coalesce(
    (
      SELECT
        d.name
      FROM
        datasets d
      WHERE
        d.name = n.report_id || '/finding_states'
    ),
    'finding_states'
  ) AS finding_states_dataset
FROM
  named n
ORDER BY
  n.finding_id;
