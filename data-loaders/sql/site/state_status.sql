SELECT
  st.*,
  l.label AS status_label
FROM
  state_status st
  LEFT JOIN ccm_status_labels l USING (status)
ORDER BY
  st.iso3,
  st.valid_from NULLS FIRST;
