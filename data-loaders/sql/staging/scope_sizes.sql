-- Sizes of the groups the indicators count among, as the report states them (rename and cast only).
CREATE TABLE scope_sizes AS
SELECT scope_group, cycle, CAST(size AS INTEGER) AS size, paragraph, term, statement
FROM raw.scope_sizes;
