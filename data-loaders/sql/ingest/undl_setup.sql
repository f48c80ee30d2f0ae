-- Tables of the UNDL bulk ingest (step data-loaders/steps/unga.ts). undl_votes keeps every row of every
-- file in file order: rowid - undl_files.first_rowid is the row's ordinal in its file.
CREATE TYPE undl_vote_code AS ENUM('Y', 'N', 'A', 'X');

CREATE TABLE undl_votes (
  undl_id BIGINT,
  ms_code VARCHAR,
  ms_name VARCHAR,
  ms_vote undl_vote_code, -- Y, N, A, X (an ENUM: compact, and the reader rejects any other code)
  vote_date DATE,
  session VARCHAR,
  resolution VARCHAR,
  draft VARCHAR,
  committee_report VARCHAR,
  meeting VARCHAR,
  title VARCHAR,
  agenda_title VARCHAR,
  subjects VARCHAR,
  vote_note VARCHAR,
  total_yes INTEGER,
  total_no INTEGER,
  total_abstentions INTEGER,
  total_non_voting INTEGER,
  total_ms INTEGER,
  undl_link VARCHAR,
  source_file VARCHAR
);

CREATE TABLE undl_files (
  source_file VARCHAR PRIMARY KEY,
  layout VARCHAR NOT NULL,
  bytes BIGINT NOT NULL,
  mtime_ms DOUBLE NOT NULL,
  content_hash VARCHAR NOT NULL,
  ingest_version INTEGER NOT NULL,
  first_rowid BIGINT NOT NULL,
  rows_loaded BIGINT NOT NULL,
  rejected_lines BIGINT NOT NULL,
  reused BOOLEAN NOT NULL,
  seconds DOUBLE NOT NULL
);

CREATE TABLE undl_rejects (
  source_file VARCHAR NOT NULL,
  line BIGINT NOT NULL,
  column_name VARCHAR,
  error_type VARCHAR NOT NULL,
  csv_line VARCHAR,
  error_message VARCHAR
);

-- The CSV record number (header = 1) of the k-th (0-based) accepted row of a file: rows DuckDB rejected
-- are not in undl_votes, so every rejected record before the row shifts it by one. ('UNKNOWN STATE' rejects
-- stay in undl_votes, so they do not shift.)
CREATE MACRO undl_line (file, k) AS k + 2 + (
  SELECT
    count(*)
  FROM
    (
      SELECT
        line - 2 - (
          row_number() OVER (
            ORDER BY
              line
          ) - 1
        ) AS accepted_before
      FROM
        (
          SELECT DISTINCT
            line
          FROM
            undl_rejects r
          WHERE
            r.source_file = file
            AND r.error_type <> 'UNKNOWN STATE'
        )
    )
  WHERE
    accepted_before <= k
);

-- Whether a row's ms_code names a State we know. Since Montenegro's admission on 28 June 2006 every UN Member
-- State is a State of today (states.csv); earlier votes may carry codes of former Members (e.g. Yugoslavia),
-- which are kept as they are.
CREATE MACRO undl_state_known (code, vote_date) AS vote_date < DATE '2006-06-28'
OR code IN (
  SELECT
    iso3
  FROM
    states
);
