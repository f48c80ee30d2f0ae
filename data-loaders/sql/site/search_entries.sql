-- Entries of the site's search beside its pages (observablehq.config.ts): each indicator, leading to its row on
-- its pillar's page; each paragraph of the report with findings, leading to its row on the findings page (its
-- sentences and the States they name as search words, "para 21" and "21" as keywords); and each State, leading
-- to its page with its names and its status today as search words.
SELECT
  '/pillars/' || i.pillar_code || '#indicator-' || i.indicator_id AS path,
  'Indicator ' || i.indicator_id || ': ' || i.text AS title,
  concat_ws(' ', 'indicator', i.indicator_id, i.pillar_code, i.pillar, i.text, i.unit) AS text,
  'indicator ' || i.indicator_id AS keywords
FROM
  indicators i
UNION ALL
SELECT
  '/findings#para-' || f.paragraph,
  'Para ' || f.paragraph || ': ' || any_value(
    f.statement
    ORDER BY
      f.finding_id
  ),
  concat_ws(
    ' ',
    'paragraph',
    f.paragraph,
    string_agg(DISTINCT f.statement, ' '),
    string_agg(DISTINCT coalesce(s.name_en, fs.name_as_written), ' ')
  ),
  'para ' || f.paragraph || ' paragraph ' || f.paragraph
FROM
  findings f
  LEFT JOIN finding_states fs USING (finding_id)
  LEFT JOIN states s ON s.iso3 = fs.iso3
GROUP BY
  f.paragraph
UNION ALL
SELECT
  '/states/' || s.iso3,
  s.name_en,
  concat_ws(' ', s.name_en, s.name_fr, s.name_es, s.iso3, s.iso2, s.region, s.subregion, t.status_label),
  concat_ws(' ', s.iso3, s.iso2)
FROM
  states s
  -- The status today, as the State pages give it (states.sql).
  LEFT JOIN status_on_dates t ON t.iso3 = s.iso3
  AND t.kind = 'today'
ORDER BY
  path;
