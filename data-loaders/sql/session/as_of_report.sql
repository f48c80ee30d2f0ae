-- The report a session names as its own (SET VARIABLE as_of_report, briefing/as-of.ts), or NULL for the latest:
-- a session reads the views' snapshot saved with the database for its report (data-loaders/lib/snapshot.ts).
SELECT
  getvariable ('as_of_report') AS report;
