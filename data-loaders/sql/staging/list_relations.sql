-- Reviewed relations between lists of States (rename and cast only).
CREATE TABLE list_relations AS
SELECT relation_id, cycle, subset, superset, paragraph, related, severity, reason
FROM raw.list_relations;
