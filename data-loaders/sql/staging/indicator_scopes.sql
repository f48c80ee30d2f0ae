-- The group each indicator counts among and the group whose exhaustion completes it (rename and cast only).
CREATE TABLE indicator_scopes AS
SELECT indicator_id, scope_group, completion_group, cycle_note, note, justification
FROM raw.indicator_scopes;
