-- The value of every term of the reviewed relations in count_relations (sources/count_relations.csv):
--   finding:<id> stated count, named:<id> States named, of:<id> the whole in "two of seven",
--   figure:<id> report_figures, fact:<id> report_facts, indicator:<id> the table value in the relation's cycle,
--   union:<id>|<id>|… the number of distinct States the findings name together (summary F.2 = paras 131-134).
-- Written once over report_id: every report's rows, each from its own datasets.
CREATE OR REPLACE VIEW count_relation_terms_by_report AS
WITH
  terms AS (
    SELECT
      report_id,
      relation_id,
      cycle,
      'whole' AS side,
      0 AS position,
      whole AS term
    FROM
      report_count_relations
    UNION ALL
    SELECT
      report_id,
      relation_id,
      cycle,
      'part' AS side,
      position,
      trim(term) AS term
    FROM
      (
        SELECT
          report_id,
          relation_id,
          cycle,
          unnest(string_split(parts, ' + ')) AS term,
          unnest(range(1, len(string_split(parts, ' + ')) + 1)) AS position
        FROM
          report_count_relations
      )
  ),
  parsed AS (
    SELECT
      *,
      split_part(term, ':', 1) AS term_kind,
      substr(term, strpos(term, ':') + 1) AS ref
    FROM
      terms
  ),
  unions AS (
    SELECT
      u.report_id,
      u.relation_id,
      u.side,
      u.position,
      count(DISTINCT fs.iso3) AS value,
      'States named in paras ' || string_agg(
        DISTINCT f.paragraph,
        ', '
        ORDER BY
          f.paragraph
      ) AS label,
      count(DISTINCT u.finding_id) = count(DISTINCT f.finding_id) AS found
    FROM
      (
        SELECT
          report_id,
          relation_id,
          side,
          position,
          unnest(string_split(ref, '|')) AS finding_id
        FROM
          parsed
        WHERE
          term_kind = 'union'
      ) u
      LEFT JOIN report_findings f ON f.report_id = u.report_id
      AND f.finding_id = u.finding_id
      LEFT JOIN report_finding_states fs ON fs.report_id = u.report_id
      AND fs.finding_id = u.finding_id
    GROUP BY
      u.report_id,
      u.relation_id,
      u.side,
      u.position
  )
SELECT
  p.report_id,
  p.relation_id,
  p.side,
  p.position,
  p.term,
  p.term_kind,
  p.ref,
  CASE p.term_kind
    WHEN 'finding' THEN f.stated_count
    WHEN 'named' THEN f.named_count
    WHEN 'of' THEN f.of_count
    WHEN 'figure' THEN g.value
    WHEN 'fact' THEN rf.value
    WHEN 'indicator' THEN iv.value
    WHEN 'union' THEN un.value
  END AS value,
  coalesce(
    f.paragraph,
    g.paragraph,
    rf.paragraph,
    CASE
      WHEN iv.indicator_id IS NOT NULL THEN 'indicator ' || iv.indicator_id
    END
  ) AS source_paragraph,
  -- How the issue text cites the value: "para 239", "summary II.J.2", "table, indicator 47.1", or the figure's own reference.
  CASE
    WHEN p.term_kind = 'indicator' THEN 'table, indicator ' || p.ref
    WHEN p.term_kind = 'union' THEN un.label
    WHEN regexp_matches(coalesce(f.paragraph, g.paragraph, rf.paragraph), '^[0-9]+') THEN 'para ' || coalesce(f.paragraph, g.paragraph, rf.paragraph)
    WHEN coalesce(f.paragraph, g.paragraph, rf.paragraph) LIKE 'II.%' THEN 'summary ' || coalesce(f.paragraph, g.paragraph, rf.paragraph)
    ELSE coalesce(f.paragraph, g.paragraph, rf.paragraph)
  END AS source_label,
  (
    f.finding_id IS NOT NULL
    OR g.figure_id IS NOT NULL
    OR rf.fact_id IS NOT NULL
    OR iv.indicator_id IS NOT NULL
    OR coalesce(un.found, FALSE)
  ) AS term_found
FROM
  parsed p
  LEFT JOIN report_findings f ON p.term_kind IN ('finding', 'named', 'of')
  AND f.report_id = p.report_id
  AND f.finding_id = p.ref
  LEFT JOIN report_report_figures g ON p.term_kind = 'figure'
  AND g.report_id = p.report_id
  AND g.figure_id = p.ref
  LEFT JOIN report_report_facts rf ON p.term_kind = 'fact'
  AND rf.report_id = p.report_id
  AND rf.fact_id = p.ref
  -- The report's own printing of the indicator (not the current value, which an earlier report may give).
  LEFT JOIN report_indicator_values iv ON p.term_kind = 'indicator'
  AND iv.report_id = p.report_id
  AND iv.indicator_id = p.ref
  AND iv.cycle = p.cycle
  LEFT JOIN unions un ON p.term_kind = 'union'
  AND un.report_id = p.report_id
  AND un.relation_id = p.relation_id
  AND un.side = p.side
  AND un.position = p.position;

-- The session's report's rows (session_report(), data-loaders/sql/models/002_reports.sql).
CREATE OR REPLACE VIEW count_relation_terms AS
SELECT
  * EXCLUDE (report_id)
FROM
  count_relation_terms_by_report
WHERE
  report_id = session_report ();
