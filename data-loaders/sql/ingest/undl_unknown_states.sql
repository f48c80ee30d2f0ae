-- Rows whose ms_code is not a State we know (undl_state_known): a vote that cannot be given to a State. Each is
-- recorded as a reject with its line and the closest known States by name and code, so that the run fails (or,
-- with --allow-rejects, leaves the row out of unga_votes) instead of losing the vote without a word.
INSERT INTO
  undl_rejects
WITH
  unknown AS (
    SELECT
      v.source_file,
      CAST(undl_line (v.source_file, v.rowid - f.first_rowid) AS BIGINT) AS line,
      v.ms_code,
      v.ms_name,
      v.resolution,
      v.undl_id
    FROM
      undl_votes v
      JOIN undl_files f USING (source_file)
    WHERE
      NOT undl_state_known (v.ms_code, v.vote_date)
      AND v.ms_code IS NOT NULL
  )
SELECT
  u.source_file,
  u.line,
  'ms_code',
  'UNKNOWN STATE',
  u.ms_code || ',' || coalesce(u.ms_name, '') || ' (' || coalesce(u.resolution, 'no resolution') || ')',
  format(
    '"{}" ({}) is not the ISO3 code of a State; closest known: {}',
    u.ms_code,
    coalesce(u.ms_name, 'no name'),
    (
      SELECT
        string_agg(
          name,
          ', '
          ORDER BY
            score DESC,
            name
        )
      FROM
        (
          SELECT
            s.name_en || ' (' || s.iso3 || ')' AS name,
            greatest(
              jaro_winkler_similarity(upper(s.name_en), upper(coalesce(u.ms_name, ''))),
              1 - levenshtein(s.iso3, u.ms_code) / 3
            ) AS score
          FROM
            states s
          ORDER BY
            score DESC,
            s.iso3
          LIMIT
            3
        )
    )
  )
  -- the Member State whose vote the row may have replaced
  || coalesce(
    '; the record has no row for ' || (
      SELECT
        string_agg(
          s.name_en || ' (' || s.iso3 || ')',
          ', '
          ORDER BY
            s.iso3
        )
      FROM
        states s
      WHERE
        s.un_member
        AND NOT EXISTS (
          SELECT
            1
          FROM
            undl_votes w
          WHERE
            w.undl_id = u.undl_id
            AND w.source_file = u.source_file
            AND w.ms_code = s.iso3
        )
    ),
    ''
  )
FROM
  unknown u
ORDER BY
  u.source_file,
  u.line;
