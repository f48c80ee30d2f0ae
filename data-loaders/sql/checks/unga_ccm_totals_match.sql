-- The CCM resolutions' published totals must agree with their per-country rows: these are the figures the briefing
-- quotes. (Other resolutions' mismatches are only recorded, in view unga_total_mismatches.)
SELECT
  'unga_resolutions: ' || resolution_id || ' published ' || total_yes || '-' || total_no || '-' || total_abstentions || '-' || total_non_voting || ' (yes-no-abstain-non-voting) but its rows in ' || source_file || ' count ' || counted_yes || '-' || counted_no || '-' || counted_abstentions || '-' || counted_non_voting || '; correct the file or record why' AS problem
FROM
  unga_resolutions
WHERE
  topic = 'CCM'
  AND has_country_votes
  AND NOT totals_match;
