-- Every narrative finding with the States it names (mart named_states): each is a thing a source may cite
-- ({note finding <id>}, {named <id>}, {names <id>}) whatever the figures are.
SELECT
  finding_id,
  cycle,
  indicator_id,
  paragraph,
  named,
  names,
  report_id,
  findings_dataset,
  finding_states_dataset
FROM
  named_states
ORDER BY
  finding_id;
