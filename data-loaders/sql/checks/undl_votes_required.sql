-- Values every UNDL row needs (the reader accepts an empty field as NULL, so it is checked here, with its line).
SELECT
  v.source_file || ':' || undl_line (v.source_file, v.rowid - f.first_rowid) || ': empty ' || CASE
    WHEN v.undl_id IS NULL THEN 'undl_id'
    WHEN v.ms_code IS NULL THEN 'ms_code'
    WHEN v.ms_vote IS NULL THEN 'ms_vote'
    WHEN v.vote_date IS NULL THEN 'date'
    ELSE 'resolution'
  END || '; every row needs undl_id, ms_code, ms_vote (Y, N, A or X), date and resolution' AS problem
FROM
  undl_votes v
  JOIN undl_files f USING (source_file)
WHERE
  v.undl_id IS NULL
  OR v.ms_code IS NULL
  OR v.ms_vote IS NULL
  OR v.vote_date IS NULL
  OR v.resolution IS NULL;
