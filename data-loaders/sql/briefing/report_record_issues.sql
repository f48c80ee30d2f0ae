-- Where the report disagrees with the UN's own records, for the annex, numbered (mart records_annex), errors first.
SELECT
  item,
  topic,
  severity,
  subject,
  paragraph,
  report_says,
  record_says,
  definition,
  alternative_definition,
  report_source,
  record_source,
  explanation
FROM
  records_annex
ORDER BY
  item;
