-- figure_doubts: the one place that decides, for each doubt raised about an indicator's figure (a row of
-- indicator_contested), whether the figure is contested or only carries a warning, and says why in words.
--
--   contested  a real disagreement: the UN's records give another figure, or another statement of the report
--              gives another figure for the same quantity with nothing in the report to explain it (47.2: para 239
--              and summary item II.J.2 give 25 against the table's 26).
--   warning    not a disagreement about the figure; warning_kind says what it is:
--              'difference of scope': the other statement counts a wider group, and a reviewed relation that holds
--                 shows how (summary item II.C.2's 17 = 10.2's 13 States not party + para 65's four signatories);
--              'stale sub-split': the figure is the whole of a split that disagrees, while other statements of the
--                 report give the same figure (47.1's 67, in para 265 and summary item II.J.1; only the split
--                 32 + 33 = 65 in the indicator's own text, the 12MSP value, was not updated).
--
-- For a figure the UN's records give (report_vs_record, check 'indicator-<id>:<cycle>'), the record's figure for
-- the cycle and for the previous measured cycle, and the change on the record beside the report's change
-- (11.2: the report 36 → 31, −5; the record 37 → 25, −12). figure_doubt is the figure's verdict over all its
-- rows (contested if any row is), change_doubt the change's (contested if either end is).
CREATE OR REPLACE VIEW figure_doubts AS
WITH
  issues AS (
    SELECT
      c.*,
      t.previous_cycle,
      t.previous_value,
      t.change_since_previous,
      CASE
        WHEN c.paragraph IS NULL THEN 'the report'
        WHEN regexp_matches(c.paragraph, '^[0-9]') THEN 'para ' || split_part(c.paragraph, ' ', 1)
        WHEN regexp_matches(c.paragraph, '^[IVX]+\.[A-Z]\.[0-9]') THEN 'summary item ' || split_part(c.paragraph, ' ', 1)
        WHEN regexp_matches(c.paragraph, '^VI\.[A-Z] table') THEN 'the indicator''s own text in the table'
        ELSE c.paragraph
      END AS place
    FROM
      indicator_contested c
      LEFT JOIN indicator_trends t ON t.indicator_id = c.indicator_id
      AND t.cycle = c.cycle
  ),
  -- Other statements of the report that give the same figure as the table (a finding linked to the indicator).
  confirmations AS (
    SELECT
      f.indicator_id,
      f.cycle,
      string_agg(
        CASE
          WHEN f.paragraph LIKE 'II.%' THEN 'summary item '
          ELSE 'para '
        END || f.paragraph,
        ' and '
        ORDER BY
          f.paragraph LIKE 'II.%',
          f.paragraph
      ) AS places
    FROM
      findings f
      JOIN indicator_values v ON v.indicator_id = f.indicator_id
      AND v.cycle = f.cycle
    WHERE
      coalesce(f.stated_count, f.named_count) = v.value
    GROUP BY
      f.indicator_id,
      f.cycle
  ),
  -- Sums of the report that hold and have a statement's figure as a part or the whole: arithmetic of another
  -- paragraph that agrees with that statement (para 207's 63 = 46 (para 209) + 17 (para 210)).
  agreeing_sums AS (
    SELECT
      t.ref AS finding_id,
      string_agg(format('{}''s {} = {}', w.source_label, w.value, p.parts_text), '; ') AS arithmetic
    FROM
      count_relation_terms t
      JOIN count_relation_terms w ON w.relation_id = t.relation_id
      AND w.side = 'whole'
      JOIN (
        SELECT
          relation_id,
          sum(value) AS total,
          string_agg(
            format('{} ({})', value, source_label),
            ' + '
            ORDER BY
              position
          ) AS parts_text
        FROM
          count_relation_terms
        WHERE
          side = 'part'
        GROUP BY
          relation_id
      ) p ON p.relation_id = t.relation_id
    WHERE
      t.term_kind = 'finding'
      AND t.side = 'part'
      AND w.value = p.total
    GROUP BY
      t.ref
  ),
  records AS (
    SELECT
      split_part(split_part(check_id, ':', 1), '-', 2) AS indicator_id,
      split_part(check_id, ':', 2) AS cycle,
      record_value
    FROM
      report_vs_record
    WHERE
      check_id LIKE 'indicator-%:%'
  ),
  classified AS (
    SELECT
      i.*,
      k.places AS confirmed_by,
      ag.arithmetic,
      CASE
        WHEN i.against = 'records' THEN 'contested'
        -- The other statement's figure is a wider group's, as a reviewed relation that holds shows.
        WHEN i.kind IN ('summary_vs_table', 'narrative_vs_table')
        AND i.severity = 'warning'
        AND i.explanation LIKE '%(relation %' THEN 'warning'
        -- The figure is the whole of a split that disagrees, and other statements give the same figure.
        WHEN i.kind = 'parts_vs_whole'
        AND i.expected LIKE i.value || ' (table%'
        AND k.places IS NOT NULL THEN 'warning'
        -- The narrative describes more instances than the table counts: the table may count a narrower kind.
        WHEN i.kind = 'table_vs_instances' THEN 'warning'
        ELSE 'contested'
      END AS doubt
    FROM
      issues i
      LEFT JOIN confirmations k ON k.indicator_id = i.indicator_id
      AND k.cycle = i.cycle
      LEFT JOIN (
        SELECT
          a.arithmetic,
          f.indicator_id,
          f.cycle,
          f.paragraph
        FROM
          agreeing_sums a
          JOIN findings f ON f.finding_id = a.finding_id
      ) ag ON ag.indicator_id = i.indicator_id
      AND ag.cycle = i.cycle
      AND ag.paragraph = i.paragraph
  ),
  explained AS (
    SELECT
      c.*,
      CASE
        WHEN c.doubt = 'contested' THEN NULL
        WHEN c.kind = 'parts_vs_whole' THEN 'stale sub-split'
        WHEN c.kind = 'table_vs_instances' THEN 'possibly narrower count'
        ELSE 'difference of scope'
      END AS warning_kind,
      CASE
        WHEN c.against = 'records' THEN format('the UN''s records give {} for the {} cycle, not {}', c.other_figure, c.cycle, c.value)
        WHEN c.doubt = 'contested' THEN format(
          '{} gives {}, not {}, for the same quantity, and nothing in the report explains the difference{}',
          c.place,
          coalesce(CAST(c.other_figure AS VARCHAR), 'another figure'),
          c.value,
          coalesce('; other arithmetic of the report agrees with ' || c.other_figure || ': ' || c.arithmetic, '')
        )
        WHEN c.kind = 'table_vs_instances' THEN format(
          'paras {} describe {} in the {} cycle; the table may count a narrower kind, which the report does not say',
          c.related,
          c.other_figure || ' instances of what it counts',
          c.cycle
        )
        WHEN c.kind = 'parts_vs_whole' THEN format(
          '{} is confirmed by {}; only the split in {} ({}{}) {}',
          c.value,
          c.confirmed_by,
          c.place,
          regexp_replace(c.found, ' \((?:[^()]|\([^()]*\))*\)', '', 'g'),
          CASE
            WHEN c.other_figure = c.previous_value THEN format(', the {} value', c.previous_cycle)
            ELSE ''
          END,
          CASE
            WHEN c.other_figure = c.previous_value THEN 'was not updated'
            ELSE 'disagrees'
          END
        )
        ELSE format(
          '{}''s {} counts a wider group, {}',
          c.place,
          c.other_figure,
          regexp_extract(c.explanation, 'Its [0-9]+ equals (.*?) \(relation', 1)
        )
      END AS doubt_reason
    FROM
      classified c
  )
SELECT
  e.indicator_id,
  e.cycle,
  e.value,
  e.against,
  e.kind,
  e.severity,
  e.paragraph,
  e.related,
  e.expected,
  e.found,
  e.explanation,
  e.other_figure,
  e.doubt,
  e.warning_kind,
  e.doubt_reason,
  e.confirmed_by,
  CASE
    WHEN bool_or(e.doubt = 'contested') OVER (
      PARTITION BY
        e.indicator_id,
        e.cycle
    ) THEN 'contested'
    ELSE 'warning'
  END AS figure_doubt,
  e.previous_cycle,
  e.previous_value,
  e.change_since_previous AS report_change,
  r.record_value,
  rp.record_value AS record_previous_value,
  r.record_value - rp.record_value AS record_change,
  CASE
    WHEN bool_or(e.doubt = 'contested') OVER (
      PARTITION BY
        e.indicator_id,
        e.cycle
    )
    OR EXISTS (
      SELECT
        1
      FROM
        indicator_contested p
      WHERE
        p.indicator_id = e.indicator_id
        AND p.cycle = e.previous_cycle
        AND p.against = 'records'
    ) THEN 'contested'
  END AS change_doubt
FROM
  explained e
  LEFT JOIN records r ON r.indicator_id = e.indicator_id
  AND r.cycle = e.cycle
  LEFT JOIN records rp ON rp.indicator_id = e.indicator_id
  AND rp.cycle = e.previous_cycle
ORDER BY
  e.indicator_id,
  e.cycle,
  e.against,
  e.kind,
  e.paragraph;
