-- records_annex: the report's statements that the UN's own records contradict (view report_record_issues), as the
-- briefing's records annex numbers them (item), errors first.
CREATE OR REPLACE VIEW records_annex AS
SELECT
  row_number() OVER (
    ORDER BY
      CASE severity
        WHEN 'error' THEN 1
        ELSE 2
      END,
      topic DESC,
      check_id
  )::INTEGER AS item,
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
  explanation,
  check_id
FROM
  report_record_issues
ORDER BY
  item;
