-- Each resolution belongs to at most one topic of sources/unga_topics.csv: overlapping patterns would double-count it.
SELECT
  'unga_topics: resolution ' || resolution_id || ' ("' || left(title, 80) || '") matches ' || topics_matched || ' topic patterns; make the title_pattern values in sources/unga_topics.csv exclusive' AS problem
FROM
  undl_resolutions
WHERE
  topics_matched > 1;
