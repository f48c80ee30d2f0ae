-- Facts stated in the progress report, compared against by the data tests (rename and cast only).
CREATE TABLE report_facts AS
SELECT fact_id, CAST(value AS INTEGER) AS value, unit, CAST(as_of AS DATE) AS as_of, paragraph, statement
FROM raw.report_facts;
