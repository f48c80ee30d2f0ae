-- Benchmark baseline table for the csv-parse + appender load (2025 layout).
CREATE TABLE votes (
  "undl_id" BIGINT,
  "ms_code" VARCHAR,
  "ms_name" VARCHAR,
  "ms_vote" VARCHAR,
  "date" DATE,
  "session" VARCHAR,
  "resolution" VARCHAR,
  "draft" VARCHAR,
  "committee_report" VARCHAR,
  "meeting" VARCHAR,
  "title" VARCHAR,
  "agenda_title" VARCHAR,
  "subjects" VARCHAR,
  "total_yes" INTEGER,
  "total_no" INTEGER,
  "total_abstentions" INTEGER,
  "total_non_voting" INTEGER,
  "total_ms" INTEGER,
  "undl_link" VARCHAR
);
