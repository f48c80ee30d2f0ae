-- Mentions of dated events in the report, for the same-event dates check (rename and cast only).
CREATE TABLE report_event_dates AS
SELECT report_id, mention_id, event, paragraph, as_written, CAST(date_from AS DATE) AS date_from, CAST(date_to AS DATE) AS date_to, statement
FROM raw.report_event_dates;
