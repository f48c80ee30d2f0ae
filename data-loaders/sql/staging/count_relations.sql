-- Reviewed arithmetic relations between the report's figures (rename and cast only).
CREATE TABLE count_relations AS
SELECT relation_id, cycle, kind, whole, parts, paragraph, related, severity, reason
FROM raw.count_relations;
