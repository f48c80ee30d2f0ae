-- Per-country votes on the resolutions in unga_resolutions (CCM and related topics). source_line is the
-- CSV record number in source_file (header = 1). Uniqueness of (resolution_id, iso3) is a data test
-- (checks/unga_votes_unique.sql), so that a duplicate is reported with its lines rather than as a constraint error.
CREATE TABLE unga_votes AS
SELECT
  r.resolution_id,
  v.ms_code AS iso3,
  v.ms_name,
  CAST(v.ms_vote AS VARCHAR) AS vote,
  v.vote_date,
  r.year,
  r.topic,
  v.source_file,
  CAST(undl_line (v.source_file, v.rowid - f.first_rowid) AS INTEGER) AS source_line
FROM
  undl_votes v
  JOIN undl_resolutions r ON r.undl_id = v.undl_id
  AND r.source_file = v.source_file
  AND r.topic IS NOT NULL
  JOIN undl_files f ON f.source_file = v.source_file
  -- a row whose ms_code is no known State is a reject (undl_rejects, 'UNKNOWN STATE'): it fails the run, or with
  -- --allow-rejects is left out here; the record's own totals still count it
WHERE
  undl_state_known (v.ms_code, v.vote_date)
ORDER BY
  r.year,
  r.resolution_id,
  iso3;
