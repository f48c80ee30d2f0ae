-- Tables that record something per State beyond those the State page reads itself (e.g. Article 7 reports,
-- obligations and deadlines): any main table or view with an iso3 column. UNGA tables and views are left out:
-- the page shows the votes themselves.
SELECT DISTINCT
  table_name AS name
FROM
  information_schema.columns
WHERE
  table_schema = 'main'
  AND table_catalog = current_database()
  AND column_name = 'iso3'
  AND table_name NOT LIKE 'unga\_%' ESCAPE '\'
  AND table_name NOT LIKE 'undl\_%' ESCAPE '\'
  AND table_name NOT IN ('states', 'state_aliases', 'state_events', 'state_status', 'unga_votes', 'finding_states')
  -- the page shows the report-versus-record disagreements in a section of their own
  AND table_name NOT IN ('report_vs_record', 'report_record_issues')
  -- each State's status on the counted days: the page gives its status history itself
  AND table_name <> 'status_on_dates'
  -- every report's rows of a table the page reads already (the latest report's): *_by_report, report_*
  AND table_name NOT LIKE '%\_by\_report' ESCAPE '\'
  AND table_name NOT LIKE 'report\_%' ESCAPE '\'
ORDER BY
  name;
