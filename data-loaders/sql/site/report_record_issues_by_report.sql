-- Every report's disagreements with the UN's records (report_record_issues_by_report), for the Data quality
-- page's report selector.
SELECT * FROM report_record_issues_by_report;
