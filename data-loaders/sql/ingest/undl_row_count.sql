-- Rows already in undl_votes: the next file's rows start at this rowid (the table is only appended to).
SELECT
  count(*) AS n
FROM
  undl_votes;
