-- Provenance of every curated dataset, filled from sources/*.meta.json by the pipeline.
CREATE TABLE datasets (
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
