-- Every inconsistency the checks find in the report, one row per issue (see the 05x_consistency_*.sql views).
CREATE OR REPLACE VIEW consistency_issues AS
SELECT * FROM consistency_count_vs_names
UNION ALL SELECT * FROM consistency_table_values
UNION ALL SELECT * FROM consistency_parts_vs_whole
UNION ALL SELECT * FROM consistency_lists
UNION ALL SELECT * FROM consistency_membership
UNION ALL SELECT * FROM consistency_report_dates
UNION ALL SELECT * FROM consistency_list_relations
UNION ALL SELECT * FROM consistency_share_scope
UNION ALL SELECT * FROM consistency_event_dates
UNION ALL SELECT * FROM consistency_table_instances;
