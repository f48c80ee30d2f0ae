-- Checks: the same fact stated twice must agree. (1) The dates of one event in different paragraphs
-- (report_event_dates, every mention quoted): two mentions disagree when neither date range contains the other
-- ("7-8 April 2025" in paras 6 and 173 against "8–9 April 2025" in para 140; "April 2025" agrees with both). Each
-- disagreeing pair is listed once, with both paragraphs. (2) A table value below the number of instances of the
-- same activity that the narrative describes (indicator_instances): 11.4 prints zero dedicated meetings with States
-- not party, while paras 68, 69 and 74 describe three events with States not party in the period. A warning: the
-- table may count a narrower kind of meeting (with States still relying on cluster munitions), which the report
-- does not say.
CREATE OR REPLACE VIEW consistency_event_dates_by_report AS
WITH
  -- One mention per date of an event: the first mention of each date stands for its repeats, so each pair of
  -- different dates is listed once; `cited` is how the explanation names its place.
  first_mentions AS (
    SELECT
      *,
      CASE
        WHEN paragraph LIKE 'footnote%' THEN paragraph
        ELSE 'para ' || paragraph
      END AS cited
    FROM
      report_event_dates
    QUALIFY
      mention_id = min(mention_id) OVER (
        PARTITION BY
          report_id,
          event,
          date_from,
          date_to
      )
  )
SELECT
  a.report_id,
  'event_dates_differ' AS kind,
  'error' AS severity,
  a.paragraph,
  b.paragraph AS related,
  format('{} (para {})', a.as_written, a.paragraph) AS expected,
  format('{} (para {})', b.as_written, b.paragraph) AS found,
  format(
    'Both date the same event ({}): {} "{}", but {} "{}". As printed: {} against {}.',
    replace(a.event, '_', ' '),
    a.cited,
    a.statement,
    b.cited,
    b.statement,
    a.as_written,
    b.as_written
  ) AS explanation,
  CAST(NULL AS VARCHAR) AS finding_id
FROM
  first_mentions a
  JOIN first_mentions b ON b.report_id = a.report_id
  AND b.event = a.event
  AND a.mention_id < b.mention_id
WHERE
  NOT (
    a.date_from <= b.date_from
    AND b.date_to <= a.date_to
  )
  AND NOT (
    b.date_from <= a.date_from
    AND a.date_to <= b.date_to
  );

CREATE OR REPLACE VIEW consistency_event_dates AS
SELECT
  * EXCLUDE (report_id)
FROM
  consistency_event_dates_by_report
WHERE
  report_id = session_report ();

CREATE OR REPLACE VIEW consistency_table_instances_by_report AS
WITH
  described AS (
    SELECT
      report_id,
      indicator_id,
      cycle,
      count(*) AS instances,
      string_agg(
        paragraph,
        ', '
        ORDER BY
          TRY_CAST (paragraph AS INTEGER),
          paragraph
      ) AS paragraphs,
      string_agg(
        format('para {}: {}', paragraph, instance),
        '; '
        ORDER BY
          TRY_CAST (paragraph AS INTEGER),
          paragraph
      ) AS listed
    FROM
      indicator_instances
    GROUP BY
      report_id,
      indicator_id,
      cycle
  )
SELECT
  d.report_id,
  'table_vs_instances' AS kind,
  'warning' AS severity,
  format('indicator {}', d.indicator_id) AS paragraph,
  d.paragraphs AS related,
  format('{} (table, indicator {}, {} column)', v.value, d.indicator_id, d.cycle) AS expected,
  format('{} described (paras {})', d.instances, d.paragraphs) AS found,
  format(
    'The {} column of the table prints {} for indicator {} ("{}"), but the narrative of the same action describes {} in the period: {}. The table may count a narrower kind, which the report does not say.',
    d.cycle,
    v.value,
    d.indicator_id,
    left(i.text, 80) || CASE
      WHEN length(i.text) > 80 THEN '…'
      ELSE ''
    END,
    CASE
      WHEN d.instances = 1 THEN 'one instance'
      ELSE d.instances || ' instances'
    END,
    d.listed
  ) AS explanation,
  CAST(NULL AS VARCHAR) AS finding_id
FROM
  described d
  -- The report's own printing of the value.
  JOIN report_indicator_values v ON v.report_id = d.report_id
  AND v.indicator_id = d.indicator_id
  AND v.cycle = d.cycle
  JOIN indicators i ON i.indicator_id = d.indicator_id
WHERE
  v.value IS NOT NULL
  AND v.value < d.instances;

CREATE OR REPLACE VIEW consistency_table_instances AS
SELECT
  * EXCLUDE (report_id)
FROM
  consistency_table_instances_by_report
WHERE
  report_id = session_report ();
