-- Provenance of every dataset file, filled by the pipeline from sources/*.meta.json and each later report's
-- sources/reports/<id>/<name>.meta.json (named <report>/<name>). report_id: the report the file belongs to, NULL for
-- a dataset every report shares. The view datasets (002_reports.sql) gives the files of the session's report.
CREATE TABLE dataset_provenance (
  report_id VARCHAR,
  name VARCHAR PRIMARY KEY,
  title VARCHAR NOT NULL,
  producer VARCHAR NOT NULL,
  source VARCHAR NOT NULL,
  date VARCHAR NOT NULL,
  licence VARCHAR NOT NULL,
  reference VARCHAR NOT NULL,
  method VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  file VARCHAR NOT NULL,
  rows VARCHAR NOT NULL, -- cast to INTEGER once filled
  derived_from VARCHAR
);
