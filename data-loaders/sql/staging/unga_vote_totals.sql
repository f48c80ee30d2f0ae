-- Published CCM resolution vote totals (rename and cast only). Empty no/abstain stay NULL: unknown, not zero.
CREATE TABLE unga_vote_totals AS
SELECT
  CAST(year AS INTEGER) AS year,
  stage,
  part,
  CAST(yes AS INTEGER) AS yes,
  CAST("no" AS INTEGER) AS "no",
  CAST(abstain AS INTEGER) AS abstain,
  source,
  source_url,
  note
FROM
  raw.unga_vote_totals;
