-- Catalogue of resolution topics (rename and cast only).
CREATE TABLE unga_topics AS
SELECT
  topic,
  title_pattern,
  symbol_pattern,
  description,
  source
FROM
  raw.unga_topics;
