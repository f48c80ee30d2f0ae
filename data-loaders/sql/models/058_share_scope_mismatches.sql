-- share_scope_mismatches: a share is value / the size of the group the indicator counts among (indicator_scopes),
-- so it means something only when the States behind the value lie inside that group. Where the report names the
-- States behind an indicator's value (a finding linked to the indicator) and one of them is outside the group as the
-- report itself lists it (the finding that sizes the group, scope_sizes.term 'finding:<id>', when its list is
-- complete) or, for the States Parties, outside the membership of the cycle's period (state_status), the numerator
-- and the denominator count different scopes: indicator_trends shows no share, and consistency_share_scope lists
-- the mismatch with both paragraphs. Example: para 128 counts Bosnia and Herzegovina among seven "affected States
-- Parties" (indicator 29.1), but para 104's ten affected States Parties do not include it.
CREATE OR REPLACE VIEW share_scope_mismatches_by_report AS
WITH
  numerators AS (
    SELECT
      f.report_id,
      f.indicator_id,
      f.cycle,
      f.finding_id,
      f.paragraph,
      fs.iso3,
      fs.name_as_written,
      fs.position
    FROM
      report_findings f
      JOIN report_finding_states fs USING (report_id, finding_id)
    WHERE
      f.indicator_id IS NOT NULL
  ),
  -- A group the report lists State by State: its members are the States of the finding its size quotes, when that
  -- finding names as many States as the size (an incomplete list proves nothing about who is outside).
  listed_groups AS (
    SELECT
      z.report_id,
      z.scope_group,
      z.cycle,
      z.size,
      z.paragraph AS group_paragraph,
      gf.finding_id AS group_finding
    FROM
      report_scope_sizes z
      JOIN report_findings gf ON gf.report_id = z.report_id
      AND z.term = 'finding:' || gf.finding_id
    WHERE
      z.size = (
        SELECT
          count(DISTINCT gs.iso3)
        FROM
          report_finding_states gs
        WHERE
          gs.report_id = gf.report_id
          AND gs.finding_id = gf.finding_id
      )
  ),
  outside_listed AS (
    SELECT
      n.*,
      sc.scope_group,
      g.group_paragraph,
      g.size AS group_size,
      format('para {}''s {} {}', g.group_paragraph, g.size, sg.label) AS group_words
    FROM
      numerators n
      JOIN indicator_scopes sc ON sc.indicator_id = n.indicator_id
      JOIN scope_groups sg ON sg.scope_group = sc.scope_group
      JOIN listed_groups g ON g.report_id = n.report_id
      AND g.scope_group = sc.scope_group
      AND g.cycle = n.cycle
    WHERE
      NOT EXISTS (
        SELECT
          1
        FROM
          report_finding_states gs
        WHERE
          gs.report_id = g.report_id
          AND gs.finding_id = g.group_finding
          AND gs.iso3 = n.iso3
      )
  ),
  -- The States Parties during the period: a named State that was a State Party on no day of it is outside.
  outside_membership AS (
    SELECT
      n.*,
      sc.scope_group,
      CAST(NULL AS VARCHAR) AS group_paragraph,
      CAST(NULL AS BIGINT) AS group_size,
      format(
        'the States Parties from {} to {} (state_status)',
        strftime(c.period_start, '%-d %B %Y'),
        strftime(c.period_end, '%-d %B %Y')
      ) AS group_words
    FROM
      numerators n
      JOIN indicator_scopes sc ON sc.indicator_id = n.indicator_id
      AND sc.scope_group = 'states_parties'
      JOIN report_cycles c ON c.report_id = n.report_id
      AND c.cycle = n.cycle
      AND c.period_start IS NOT NULL
      AND c.period_end IS NOT NULL
    WHERE
      NOT EXISTS (
        SELECT
          1
        FROM
          state_status s
        WHERE
          s.iso3 = n.iso3
          AND s.status = 'state_party'
          AND (
            s.valid_from IS NULL
            OR s.valid_from <= c.period_end
          )
          AND (
            s.valid_to IS NULL
            OR s.valid_to > c.period_start
          )
      )
  )
SELECT
  report_id,
  indicator_id,
  cycle,
  finding_id,
  paragraph,
  scope_group,
  group_paragraph,
  group_size,
  string_agg(
    name_as_written,
    ', '
    ORDER BY
      position
  ) AS outside_names,
  count(*) AS outside_count,
  format(
    'Para {} names {} behind indicator {}''s {} value, but {} not among {}: the value counts a wider group than the denominator, so no share is shown.',
    paragraph,
    string_agg(
      name_as_written,
      ', '
      ORDER BY
        position
    ),
    indicator_id,
    cycle,
    CASE
      WHEN count(*) = 1 THEN 'it is'
      ELSE 'they are'
    END,
    group_words
  ) AS reason
FROM
  (
    SELECT
      *
    FROM
      outside_listed
    UNION ALL
    SELECT
      *
    FROM
      outside_membership
  )
GROUP BY
  report_id,
  indicator_id,
  cycle,
  finding_id,
  paragraph,
  scope_group,
  group_paragraph,
  group_size,
  group_words;

-- The session's report's rows (session_report(), data-loaders/sql/models/002_reports.sql).
CREATE OR REPLACE VIEW share_scope_mismatches AS
SELECT
  * EXCLUDE (report_id)
FROM
  share_scope_mismatches_by_report
WHERE
  report_id = session_report ();

-- The same mismatches as consistency issues (one row per finding), so the annex lists them with both paragraphs.
CREATE OR REPLACE VIEW consistency_share_scope_by_report AS
SELECT
  m.report_id,
  'share_scope' AS kind,
  'warning' AS severity,
  m.paragraph,
  m.group_paragraph AS related,
  format(
    'States within the {} of indicator {}',
    (
      SELECT
        label
      FROM
        scope_groups g
      WHERE
        g.scope_group = m.scope_group
    ),
    m.indicator_id
  ) AS expected,
  format('{} named in para {}', m.outside_names, m.paragraph) AS found,
  m.reason AS explanation,
  m.finding_id
FROM
  share_scope_mismatches_by_report m;

CREATE OR REPLACE VIEW consistency_share_scope AS
SELECT
  * EXCLUDE (report_id)
FROM
  consistency_share_scope_by_report
WHERE
  report_id = session_report ();
