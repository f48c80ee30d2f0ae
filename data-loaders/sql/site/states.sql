-- Current status = the open-ended period of state_status; a State without any period has never signed.
SELECT
  s.iso3,
  s.iso2,
  s.m49,
  s.name_en,
  s.region,
  s.subregion,
  s.un_member,
  s.un_status,
  coalesce(st.status, 'not_party') AS status,
  l.label AS status_label
FROM
  states s
  LEFT JOIN state_status st ON st.iso3 = s.iso3
  AND st.valid_to IS NULL
  LEFT JOIN ccm_status_labels l ON l.status = coalesce(st.status, 'not_party')
ORDER BY
  s.name_en;
