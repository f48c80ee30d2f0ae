-- {named <finding>}, {names <finding>}: how many States each narrative finding names and which, its paragraph and
-- the report it comes from with that report's datasets (mart named_states); read once, looked up by finding.
SELECT
  finding_id,
  indicator_id,
  paragraph,
  cycle,
  named AS value,
  report_id,
  names,
  findings_dataset,
  finding_states_dataset
FROM
  named_states;
