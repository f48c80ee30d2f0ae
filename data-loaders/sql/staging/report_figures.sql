-- Figures stated in the report's prose, for the consistency checks (rename and cast only).
CREATE TABLE report_figures AS
SELECT figure_id, cycle, CAST(value AS INTEGER) AS value, unit, paragraph, statement, note
FROM raw.report_figures;
