-- Entries of the site's search beside its pages (observablehq.config.ts): each indicator, leading to its row on
-- its pillar's page, and each State, leading to its page with its names and its status today as search words.
SELECT '/pillars/' || i.pillar_code || '#indicator-' || i.indicator_id AS path,
       'Indicator ' || i.indicator_id || ': ' || i.text AS title,
       concat_ws(' ', 'indicator', i.indicator_id, i.pillar_code, i.pillar, i.text, i.unit) AS text,
       'indicator ' || i.indicator_id AS keywords
FROM indicators i
UNION ALL
SELECT '/states/' || s.iso3, s.name_en,
       concat_ws(' ', s.name_en, s.name_fr, s.name_es, s.iso3, s.iso2, s.region, s.subregion, l.label),
       concat_ws(' ', s.iso3, s.iso2)
FROM states s
LEFT JOIN state_status st ON st.iso3 = s.iso3 AND st.valid_to IS NULL
LEFT JOIN ccm_status_labels l ON l.status = coalesce(st.status, 'not_party')
ORDER BY path;
