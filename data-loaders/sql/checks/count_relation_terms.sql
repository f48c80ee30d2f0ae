-- Every term of a reviewed relation must exist and have a value; otherwise a check would silently skip it.
SELECT
  format('count_relations {}: term {} does not exist (or has no value)', relation_id, term) AS problem
FROM
  count_relation_terms
WHERE
  NOT term_found
  OR value IS NULL
UNION ALL
SELECT
  format('list_relations {}: finding {} does not exist', r.relation_id, t.finding_id)
FROM
  (
    SELECT
      relation_id,
      subset AS superset
    FROM
      list_relations
    UNION ALL
    SELECT
      relation_id,
      superset
    FROM
      list_relations
  ) r,
  LATERAL (
    SELECT
      trim(unnest(string_split(r.superset, ' + '))) AS finding_id
  ) t
WHERE
  t.finding_id NOT IN (
    SELECT
      finding_id
    FROM
      findings
  );
