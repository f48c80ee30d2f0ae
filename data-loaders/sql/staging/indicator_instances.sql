-- Instances of an indicator's activity described in the report's narrative (rename and cast only).
CREATE TABLE indicator_instances AS
SELECT report_id, indicator_id, cycle, paragraph, instance, statement
FROM raw.indicator_instances;
